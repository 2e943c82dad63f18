using System.Collections.Frozen;
using FichesSite.Content;
using FichesSite.Pipeline;

namespace FichesSite.Markdown;

/// <summary>
/// The ids a page holds besides its headings', which a heading's id must never take: two elements with one id break
/// the page (the glossary's button opens the first, a heading « Terme métastase » on a sheet made « terme-metastase »
/// and the button opened nothing): the theme's own (<see cref="ThemeIds"/>), that of « L’essentiel » and those the glossary adds.
/// </summary>
public sealed class ReservedIds
{
    /// <summary>The glossary layout's name: a page in it lists every term, each with its id.</summary>
    public const string GlossaryLayout = "glossary";

    /// <summary>The theme's ids only: for a site without glossary, and for tests.</summary>
    public static readonly ReservedIds ThemeOnly = new(GlossaryTerms.Empty);

    private readonly FrozenSet<string> _everyPage;
    private readonly FrozenSet<string> _glossaryPage;

    public ReservedIds(GlossaryTerms glossary)
    {
        // Definitions are written beside a term's first use in a sheet (Markdown/GlossaryTermInline).
        // « L’essentiel » names its region by its heading's id (Markdown/CalloutRenderer).
        _everyPage = ThemeIds.All.Append(CalloutsStage.KeyPointsId)
            .Concat(glossary.Entries.Select(GlossaryTerms.DefinitionId)).ToFrozenSet(StringComparer.Ordinal);
        // The glossary layout (Rendering/GlossaryModel) gives each letter and each term an id.
        _glossaryPage = _everyPage
            .Concat(glossary.Entries.Select(e => e.Id))
            .Concat(glossary.Entries.Select(e => GlossaryTerms.LetterId(e.Id[0])))
            .ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>The ids reserved on every page, whatever its layout.</summary>
    public IReadOnlySet<string> OnEveryPage => _everyPage;

    /// <summary>The ids the layout and the glossary will add to <paramref name="page"/>.</summary>
    public IReadOnlySet<string> For(Document page) =>
        page.OutputPath == PageAddresses.GlossaryPage || (page.TryGet(FrontMatter.Key, out var header) && header.Layout == GlossaryLayout)
            ? _glossaryPage
            : _everyPage;
}
