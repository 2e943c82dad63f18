using System.Buffers;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace FichesSite.Markdown;

/// <summary>A page's Markdown refused by <see cref="MarkdownLimits"/>: the (0-based, Markdig's) line, the message, what to do.</summary>
public sealed record MarkdownRefusal(int Line, string Message, string Fix);

/// <summary>
/// Bounds what Markdig and our walks of its tree are given, so that any page costs time in proportion to its size:
/// <list type="bullet">
/// <item>nesting (quotes, lists, emphasis, links within each other) at most <see cref="DeepestNesting"/> levels,
/// checked on the tree right after parsing, so that nothing later (Markdig's renderer, our own walks) meets a deeper
/// one; and on each line's leading « &gt; », « - », « 1. » before parsing, where Markdig spent seconds on a line of
/// thousands before giving up. Markdig's own limit, about 128 levels, is an English exception without a line: the
/// page is then parsed again in shorter starts to find it.</item>
/// <item>at most <see cref="MostFormattingSigns"/> formatting signs (* _ ~ ` [ ] ( ) &lt; &gt; !) in a block of lines
/// without a blank line: Markdig's inline parsing takes time in the square of their number within one paragraph
/// (a page of « [a]( » repeated never ended).</item>
/// <item>at most <see cref="MostTableBars"/> « | » in a page: Markdig's pipe tables allocate some 500 bytes for each,
/// in a table or not, escaped or not, so a page of bars cost several times the memory its size allows.</item>
/// </list>
/// </summary>
public static class MarkdownLimits
{
    /// <summary>
    /// Levels of the syntax tree: a list in a list takes two (the list and its item), a paragraph and its text
    /// two more. Far above what a sheet needs, far below where Markdig gives up.
    /// </summary>
    public const int DeepestNesting = 32;

    /// <summary>
    /// A page of a thousand words with a link or an emphasis in every sentence has a few hundred. A page of blocks each
    /// just under the limit, the worst signs chosen, is slow for Markdig but bounded (MarkdownLimitsTests).
    /// </summary>
    public const int MostFormattingSigns = 1_000;

    /// <summary>
    /// A table of 6 columns and 700 rows, far longer than any sheet's, and a bounded number of Markdig's objects.
    /// </summary>
    public const int MostTableBars = 5_000;

    private static readonly SearchValues<char> FormattingSigns = SearchValues.Create("*_~`[]()<>!");

    private static MarkdownRefusal TooDeep(int line) => new(line,
        $"texte imbriqué sur plus de {DeepestNesting} niveaux (citations, listes, mises en valeur ou liens les uns dans les autres).",
        "Simplifiez ce passage. Pour écrire un signe > [ * ou _ qui ne soit pas du Markdown, faites-le précéder d’une barre oblique inverse : « \\[ ».");

    private static MarkdownRefusal TooManySigns(int line) => new(line,
        $"plus de {MostFormattingSigns} signes de mise en forme (* _ ~ ` [ ] ( ) < > !) dans un même bloc de lignes sans ligne vide.",
        "Séparez le texte en paragraphes par des lignes vides ; un signe qui n’est pas de la mise en forme s’écrit précédé d’une barre oblique inverse : « \\* ».");

    private static MarkdownRefusal TooManyTableBars(int line) => new(line,
        $"plus de {MostTableBars} barres verticales « | » dans la page (séparations de cellules de tableau).",
        "Découpez ce tableau, ou répartissez-le sur plusieurs fiches : une fiche n’a pas besoin d’un tableau de cette taille.");

    /// <summary>The page's syntax tree, or null and why it is refused.</summary>
    public static MarkdownDocument? Parse(string text, MarkdownPipeline pipeline, out MarkdownRefusal? refusal)
    {
        refusal = CheckText(text);
        if (refusal is not null)
        {
            return null;
        }
        MarkdownDocument tree;
        try
        {
            tree = Markdig.Markdown.Parse(text, pipeline);
        }
        catch (ArgumentException e) when (IsMarkdigDepthLimit(e))
        {
            refusal = TooDeep(FirstLineMarkdigRefuses(text, pipeline));
            return null;
        }
        var tooDeep = FirstTooDeep(tree);
        refusal = tooDeep < 0 ? null : TooDeep(tooDeep);
        return refusal is null ? tree : null;
    }

    // One pass over the text's lines: the signs of each block of non-blank lines, the containers each line opens.
    private static MarkdownRefusal? CheckText(string text)
    {
        var signs = 0;
        var bars = 0;
        var line = 0;
        for (var start = 0; start < text.Length; line++)
        {
            var found = text.AsSpan(start).IndexOfAny('\n', '\r');
            var end = found < 0 ? text.Length : start + found;
            var content = text.AsSpan(start, end - start);
            bars += content.Count('|');
            if (bars > MostTableBars)
            {
                return TooManyTableBars(line);
            }
            if (content.IsWhiteSpace())
            {
                signs = 0;
            }
            else
            {
                if (LeadingContainers(content) > DeepestNesting)
                {
                    return TooDeep(line);
                }
                for (var rest = content; rest.IndexOfAny(FormattingSigns) is var at and >= 0; rest = rest[(at + 1)..])
                {
                    if (++signs > MostFormattingSigns)
                    {
                        return TooManySigns(line);
                    }
                }
            }
            start = end == text.Length ? end : end + (text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? 2 : 1);
        }
        return null;
    }

    // How many quotes and list items a line opens at its start (« > - 1. texte » opens three), counted up to one more
    // than the limit.
    private static int LeadingContainers(ReadOnlySpan<char> line)
    {
        var count = 0;
        var i = 0;
        while (count <= DeepestNesting)
        {
            while (i < line.Length && line[i] is ' ' or '\t')
            {
                i++;
            }
            if (i == line.Length)
            {
                break;
            }
            var marker = i;
            if (line[i] == '>')
            {
                i++;
            }
            else if (line[i] is '-' or '*' or '+')
            {
                i++;
                if (i < line.Length && line[i] is not (' ' or '\t'))
                {
                    break;
                }
            }
            else
            {
                while (i < line.Length && i - marker < 9 && char.IsAsciiDigit(line[i]))
                {
                    i++;
                }
                if (i == marker || i == line.Length || line[i] is not ('.' or ')') || (i + 1 < line.Length && line[i + 1] is not (' ' or '\t')))
                {
                    break;
                }
                i++;
            }
            count++;
        }
        return count;
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
