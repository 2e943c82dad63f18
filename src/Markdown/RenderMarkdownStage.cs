using FichesSite.Markdown.Sections;
using FichesSite.Pipeline;
using Markdig;
using Markdig.Renderers;

namespace FichesSite.Markdown;

/// <summary>
/// Renders the syntax tree to the HTML of the page body (the layout wraps it later). Each h3 and
/// what follows it up to the next h2 or h3 is wrapped in <c>&lt;div class="subsection"&gt;</c>: on
/// paper a risk (its h3 and its text) then stays on one page when it fits (theme/assets/css/print.css).
/// </summary>
public sealed class RenderMarkdownStage(MarkdownPipeline markdown) : IDocumentStage
{
    public const string SubsectionClass = "subsection";

    /// <summary>The page's body in HTML, which the layout wraps.</summary>
    public static readonly MetaKey<string> Body = new("html-body");

    public string Name => "render Markdown";

    // One renderer per thread, set up once and reused page after page, as Markdig's own Markdown.ToHtml does: a new
    // renderer and writer for each page were most of what this stage allocated.
    private readonly ThreadLocal<(StringWriter Writer, HtmlRenderer Renderer)> _renderers = new(() =>
    {
        var writer = new StringWriter { NewLine = "\n" };
        var renderer = new HtmlRenderer(writer);
        markdown.Setup(renderer);
        return (writer, renderer);
    });

    public Document Run(Document document, SiteProducts site, DiagnosticBag diagnostics)
    {
        var (writer, renderer) = _renderers.Value;
        writer.GetStringBuilder().Clear();
        var open = false;
        foreach (var section in document.Get(PageSectionModel.Key).Sections)
        {
            if (section.HeadingBlock is { } heading)
            {
                if (open)
                {
                    writer.Write("</div>\n");
                }
                open = section.Level == 3;
                if (open)
                {
                    writer.Write($"<div class=\"{SubsectionClass}\">\n");
                }
                renderer.Render(heading);
            }
            foreach (var block in section.Blocks)
            {
                renderer.Render(block);
            }
        }
        if (open)
        {
            writer.Write("</div>\n");
        }
        // The layout, later in the same pass, wraps it.
        return document.With(Body, writer.GetStringBuilder().ToString());
    }
}
