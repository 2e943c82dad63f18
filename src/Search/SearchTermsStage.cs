using FichesSite.Content;
using FichesSite.Markdown.Sections;
using FichesSite.Pipeline;

namespace FichesSite.Search;

/// <summary>
/// Takes from each page, while its syntax tree is still at hand, what the search index needs:
/// its sections with their terms. The index itself is made once every page is known (SearchIndexStage).
/// </summary>
/// <param name="isExcluded">Whether a page (by its output path) is not worth finding: the home page, the site map, the lists of the collection…</param>
/// <param name="terms">Shared by the pages of one build: each distinct word stemmed once, each term one string.</param>
/// <param name="catalog">The services, whose name a sheet's result shows.</param>
/// <param name="internalLabel">What the intranet's pages show above a « ::: interne » block, which its results show too.</param>
public sealed class SearchTermsStage(Func<string, bool> isExcluded, TermCache terms, SiteCatalog catalog, string internalLabel) : IDocumentStage
{
    public static readonly MetaKey<IndexedPage> Key = new("search-terms");

    public string Name => "search terms";

    public Document Run(Document document, SiteProducts site, DiagnosticBag diagnostics)
    {
        if (isExcluded(document.OutputPath))
        {
            return document;
        }
        var frontMatter = document.Get(FrontMatter.Key);
        return document.With(Key, new IndexedPage(frontMatter.Title, document.OutputPath, document.Get(PageSectionModel.Key), frontMatter.Description, terms, internalLabel)
        {
            Service = frontMatter.Service is { } slug ? catalog.Service(slug)?.Name : null,
        });
    }
}
