using Markdig;
using Markdig.Extensions.CustomContainers;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace FichesSite.Markdown;

/// <summary>
/// Writes a « ::: interne » block of the intranet site: its visible label first, so that it is read before the text it
/// marks, by eye and by screen reader. The public site never gets here (<see cref="InternalBlocks"/> removed the block).
/// </summary>
public sealed class InternalBlockRenderer(string label) : HtmlObjectRenderer<CustomContainer>
{
    protected override void Write(HtmlRenderer renderer, CustomContainer block)
    {
        renderer.EnsureLine();
        renderer.Write("<div class=\"interne\">\n<p class=\"interne-label\">").WriteEscape(label).Write("</p>\n");
        renderer.WriteChildren(block);
        renderer.EnsureLine();
        renderer.Write("</div>\n");
    }
}

/// <summary>« ::: » blocks (Markdig's custom containers, without their inline « ::…:: » form), written as internal blocks.</summary>
public sealed class InternalBlockExtension(string label) : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline) => pipeline.BlockParsers.AddIfNotAlready<CustomContainerParser>();

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer) =>
        renderer.ObjectRenderers.AddIfNotAlready(new InternalBlockRenderer(label));
}
