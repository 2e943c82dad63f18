using FichesSite.Pipeline;
using FichesSite.Text;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;

namespace FichesSite.Markdown;

/// <summary>
/// Renders the syntax tree to the HTML of the page body (the layout wraps it later). Each h3 and
/// what follows it up to the next h2 or h3 is wrapped in <c>&lt;div class="subsection"&gt;</c>: on
/// paper a risk (its h3 and its text) then stays on one page when it fits (theme/assets/css/print.css).
/// </summary>
public sealed class RenderMarkdownStage(MarkdownPipeline markdown) : IDocumentStage
{
    public const string SubsectionClass = "subsection";

    /// <summary>
    /// The page body, as UTF-8, until the layout reads it in place (Rendering/HtmlFragment). The preview keeps
    /// every page's in its cache between rebuilds: as UTF-8, French text being mostly ASCII, about half the
    /// memory of a string. The document's content is left empty meanwhile.
    /// </summary>
    public static readonly MetaKey<byte[]> Body = new("body-utf8");

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

    public Document Run(Document document, DiagnosticBag diagnostics)
    {
        var (writer, renderer) = _renderers.Value;
        writer.GetStringBuilder().Clear();
        var open = false;
        foreach (var block in document.Get(ParseMarkdownStage.SyntaxTree))
        {
            if (block is HeadingBlock { Level: <= 3 } heading)
            {
                if (open)
                {
                    writer.Write("</div>\n");
                }
                open = heading.Level == 3;
                if (open)
                {
                    writer.Write($"<div class=\"{SubsectionClass}\">\n");
                }
            }
            renderer.Render(block);
        }
        if (open)
        {
            writer.Write("</div>\n");
        }
        return document.WithContent(string.Empty).With(Body, BuilderText.Utf8Of(writer.GetStringBuilder()));
    }
}
