using System.Collections.Concurrent;

namespace FichesSite.Pipeline;

/// <summary>
/// Runs a sequence of document stages for one page, and remembers the result by source text:
/// when a rebuild finds the file unchanged, the page's previous result (the very same Document
/// instance, so that later caches can recognise it) and its diagnostics are reused. This is what
/// makes the preview's rebuild after one edit cost one page, not the whole site.
/// </summary>
public sealed class CachedDocumentStages(IReadOnlyList<IDocumentStage> stages, CachedDocumentStages.Memory memory) : IDocumentStage
{
    /// <summary>What survives from one build to the next, per source file.</summary>
    public sealed class Memory
    {
        internal ConcurrentDictionary<string, (string SourceText, Document Result, IReadOnlyList<Diagnostic> Diagnostics)> Pages { get; } =
            new(StringComparer.Ordinal);

        /// <summary>Forgets files that no longer exist.</summary>
        public void KeepOnly(IEnumerable<string> sourcePaths)
        {
            var keep = sourcePaths.ToHashSet(StringComparer.Ordinal);
            foreach (var gone in Pages.Keys.Where(k => !keep.Contains(k)))
            {
                Pages.TryRemove(gone, out _);
            }
        }
    }

    public string Name => "pages (" + string.Join(", ", stages.Select(s => s.Name)) + ")";

    public Document Run(Document document, DiagnosticBag diagnostics)
    {
        if (memory.Pages.TryGetValue(document.SourcePath, out var known) && known.SourceText == document.Content)
        {
            diagnostics.AddRange(known.Diagnostics);
            return known.Result;
        }
        var problems = diagnostics.Sibling();
        var result = document;
        foreach (var stage in stages)
        {
            result = PipelineRunner.RunGuarded(stage, result, problems);
            if (problems.HasErrorsFor(document.SourcePath))
            {
                break;
            }
        }
        diagnostics.AddRange(problems);
        memory.Pages[document.SourcePath] = (document.Content, result, problems.All);
        return result;
    }
}
