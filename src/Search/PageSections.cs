using System.Text;
using FichesSite.Markdown;
using FichesSite.Markdown.Sections;
using Markdig.Extensions.CustomContainers;
using Markdig.Syntax;

namespace FichesSite.Search;

/// <summary>A part of a page that a search result can jump to: the page's opening (no heading, no anchor) or an h2/h3 section.</summary>
public sealed record PageSection(string Heading, string Anchor, string Text);

/// <summary>
/// A page's search sections, from its section model: every h2 and h3 starts one; deeper headings and everything else
/// are text of the current one. The page's description is the text of its opening, so a search can land on the page
/// itself.
/// </summary>
public static class PageSections
{
    /// <summary>How much of a section's squeezed text the snippet needs: what <see cref="SearchIndex.Snippet"/> reads.</summary>
    public const int OpeningLength = SearchIndex.SnippetLength + 1;

    /// <summary>The parts a search result can land on: the page's opening, then each h2 and h3 with what follows it.</summary>
    public static IReadOnlyList<SectionPart> Of(PageSectionModel model) => model.Parts(level => level is 2 or 3);

    /// <summary>
    /// The part's heading as the page has it now, read from the tree rather than the model: risk figures may have
    /// annotated an h3's percentages since parsing.
    /// </summary>
    public static string HeadingOf(SectionPart part) => part.Section.HeadingBlock is { } heading ? InlineText.Of(heading.Inline) : "";

    /// <summary>
    /// Appends the part's text as the page has it (words apart, white space as written), into a builder the caller
    /// owns: the opening's text starts with the page's description. A « ::: interne » block, which only the intranet's
    /// pages still hold, starts with <paramref name="internalLabel"/>, as the page shows it: a result's snippet never
    /// shows internal text as if it were the public one.
    /// </summary>
    public static void AppendText(SectionPart part, string description, StringBuilder text, string internalLabel)
    {
        if (part.Section.Level == 0)
        {
            text.Append(description);
        }
        foreach (var block in part.Blocks)
        {
            AppendText(block, text, internalLabel);
        }
    }

    /// <summary>
    /// The start of <paramref name="text"/> with every run of white space made one space and none at either end, as
    /// much as <paramref name="squeezed"/> holds: the words are those of the text as written, so only the snippet's
    /// opening is squeezed rather than the whole text copied again.
    /// </summary>
    public static ReadOnlySpan<char> Opening(ReadOnlySpan<char> text, Span<char> squeezed)
    {
        var length = 0;
        var pendingSpace = false;
        foreach (var c in text)
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
        return squeezed[..length];
    }

    private static void AppendText(Block block, StringBuilder text, string internalLabel)
    {
        if (block is LeafBlock leaf)
        {
            AppendLeaf(leaf, text);
            return;
        }
        if (block is CustomContainer)
        {
            text.Append(' ').Append(internalLabel).Append(" :"); // « ::: » blocks are internal ones (Markdown/InternalBlocks)
        }
        foreach (var inner in (ContainerBlock)block)
        {
            AppendText(inner, text, internalLabel);
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
}
