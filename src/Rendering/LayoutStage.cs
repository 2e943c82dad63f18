using System.Collections.Concurrent;
using FichesSite.Content;
using FichesSite.Pipeline;

namespace FichesSite.Rendering;

/// <summary>
/// Wraps each page body in its layout (theme/layouts/&lt;layout&gt;.liquid), then in base.liquid. A site stage because
/// the home page and the site map list the other pages; the pages themselves render in parallel.
/// </summary>
/// <param name="memory">Across the preview's rebuilds: a page whose body and whose site listing are unchanged is not rendered again.</param>
/// <param name="glossary">The terms the glossary page lists (a change rebuilds every page, as for site.yml).</param>
public sealed class LayoutStage(
    ThemeTemplates templates,
    SiteConfig site,
    ThemeStrings strings,
    IReadOnlyDictionary<string, ContentContract> contracts,
    LayoutStage.Memory? memory = null,
    Glossary.GlossaryTerms? glossary = null) : ISiteStage
{
    /// <summary>The last rendering of each page, with what it was rendered from.</summary>
    public sealed class Memory
    {
        internal ConcurrentDictionary<string, (Document Input, string Listing, Document Output)> Pages { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>Every layout is wrapped in this one, which holds the document, header and footer.</summary>
    public const string BaseLayout = "base";

    public string Name => "layout";

    private readonly PrintAddresses _printAddresses = new(site.BaseUrl);

    public IReadOnlyList<Document> Run(IReadOnlyList<Document> documents, DiagnosticBag diagnostics)
    {
        var themeProblems = diagnostics.Sibling();
        templates.Check(themeProblems);
        diagnostics.AddRange(themeProblems);
        if (themeProblems.HasErrors)
        {
            return documents; // a broken template would only fail again on every page
        }
        var model = new SiteModel(site, strings, documents.Where(d => !diagnostics.HasErrorsFor(d.SourcePath)).ToList(), glossary);
        var results = new Document[documents.Count];
        Parallel.For(0, documents.Count, i =>
            results[i] = diagnostics.HasErrorsFor(documents[i].SourcePath) ? documents[i] : RenderOrReuse(documents[i], model, diagnostics));
        return results;
    }

    // The same Document instance comes back from the page cache when its file did not change.
    private Document RenderOrReuse(Document document, SiteModel model, DiagnosticBag diagnostics)
    {
        if (memory is not null && memory.Pages.TryGetValue(document.SourcePath, out var known)
            && ReferenceEquals(known.Input, document) && known.Listing == model.Listing)
        {
            return known.Output;
        }
        var output = Render(document, model, diagnostics);
        if (memory is not null && !diagnostics.HasErrorsFor(document.SourcePath))
        {
            memory.Pages[document.SourcePath] = (document, model.Listing, output);
        }
        return output;
    }

    private Document Render(Document document, SiteModel model, DiagnosticBag diagnostics)
    {
        var frontMatter = document.Get(FrontMatter.Key);
        var layout = frontMatter.Layout ?? (contracts.TryGetValue(frontMatter.Type, out var contract) ? contract.Layout : "page");
        // The 404 page is served at any depth of the site, so its links must be absolute.
        var absoluteBase = document.OutputPath == SiteModel.NotFoundPage ? model.AbsoluteUrl("") : null;
        var values = model.For(document);
        var (body, error) = templates.Render(layout, values, document.OutputPath, absoluteBase);
        var html = body;
        if (body is not null)
        {
            values["content"] = body;
            (html, error) = templates.Render(BaseLayout, values, document.OutputPath, absoluteBase);
            layout = BaseLayout;
        }
        if (html is null)
        {
            diagnostics.Error(document.SourcePath, frontMatter.LineOf("layout"), $"mise en page impossible avec le gabarit « {layout} » : {error}",
                $"Vérifiez le fichier {templates.LayoutPath(layout).Replace('\\', '/')} ou le champ « layout » de la page.");
            return document;
        }
        return document.WithContent(_printAddresses.Apply(document.OutputPath, html));
    }
}
