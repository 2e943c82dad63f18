using System.Diagnostics;

namespace FichesSite.Pipeline;

public sealed record StageTiming(string Stage, TimeSpan Elapsed);

public sealed record PipelineResult(IReadOnlyList<Document> Documents, IReadOnlyList<StageTiming> Timings, bool Completed);

/// <summary>
/// Runs stages in the order given. Stops after the first stage that reported an error: later
/// stages would only repeat the problem in other words, and nothing must be written.
/// </summary>
public static class PipelineRunner
{
    public static PipelineResult Run(IEnumerable<IStage> stages, DiagnosticBag diagnostics)
    {
        IReadOnlyList<Document> documents = [];
        var timings = new List<StageTiming>();
        foreach (var stage in stages)
        {
            var clock = Stopwatch.StartNew();
            documents = stage switch
            {
                IDocumentStage perDocument => RunInParallel(perDocument, documents, diagnostics),
                ISiteStage siteWide => siteWide.Run(documents, diagnostics),
                _ => throw new ArgumentException($"Stage {stage.Name} is neither a document nor a site stage."),
            };
            timings.Add(new StageTiming(stage.Name, clock.Elapsed));
            if (diagnostics.HasErrors)
            {
                return new PipelineResult(documents, timings, Completed: false);
            }
        }
        return new PipelineResult(documents, timings, Completed: true);
    }

    // Keeps the input order so that the output never depends on thread scheduling.
    private static Document[] RunInParallel(IDocumentStage stage, IReadOnlyList<Document> documents, DiagnosticBag diagnostics)
    {
        var results = new Document[documents.Count];
        Parallel.For(0, documents.Count, i => results[i] = stage.Run(documents[i], diagnostics));
        return results;
    }
}
