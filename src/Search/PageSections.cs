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
        var text = new StringBuilder(description);
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

    private static void AppendText(Block block, StringBuilder text)
    {
        IEnumerable<LeafBlock> leaves = block is LeafBlock leaf ? [leaf] : ((ContainerBlock)block).Descendants<LeafBlock>();
        foreach (var l in leaves)
        {
            text.Append(' ').Append(l.Inline is null ? l.Lines.ToString() : InlineText.Of(l.Inline));
        }
    }

    private static string Squeeze(StringBuilder text) => string.Join(' ', text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
