using FichesSite.Content;
using FichesSite.Pipeline;
using Markdig.Syntax;

namespace FichesSite.Markdown.Sections;

/// <summary>
/// A part of a page body: the page's opening (level 0, no heading), or a top-level h1, h2 or h3 with the top-level
/// blocks that follow it up to the next one. Deeper headings, and headings inside quotes or lists, are blocks of the
/// section they stand in.
/// </summary>
/// <param name="Heading">The heading's plain text as parsed (typography applied); empty for the opening.</param>
/// <param name="Anchor">The heading's id; empty for the opening.</param>
/// <param name="Line">The heading's line in the source file; 0 for the opening.</param>
/// <param name="HeadingBlock">The heading in the syntax tree, null for the opening: a stage that changes the tree
/// (risk figures annotate the percentages of an h3) leaves <paramref name="Heading"/> as parsed.</param>
/// <param name="Blocks">The top-level blocks after the heading, up to the next section.</param>
/// <param name="Rules">For an h2, every rule of the page type's contract whose words start its heading, in contract order.</param>
public sealed record Section(
    int Level,
    string Heading,
    string Anchor,
    int Line,
    HeadingBlock? HeadingBlock,
    IReadOnlyList<Block> Blocks,
    IReadOnlyList<SectionRule> Rules);

/// <summary>
/// Consecutive sections read as one: the first gives the heading, anchor and rules; the blocks are its own, then the
/// heading and blocks of each section after it that did not start a part of its own.
/// </summary>
public sealed record SectionPart(Section Section, IReadOnlyList<Block> Blocks)
{
    /// <summary>
    /// Whether the part shows nothing of its own: its blocks are only headings (of the sections it took in), link
    /// reference definitions, which render nothing, and « ::: interne » blocks, which the public site does not have.
    /// </summary>
    public bool IsEmpty => Blocks.All(b => b is HeadingBlock or LinkReferenceDefinitionGroup or Markdig.Extensions.CustomContainers.CustomContainer);

    /// <summary>How many sections of <paramref name="level"/> the part took in (an h2 part's h3, for the contract).</summary>
    public int Count(int level) => Blocks.Count(b => b is HeadingBlock heading && heading.Level == level);
}

/// <summary>
/// A page's sections, made once after parsing by <see cref="SectionModelStage"/> and matched once against the page
/// type's contract. The stages that work section by section read it rather than walk the tree for headings: risk
/// figures and structured data read <see cref="H2Parts"/>, the cut the contract's rules speak of; readability (at
/// h1/h2) and search (at h2/h3), each the one reader of its cut, make it with <see cref="Parts"/>; rendering reads
/// <see cref="Sections"/> as they are; the contract reads <see cref="H2Parts"/> too (matching, order, emptiness,
/// h3 counts) and refuses <see cref="Contained"/>.
/// </summary>
public sealed class PageSectionModel(IReadOnlyList<Section> sections, IReadOnlyList<Heading> contained)
{
    public static readonly MetaKey<PageSectionModel> Key = new("sections");

    /// <summary>The opening first (always there, maybe without blocks), then each top-level h1–h3 in order.</summary>
    public IReadOnlyList<Section> Sections { get; } = sections;

    /// <summary>
    /// The h1–h3 written inside a quote or a list, in document order: they look like sections to an author but are
    /// blocks of the section they stand in, so the contract refuses them rather than let them pass unseen.
    /// </summary>
    public IReadOnlyList<Heading> Contained { get; } = contained;

    /// <summary>
    /// The page cut at its h2: the opening, then each h2 with its rules and everything up to the next h2 (its h3 and
    /// their blocks). What a rule of the contract (« risk_figures », « schema_property ») covers.
    /// </summary>
    public IReadOnlyList<SectionPart> H2Parts { get; } = Cut(sections, level => level == 2);

    /// <summary>
    /// The page cut at the sections whose level <paramref name="startsPart"/> accepts: the opening always starts the
    /// first part, and every other section joins the part before it, its heading becoming one of that part's blocks.
    /// </summary>
    public IReadOnlyList<SectionPart> Parts(Func<int, bool> startsPart) => Cut(Sections, startsPart);

    private static List<SectionPart> Cut(IReadOnlyList<Section> sections, Func<int, bool> startsPart)
    {
        var parts = new List<SectionPart>();
        Section? first = null;
        List<Block>? merged = null;
        foreach (var section in sections)
        {
            if (first is null || startsPart(section.Level))
            {
                if (first is not null)
                {
                    parts.Add(new SectionPart(first, merged ?? first.Blocks));
                }
                (first, merged) = (section, null);
                continue;
            }
            merged ??= [.. first.Blocks];
            merged.Add(section.HeadingBlock!);
            merged.AddRange(section.Blocks);
        }
        parts.Add(new SectionPart(first!, merged ?? first!.Blocks));
        return parts;
    }
}
