using System.Collections.Concurrent;
using System.Text;
using FichesSite.Content;
using FichesSite.Markdown;
using FichesSite.Pipeline;
using FichesSite.Print;
using FichesSite.StructuredData;
using FichesSite.Text;

namespace FichesSite.Rendering;

/// <summary>
/// Wraps each page body in its layout (theme/layouts/&lt;layout&gt;.liquid), then in base.liquid, with the
/// site model that SiteModelStage made from every page (the home page and the site map list the others).
/// </summary>
/// <param name="baseUrl">The public site's address, which links print (<see cref="PrintAddresses"/>).</param>
/// <param name="notFoundRoot">Where the 404 page's links start (<see cref="PageAddresses.NotFoundRoot"/> of the address this build is served at).</param>
/// <param name="memory">Across the preview's rebuilds: a page whose body and whose site listing are unchanged is not rendered again.</param>
public sealed class LayoutStage(
    ThemeTemplates templates,
    string? baseUrl,
    string notFoundRoot,
    IReadOnlyDictionary<string, ContentContract> contracts,
    LayoutStage.Memory? memory = null) : IDocumentStage
{
    /// <summary>The last rendering of each page, with what it was rendered from.</summary>
    public sealed class Memory
    {
        internal ConcurrentDictionary<string, (Document Input, string Listing, Document Output)> Pages { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>Every layout is wrapped in this one, which holds the document, header and footer.</summary>
    public const string BaseLayout = "base";

    public string Name => "layout";

    private readonly PrintAddresses _printAddresses = new(baseUrl);

    // Per thread, private to this stage: the page's own layout is rendered into the first, then base.liquid into the
    // second, then the page with its print addresses into the third, which is read in place to be encoded.
    private readonly ThreadLocal<(StringWriter Inner, StringWriter Page, StringBuilder Printed)> _buffers =
        new(() => (new StringWriter(), new StringWriter(), new StringBuilder()));

    public Document Run(Document document, SiteProducts site, DiagnosticBag diagnostics) => RenderOrReuse(document, site.Get(SiteModel.Key), diagnostics);

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
        if (templates.LayoutProblem(layout) is { } problem)
        {
            diagnostics.Error(document.SourcePath, frontMatter.LineOf("layout"), $"mise en page impossible : {problem}.",
                $"Écrivez après « layout: » (dans l’en-tête, ou pour le type de page dans contracts.yml) le nom d’un gabarit du thème : {string.Join(", ", templates.LayoutNames)}.");
            return document;
        }
        var values = model.For(document);
        // Each thread renders into reused buffers; the page is read in place by the print addresses.
        var (inner, output, printed) = _buffers.Value;
        inner.GetStringBuilder().Clear();
        output.GetStringBuilder().Clear();
        printed.Clear();
        var error = templates.RenderTo(inner, layout, values, document.OutputPath, notFoundRoot);
        if (error is null)
        {
            values["content"] = inner.ToString();
            layout = BaseLayout;
            error = templates.RenderTo(output, layout, values, document.OutputPath, notFoundRoot);
        }
        if (error is not null)
        {
            diagnostics.Error(document.SourcePath, frontMatter.LineOf("layout"), $"mise en page impossible avec le gabarit « {layout} » : {error}",
                $"Vérifiez le fichier {templates.LayoutPath(layout).Replace('\\', '/')} ou le champ « layout » de la page.");
            return document;
        }
        if (document.OutputPath == PageAddresses.NotFoundPage)
        {
            // No printed addresses there: its links are written from the base URL's path, which they would read as
            // relative to the page, and no one prints a page shown at a missing address.
            printed.Append(output.GetStringBuilder());
        }
        else
        {
            _printAddresses.Apply(document.OutputPath, BuilderText.SpanOf(output.GetStringBuilder()), printed);
        }
        var html = BuilderText.SpanOf(printed);
        var utf8 = new byte[Encoding.UTF8.GetByteCount(html)];
        Encoding.UTF8.GetBytes(html, utf8);
        // What only the page's HTML needed (its body, the QR code, the JSON-LD) is in it now: not kept for the site-wide stages.
        return document
            .Without(RenderMarkdownStage.Body)
            .With(PageHtml.Key, utf8)
            .Without(PrintSheet.Key)
            .Without(StructuredDataStage.JsonLd);
    }
}
