using FichesSite.Pipeline;

namespace FichesSite.Search;

/// <summary>
/// Builds the search index from the sections each page's SearchTermsStage took. The pages pass through
/// unchanged; the index scripts are handed on as the site's generated files (<see cref="GeneratedFiles.SiteKey"/>).
/// </summary>
/// <param name="splitAboveBytes">Past this size the index is split into chunks of terms and blocks of sections (see SearchIndex.ToFiles).</param>
/// <param name="pagesPerBlock">Pages per block of sections in a split index.</param>
public sealed class SearchIndexStage(long splitAboveBytes = SearchIndexStage.DefaultSplitAboveBytes, int pagesPerBlock = SearchIndexStage.DefaultPagesPerBlock) : ISiteStage
{
    /// <summary>
    /// The largest index loaded whole: past it, the engine would wait too long for one script (docs/search.md has the
    /// measurements behind the figure).
    /// </summary>
    public const long DefaultSplitAboveBytes = 1_500_000;

    /// <summary>
    /// Pages per block of sections in a split index, chosen by measurement (docs/search.md, Chunking): each script
    /// costs a fixed time whatever its size, so small blocks are slow on a small site; on a large site the pages a
    /// query shows each touch their own block whatever its size, so large blocks load more bytes for nothing.
    /// </summary>
    public const int DefaultPagesPerBlock = 16;

    /// <summary>Where the index goes in the site; base.liquid loads it with a &lt;script src&gt;.</summary>
    public const string ScriptPath = PageAddresses.AssetsFolder + "search-index.js";

    public string Name => "search index";

    /// <summary>The index scripts (UTF-8) by site path: <see cref="ScriptPath"/>, and chunks and blocks past the threshold.</summary>
    public BuildState Run(BuildState build, DiagnosticBag diagnostics)
    {
        var index = new SearchIndex(build.Documents
            .Where(d => !diagnostics.HasErrorsFor(d.SourcePath))
            .Select(d => d.TryGet(SearchTermsStage.Key, out var page) ? page : null)
            .OfType<IndexedPage>()
            .ToList());
        return build.With(GeneratedFiles.SiteKey, index.ToFiles(splitAboveBytes, pagesPerBlock));
    }
}
