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
    /// About 100 ms of loading in headless Chromium on the project's 2-core machine, some 400 fiches: see docs/search.md.
    /// </summary>
    public const long DefaultSplitAboveBytes = 1_500_000;

    /// <summary>
    /// Pages per block of sections in a split index (about 27 KB of headings and snippets), chosen by measurement
    /// (docs/search.md, Chunking): each script costs a few ms whatever its size, so blocks of 4 pages were slowest at
    /// 1,000 fiches; the 50 pages a query shows touch about 50 blocks at 10,000 fiches whatever their size, so blocks
    /// of 32 loaded more bytes and were slower there than blocks of 16.
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
