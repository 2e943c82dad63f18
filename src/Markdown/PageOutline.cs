using FichesSite.Pipeline;

namespace FichesSite.Markdown;

/// <summary>
/// A heading of the page body, nested ones included, with the line it was written on in the source file. Where a
/// section starts and ends is the section model's to say (Sections/SectionModelStage).
/// </summary>
public sealed record Heading(int Level, string Text, string Id, int Line);

/// <summary>A link written in the Markdown: the URL as the page will have it, and the source line.</summary>
public sealed record MarkdownLink(string Url, int Line);

/// <summary>
/// What later stages need to know of the Markdown without parsing it again: headings (the section
/// model, the heading levels the contract checks), links (to name the source line of a broken one) and the files the
/// page links to that must be copied into the site (paths relative to the content folder).
/// </summary>
public sealed record PageOutline(IReadOnlyList<Heading> Headings, IReadOnlyList<MarkdownLink> Links, IReadOnlyList<string> Attachments)
{
    public static readonly MetaKey<PageOutline> Key = new("outline");

    /// <summary>The files that the given pages link to, each once, in a stable order.</summary>
    public static IReadOnlyList<string> AttachmentsOf(IEnumerable<Document> documents) =>
        documents.SelectMany(d => d.Get(Key).Attachments).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
}
