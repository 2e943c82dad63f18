using System.Collections.Concurrent;

namespace FichesSite.Pipeline;

/// <summary>
/// Runs a sequence of document stages for one page, and remembers the result: when a rebuild hands the
/// same page again, the previous result (the very same Document instance, so that later caches can
/// recognise it) and its diagnostics are reused. This is what makes the preview's rebuild after one edit
/// cost one page, not the whole site. The stages it wraps must not read the site products, which it does not compare:
/// those that do (the layout) keep their own memory.
/// </summary>
/// <param name="match">How a page is known to be the same as last time (see <see cref="Match"/>).</param>
public sealed class CachedDocumentStages(IReadOnlyList<IDocumentStage> stages, CachedDocumentStages.Memory memory, CachedDocumentStages.Match match) : IDocumentStage
{
    /// <summary>When a page handed to the stages counts as unchanged.</summary>
    public enum Match
    {
        /// <summary>Its text is the same (for the first stages after reading: each build reads every file afresh).</summary>
        SourceText,

        /// <summary>
        /// It is the very Document an earlier cache handed last time: for stages after others, whose result
        /// depends on what those added (the front matter), so that an unchanged page is recognised without
        /// comparing its text again and a changed one whatever its earlier stages changed.
        /// </summary>
        SameDocument,
    }

    /// <summary>What survives from one build to the next, per source file.</summary>
    public sealed class Memory
    {
        internal ConcurrentDictionary<string, (Document Input, Document Result, DiagnosticBag Diagnostics)> Pages { get; } =
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

    public Document Run(Document document, SiteProducts site, DiagnosticBag diagnostics)
    {
        if (memory.Pages.TryGetValue(document.SourcePath, out var known) && IsSame(known.Input, document))
        {
            diagnostics.AddRange(known.Diagnostics);
            return known.Result;
        }
        var problems = diagnostics.Sibling();
        var result = document;
        foreach (var stage in stages)
        {
            result = PipelineRunner.RunGuarded(stage, result, site, problems);
            if (problems.HasErrorsFor(document.SourcePath))
            {
                break;
            }
        }
        diagnostics.AddRange(problems);
        memory.Pages[document.SourcePath] = (document, result, problems);
        return result;
    }

    private bool IsSame(Document known, Document document) =>
        match == Match.SameDocument ? ReferenceEquals(known, document) : known.Source == document.Source;
}
