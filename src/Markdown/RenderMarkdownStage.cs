using FichesSite.Pipeline;
using Markdig;
using Markdig.Renderers;

namespace FichesSite.Markdown;

/// <summary>Renders the syntax tree to the HTML of the page body (the layout wraps it later).</summary>
public sealed class RenderMarkdownStage(MarkdownPipeline markdown) : IDocumentStage
{
    public string Name => "render Markdown";

    public Document Run(Document document, DiagnosticBag diagnostics)
    {
        var writer = new StringWriter { NewLine = "\n" };
        var renderer = new HtmlRenderer(writer);
        markdown.Setup(renderer);
        renderer.Render(document.Get(ParseMarkdownStage.SyntaxTree));
        return document.WithContent(writer.ToString());
    }
}
