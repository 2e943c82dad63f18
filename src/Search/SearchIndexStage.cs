using FichesSite.Content;
using FichesSite.Markdown;
using FichesSite.Pipeline;

namespace FichesSite.Search;

/// <summary>
/// Builds the search index from the finished pages, one entry per section (page opening, h2, h3), from the syntax
/// tree and front matter that earlier stages kept. The pages pass through unchanged; the index script is left in
/// <see cref="Script"/> for the build to write at <see cref="ScriptPath"/>.
/// </summary>
/// <param name="excludedPages">Output paths of pages that are not worth finding (home, site map, 404, the search page).</param>
public sealed class SearchIndexStage(IReadOnlyCollection<string> excludedPages) : ISiteStage
{
    /// <summary>Where the index goes in the site; base.liquid loads it with a &lt;script src&gt;.</summary>
    public const string ScriptPath = "assets/search-index.js";

    public string Name => "search index";

    /// <summary>The index as a script, once the stage has run.</summary>
    public string? Script { get; private set; }

    /// <summary>The index itself, once the stage has run (for tests and measurements).</summary>
    public SearchIndex? Index { get; private set; }

    public IReadOnlyList<Document> Run(IReadOnlyList<Document> documents, DiagnosticBag diagnostics)
    {
        Index = new SearchIndex(documents
            .Where(d => !excludedPages.Contains(d.OutputPath))
            .Select(d =>
            {
                var frontMatter = d.Get(FrontMatter.Key);
                return new IndexedPage(frontMatter.Title, d.OutputPath, PageSections.Of(d.Get(ParseMarkdownStage.SyntaxTree), frontMatter.Description));
            }));
        Script = Index.ToScript();
        return documents;
    }
}
