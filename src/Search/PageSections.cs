using System.Text;
using FichesSite.Markdown;
using FichesSite.Text;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace FichesSite.Search;

/// <summary>A part of a page that a search result can jump to: the page's opening (no heading, no anchor) or an h2/h3 section.</summary>
public sealed record PageSection(string Heading, string Anchor, string Text);

/// <summary>
/// Cuts a page into sections from the Markdig syntax tree kept by the Markdown stage (no second parse): every h2 and
/// h3 starts a section; deeper headings and everything else are text of the current one. The page's description is
/// the text of its opening, so a search can land on the page itself.
/// </summary>
public static class PageSections
{
    /// <summary>
    /// Receives a section, valid only during the call: its <paramref name="text"/> as the page has it (words apart, white
    /// space as written), and its <paramref name="opening"/>: the start of that text with every run of white space made
    /// one space and none at either end, as long as the snippet needs (<see cref="OpeningLength"/> characters at most;
    /// shorter only when that is the whole text).
    /// </summary>
    public delegate void SectionHandler<TState>(string heading, string anchor, ReadOnlySpan<char> text, ReadOnlySpan<char> opening, TState state);

    /// <summary>How much of a section's squeezed text the handler gets: what <see cref="SearchIndex.Snippet"/> reads.</summary>
    public const int OpeningLength = SearchIndex.SnippetLength + 1;

    /// <remarks>
    /// Each section's text goes through one builder per thread, handed over in place: a string of every section's
    /// whole text, which only its terms and a snippet need, was the larger part of what the search terms stage
    /// allocated. Only the snippet's opening is squeezed: the words are the same with white space as written, so the
    /// whole text is not copied a second time (the squeeze was 1.2 % of a 10,000-sheet build's samples in perf, 0.4 %
    /// after).
    /// </remarks>
    public static void ForEach<TState>(MarkdownDocument tree, string description, TState state, SectionHandler<TState> handler)
    {
        var heading = "";
        var anchor = "";
        var text = (t_text ??= new StringBuilder()).Clear();
        text.Append(description);
        var opening = true;
        foreach (var block in tree)
        {
            if (block is HeadingBlock { Level: 2 or 3 } h)
            {
                Emit(heading, anchor, text, opening, state, handler);
                opening = false;
                heading = InlineText.Of(h.Inline);
                anchor = h.GetAttributes().Id ?? "";
                text.Clear();
                continue;
            }
            AppendText(block, text);
        }
        Emit(heading, anchor, text, opening, state, handler);
    }

    [ThreadStatic]
    private static StringBuilder? t_text;

    private static void Emit<TState>(string heading, string anchor, StringBuilder text, bool opening, TState state, SectionHandler<TState> handler)
    {
        Span<char> squeezed = stackalloc char[OpeningLength];
        var start = Squeeze(text, squeezed);
        // An opening with nothing in it (no description, a heading first) is not worth a result of its own.
        if (!opening || !start.IsEmpty)
        {
            handler(heading, anchor, BuilderText.SpanOf(text), start, state);
        }
    }

    // Straight into the section's one builder: a string per paragraph, then a split and a join of each
    // section, were a tenth of what a build allocated.
    // Most blocks of a page are leaves (paragraphs, headings): appended directly, without a one-element list to walk.
    private static void AppendText(Block block, StringBuilder text)
    {
        if (block is LeafBlock leaf)
        {
            AppendLeaf(leaf, text);
            return;
        }
        foreach (var inner in ((ContainerBlock)block).Descendants<LeafBlock>())
        {
            AppendLeaf(inner, text);
        }
    }

    private static void AppendLeaf(LeafBlock leaf, StringBuilder text)
    {
        text.Append(' ');
        if (leaf.Inline is null)
        {
            text.Append(leaf.Lines.ToString());
        }
        else
        {
            InlineText.Append(leaf.Inline, text);
        }
    }

    // The start of the text with every run of white space made one space, and none at either end, as much as fits.
    private static Span<char> Squeeze(StringBuilder text, Span<char> squeezed)
    {
        var length = 0;
        var pendingSpace = false;
        foreach (var chunk in text.GetChunks())
        {
            foreach (var c in chunk.Span)
            {
                if (char.IsWhiteSpace(c))
                {
                    pendingSpace = length > 0;
                    continue;
                }
                if (pendingSpace)
                {
                    if (length == squeezed.Length)
                    {
                        return squeezed;
                    }
                    squeezed[length++] = ' ';
                    pendingSpace = false;
                }
                if (length == squeezed.Length)
                {
                    return squeezed;
                }
                squeezed[length++] = c;
            }
        }
        return squeezed[..length];
    }
}
