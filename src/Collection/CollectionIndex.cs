using FichesSite.Content;
using FichesSite.Pipeline;

namespace FichesSite.Collection;

/// <summary>
/// The sheets of the site grouped as its collection's pages show them: by service, by theme, by letter, the most
/// recently reviewed, and each sheet's related sheets. Made once from every sheet's header (<see cref="CollectionPagesStage"/>).
/// </summary>
public sealed class CollectionIndex
{
    public static readonly MetaKey<CollectionIndex> Key = new("collection-index");

    /// <summary>How many recently reviewed sheets the home page shows.</summary>
    public const int RecentCount = 6;

    public CollectionIndex(SiteCatalog catalog, IEnumerable<SheetSummary> sheets)
    {
        Catalog = catalog;
        Sheets = sheets.Order(SheetSummary.ByTitle).ToList();
        ByService = Group(Sheets, s => s.Service is null ? [] : [s.Service]);
        ByTheme = Group(Sheets, s => s.Themes);
        ByLetter = Group(Sheets, s => [AzLetters.Of(s.Title)]);
        Recent = Sheets
            .Where(s => s.LastReviewed is not null)
            .OrderByDescending(s => s.LastReviewed)
            .ThenBy(s => s, SheetSummary.ByTitle)
            .Take(RecentCount)
            .ToList();
        Related = RelatedSheets.Of(Sheets);
    }

    public SiteCatalog Catalog { get; }

    /// <summary>Every sheet, in title order.</summary>
    public IReadOnlyList<SheetSummary> Sheets { get; }

    public IReadOnlyDictionary<string, List<SheetSummary>> ByService { get; }
    public IReadOnlyDictionary<string, List<SheetSummary>> ByTheme { get; }
    public IReadOnlyDictionary<string, List<SheetSummary>> ByLetter { get; }

    /// <summary>The sheets reviewed last, most recent first.</summary>
    public IReadOnlyList<SheetSummary> Recent { get; }

    /// <summary>Each sheet's suggestions, by its address (<see cref="RelatedSheets"/>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<SheetSummary>> Related { get; }

    public IReadOnlyList<SheetSummary> OfService(string slug) => ByService.TryGetValue(slug, out var list) ? list : [];
    public IReadOnlyList<SheetSummary> OfTheme(string slug) => ByTheme.TryGetValue(slug, out var list) ? list : [];
    public IReadOnlyList<SheetSummary> OfLetter(string key) => ByLetter.TryGetValue(key, out var list) ? list : [];

    // Lists keep the sheets' title order.
    private static Dictionary<string, List<SheetSummary>> Group(IEnumerable<SheetSummary> sheets, Func<SheetSummary, IEnumerable<string>> keys)
    {
        var groups = new Dictionary<string, List<SheetSummary>>(StringComparer.Ordinal);
        foreach (var sheet in sheets)
        {
            foreach (var key in keys(sheet))
            {
                if (!groups.TryGetValue(key, out var list))
                {
                    groups[key] = list = [];
                }
                list.Add(sheet);
            }
        }
        return groups;
    }
}
