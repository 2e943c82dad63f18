using FichesSite.Pipeline;

namespace FichesSite.Markdown;

/// <summary>A heading of the page body, with the line it was written on in the source file.</summary>
public sealed record Heading(int Level, string Text, string Id, int Line);

/// <summary>A link written in the Markdown: the URL as the page will have it, and the source line.</summary>
public sealed record MarkdownLink(string Url, int Line);

/// <summary>
/// What later stages need to know of the Markdown without parsing it again: headings (contents
/// list, content contract) and links (to name the source line of a broken one).
/// </summary>
public sealed record PageOutline(IReadOnlyList<Heading> Headings, IReadOnlyList<MarkdownLink> Links)
{
    public static readonly MetaKey<PageOutline> Key = new("outline");
}
