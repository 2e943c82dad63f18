using FichesSite.Markdown;
using FichesSite.Pipeline;
using Markdig;
using Markdig.Renderers;

namespace FichesSite.Tests.Markdown;

/// <summary>What the stages made of a page, read as the build reads it: the errors they found, or its body's HTML.</summary>
public static class ParsedPage
{
    public static IReadOnlyList<Diagnostic> Errors(DiagnosticBag diagnostics) =>
        [.. diagnostics.All.Where(d => d.Severity == Severity.Error)];

    /// <summary>The page's syntax tree rendered by the pipeline that parsed it.</summary>
    public static string Html(MarkdownPipeline pipeline, Document page)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        pipeline.Setup(renderer);
        renderer.Render(page.Get(ParseMarkdownStage.SyntaxTree));
        return writer.ToString();
    }
}
