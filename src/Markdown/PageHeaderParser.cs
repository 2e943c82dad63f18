using FichesSite.Content;
using Markdig;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Syntax;

namespace FichesSite.Markdown;

/// <summary>
/// Skips the page header that the front matter stage read, from the « --- » of the first line to the next « --- »
/// line (the same rule: <see cref="FrontMatterStage.IsFence"/>), so that Markdig parses the file as it is: line
/// numbers in the syntax tree are the file's own, and no copy of each page's body with its header blanked is made.
/// The header's lines are discarded; <see cref="ParseMarkdownStage"/> removes the empty block left in their place.
/// </summary>
public sealed class PageHeaderParser : BlockParser
{
    public PageHeaderParser() => OpeningCharacters = ['-'];

    public override BlockState TryOpen(BlockProcessor processor)
    {
        // Only the file's first line, and only when a closing line follows: a lone « --- » is Markdown's rule.
        if (processor.LineIndex != 0 || processor.Start != 0 || !FrontMatterStage.IsFence(processor.Line.AsSpan())
            || FrontMatterStage.ClosingFence(processor.Line.Text).Line < 0)
        {
            return BlockState.None;
        }
        processor.NewBlocks.Push(new PageHeaderBlock(this));
        return BlockState.ContinueDiscard;
    }

    public override BlockState TryContinue(BlockProcessor processor, Block block)
    {
        if (processor.Column == 0 && FrontMatterStage.IsFence(processor.Line.AsSpan()))
        {
            return BlockState.BreakDiscard;
        }
        processor.GoToColumn(processor.ColumnBeforeIndent); // the line is the header's whatever its indentation
        return BlockState.ContinueDiscard;
    }
}

/// <summary>Where the page header was, until <see cref="ParseMarkdownStage"/> removes it.</summary>
public sealed class PageHeaderBlock(BlockParser parser) : LeafBlock(parser);

/// <summary>Puts <see cref="PageHeaderParser"/> before every other block parser (« --- » is also a thematic break).</summary>
public sealed class PageHeaderExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.BlockParsers.Contains<PageHeaderParser>())
        {
            pipeline.BlockParsers.Insert(0, new PageHeaderParser());
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }
}
