using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace FichesSite.Markdown;

/// <summary>
/// Bounds how deep a page's Markdown nests (quotes, lists, emphasis, links within each other), checked once, right
/// after parsing, so that nothing later (Markdig's renderer, our own walks of the tree) meets a tree deeper than
/// <see cref="DeepestNesting"/>. Markdig itself stops at about 128 levels by throwing an exception that says neither
/// where nor why in French: parsing is retried on shorter starts of the page to find the line.
/// </summary>
public static class MarkdownNesting
{
    /// <summary>
    /// Levels of the syntax tree: a list in a list takes two (the list and its item), a paragraph and its text
    /// two more. Far above what a sheet needs, far below where Markdig gives up.
    /// </summary>
    public const int DeepestNesting = 32;

    /// <summary>The page's syntax tree, or null and the (0-based, Markdig's) line where it nests too deep.</summary>
    public static MarkdownDocument? Parse(string text, MarkdownPipeline pipeline, out int tooDeepLine)
    {
        MarkdownDocument tree;
        try
        {
            tree = Markdig.Markdown.Parse(text, pipeline);
        }
        catch (ArgumentException e) when (IsMarkdigDepthLimit(e))
        {
            tooDeepLine = FirstLineMarkdigRefuses(text, pipeline);
            return null;
        }
        tooDeepLine = FirstTooDeep(tree);
        return tooDeepLine < 0 ? tree : null;
    }

    // Markdig's ThrowHelper.CheckDepthLimit: « Markdown elements in the input are too deeply nested ».
    private static bool IsMarkdigDepthLimit(ArgumentException e) => e.Message.Contains("too deeply nested", StringComparison.Ordinal);

    /// <summary>The line of the first node (in page order) deeper than the limit, or -1. A walk without recursion.</summary>
    public static int FirstTooDeep(MarkdownDocument tree)
    {
        var pending = new Stack<(MarkdownObject Node, int Depth)>();
        pending.Push((tree, 0));
        while (pending.TryPop(out var item))
        {
            var (node, depth) = item;
            if (depth > DeepestNesting)
            {
                return node.Line;
            }
            // Children pushed last first, so that they come out in page order.
            switch (node)
            {
                case ContainerBlock container:
                    for (var i = container.Count - 1; i >= 0; i--)
                    {
                        pending.Push((container[i], depth + 1));
                    }
                    break;
                case LeafBlock { Inline: { } inline }:
                    pending.Push((inline, depth + 1));
                    break;
                case ContainerInline inlines:
                    for (var child = inlines.LastChild; child is not null; child = child.PreviousSibling)
                    {
                        pending.Push((child, depth + 1));
                    }
                    break;
            }
        }
        return -1;
    }

    // Where a page that Markdig refuses goes too deep: the longest start of the page that Markdig parses (found by
    // halving, in a few dozen parses at most) nests nearly as deep, and its first node past our limit is the line to
    // name; failing that, the line that makes the start no longer parse.
    private static int FirstLineMarkdigRefuses(string text, MarkdownPipeline pipeline)
    {
        var lineEnds = LineEnds(text);
        var parses = 0; // the first `parses` lines parse (none is the empty text)
        var fails = lineEnds.Count; // the first `fails` lines do not
        MarkdownDocument? longest = null;
        while (fails - parses > 1)
        {
            var middle = parses + (fails - parses) / 2;
            if (TryParse(text[..lineEnds[middle - 1]], pipeline) is { } tree)
            {
                parses = middle;
                longest = tree;
            }
            else
            {
                fails = middle;
            }
        }
        return longest is not null && FirstTooDeep(longest) is >= 0 and var line ? line : fails - 1;
    }

    private static MarkdownDocument? TryParse(string text, MarkdownPipeline pipeline)
    {
        try
        {
            return Markdig.Markdown.Parse(text, pipeline);
        }
        catch (ArgumentException e) when (IsMarkdigDepthLimit(e))
        {
            return null;
        }
    }

    // Where each line ends, its line end included, as Markdig counts lines (« \n », « \r\n », a lone « \r »).
    private static List<int> LineEnds(string text)
    {
        var ends = new List<int>();
        var i = 0;
        while (i < text.Length)
        {
            var found = text.AsSpan(i).IndexOfAny('\n', '\r');
            if (found < 0)
            {
                ends.Add(text.Length);
                break;
            }
            i += found;
            i += text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
            ends.Add(i);
        }
        return ends;
    }
}
