using System.Diagnostics;

namespace FichesSite.Pipeline;

public sealed record StageTiming(string Stage, TimeSpan Elapsed);

public sealed record PipelineResult(IReadOnlyList<Document> Documents, IReadOnlyList<StageTiming> Timings, bool Completed);

/// <summary>
/// Runs stages in the order given. A page with an error is left out of the later document stages
/// (they would only repeat the problem in other words), but the other pages go on, so that one
/// build reports every page's problems at once. The result is complete only without any error.
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
            if (HasSiteWideError(diagnostics))
            {
                break; // a broken theme or configuration: later stages would only report its effects on every page
            }
        }
        return new PipelineResult(documents, timings, Completed: !diagnostics.HasErrors);
    }

    // Pages are Markdown files; an error anywhere else (a template, a configuration file, an option) concerns the whole site.
    private static bool HasSiteWideError(DiagnosticBag diagnostics) =>
        diagnostics.All.Any(d => d.Severity == Severity.Error && !d.File.EndsWith(".md", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// A bug of ours met on one page becomes an error naming that page, so the author knows which
    /// file triggers it and the published site stays untouched; the fuzz tests hunt for these.
    /// </summary>
    internal static Document RunGuarded(IDocumentStage stage, Document document, DiagnosticBag diagnostics)
    {
        try
        {
            return stage.Run(document, diagnostics);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            diagnostics.Error(document.SourcePath, 0, $"{InternalErrorMessage} (étape « {stage.Name} » : {e.GetType().Name}: {e.Message})",
                "Signalez ce message à l’équipe du site avec le fichier ; en attendant, cherchez dans la page la construction inhabituelle qui le provoque.");
            return document;
        }
    }

    public const string InternalErrorMessage = "erreur interne du générateur sur cette page";

    // Keeps the input order so that the output never depends on thread scheduling.
    private static Document[] RunInParallel(IDocumentStage stage, IReadOnlyList<Document> documents, DiagnosticBag diagnostics)
    {
        var results = new Document[documents.Count];
        Parallel.For(0, documents.Count, i =>
            results[i] = diagnostics.HasErrorsFor(documents[i].SourcePath) ? documents[i] : RunGuarded(stage, documents[i], diagnostics));
        return results;
    }
}
