using System.Collections.Concurrent;
using FichesSite.Content;
using FichesSite.Markdown;
using FichesSite.Pipeline;

namespace FichesSite.Search;

/// <summary>
/// Builds the search index from the finished pages, one entry per section (page opening, h2, h3), from the syntax
/// tree and front matter that earlier stages kept. The pages pass through unchanged; the index scripts are left in
/// <see cref="Files"/> for the build to write.
/// </summary>
/// <param name="excludedPages">Output paths of pages that are not worth finding (home, site map, 404, the search page).</param>
/// <param name="splitAboveBytes">Past this size the index is split into chunks of terms (see SearchIndex.ToFiles).</param>
/// <param name="memory">Given by the preview, to index again only the pages that changed.</param>
public sealed class SearchIndexStage(
    IReadOnlyCollection<string> excludedPages,
    long splitAboveBytes = SearchIndexStage.DefaultSplitAboveBytes,
    SearchIndexStage.Memory? memory = null) : ISiteStage
{
    /// <summary>
    /// About 100 ms of loading in headless Chromium on the project's 2-core machine, some 400 fiches: see docs/search.md.
    /// </summary>
    public const long DefaultSplitAboveBytes = 1_500_000;

    /// <summary>Where the index goes in the site; base.liquid loads it with a &lt;script src&gt;.</summary>
    public const string ScriptPath = SearchIndex.ScriptPath;

    public string Name => "search index";

    /// <summary>Across the preview's rebuilds: the indexed form of each page, with the page it was made from.</summary>
    public sealed class Memory
    {
        internal ConcurrentDictionary<string, (Document Source, IndexedPage Page)> Pages { get; } = new(StringComparer.Ordinal);
    }

    private IndexedPage PageOf(Document document, TermCache cache)
    {
        if (memory is not null && memory.Pages.TryGetValue(document.OutputPath, out var known) && ReferenceEquals(known.Source, document))
        {
            return known.Page;
        }
        var frontMatter = document.Get(FrontMatter.Key);
        var page = new IndexedPage(frontMatter.Title, document.OutputPath, PageSections.Of(document.Get(ParseMarkdownStage.SyntaxTree), frontMatter.Description), cache);
        if (memory is not null)
        {
            memory.Pages[document.OutputPath] = (document, page);
        }
        return page;
    }

    /// <summary>The index scripts by site path, once the stage has run: <see cref="ScriptPath"/>, and chunks past the threshold.</summary>
    public IReadOnlyDictionary<string, string> Files { get; private set; } = new Dictionary<string, string>();

    /// <summary>The index itself, once the stage has run (for tests and measurements).</summary>
    public SearchIndex? Index { get; private set; }

    public IReadOnlyList<Document> Run(IReadOnlyList<Document> documents, DiagnosticBag diagnostics)
    {
        var cache = new TermCache();
        Index = new SearchIndex(documents
            .Where(d => !excludedPages.Contains(d.OutputPath) && !diagnostics.HasErrorsFor(d.SourcePath))
            .AsParallel()
            .Select(d => PageOf(d, cache))
            .ToList());
        Files = Index.ToFiles(splitAboveBytes);
        return documents;
    }
}
