using FichesSite.Pipeline;

namespace FichesSite.Markdown.Sections;

/// <summary>A line of a page's contents list: an h2 section's anchor and heading.</summary>
public sealed record ContentsEntry(string Anchor, string Heading);

/// <summary>
/// The page's contents list, taken from its <see cref="PageSectionModel"/> when the model is made: the h2 sections, as
/// the contract checks them. It outlives the model, which is dropped with the syntax tree before the layout reads it.
/// </summary>
public sealed record PageContents(IReadOnlyList<ContentsEntry> Entries)
{
    public static readonly MetaKey<PageContents> Key = new("contents");

    public static PageContents Of(PageSectionModel model) =>
        new(model.Sections.Where(s => s.Level == 2).Select(s => new ContentsEntry(s.Anchor, s.Heading)).ToList());
}
