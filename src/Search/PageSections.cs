using System.Buffers;
using System.Text;
using FichesSite.Markdown;
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
    public static IReadOnlyList<PageSection> Of(MarkdownDocument tree, string description)
    {
        var sections = new List<PageSection>();
        var heading = "";
        var anchor = "";
        var text = new StringBuilder(description.Length + 4096);
        text.Append(description);
        foreach (var block in tree)
        {
            if (block is HeadingBlock { Level: 2 or 3 } h)
            {
                sections.Add(new PageSection(heading, anchor, Squeeze(text)));
                heading = InlineText.Of(h.Inline);
                anchor = h.GetAttributes().Id ?? "";
                text.Clear();
                continue;
            }
            AppendText(block, text);
        }
        sections.Add(new PageSection(heading, anchor, Squeeze(text)));
        // An opening with nothing in it (no description, a heading first) is not worth a result of its own.
        return sections.Where((s, i) => i > 0 || s.Text.Length > 0).ToList();
    }

    // Straight into the section's one builder: a string per paragraph, then a split and a join of each
    // section, were a tenth of what a build allocated.
    private static void AppendText(Block block, StringBuilder text)
    {
        IEnumerable<LeafBlock> leaves = block is LeafBlock leaf ? [leaf] : ((ContainerBlock)block).Descendants<LeafBlock>();
        foreach (var l in leaves)
        {
            text.Append(' ');
            if (l.Inline is null)
            {
                text.Append(l.Lines.ToString());
            }
            else
            {
                InlineText.Append(l.Inline, text);
            }
        }
    }

    // The text with every run of white space made one space, and none at either end.
    private static string Squeeze(StringBuilder text)
    {
        var squeezed = ArrayPool<char>.Shared.Rent(text.Length);
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
                    squeezed[length++] = ' ';
                    pendingSpace = false;
                }
                squeezed[length++] = c;
            }
        }
        var result = new string(squeezed, 0, length);
        ArrayPool<char>.Shared.Return(squeezed);
        return result;
    }
}
