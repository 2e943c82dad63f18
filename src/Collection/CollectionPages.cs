using FichesSite.Content;
using FichesSite.Pipeline;

namespace FichesSite.Collection;

/// <summary>
/// The pages the build makes for the collection, as documents with a header and no body: the list of services and
/// each service's page, the list of themes and each theme's page, the A–Z and each letter's page. A list longer than
/// <see cref="PageSize"/> sheets is cut into pages that each link to all the others, so that every sheet is three
/// clicks from the home page (home → list → its page → sheet) and no page grows with the site.
/// </summary>
public static class CollectionPages
{
    /// <summary>Sheets per page of a list: about 20 KB of HTML with their descriptions.</summary>
    public const int PageSize = 50;

    /// <summary>The source path of a generated page, for messages: the address it is written to, marked as made by the build.</summary>
    public static string SourcePathOf(string outputPath) => "(page générée) " + outputPath;

    public static IEnumerable<Document> Make(CollectionIndex index, CollectionWords words)
    {
        var catalog = index.Catalog;
        var services = catalog.Services.Select(s => (s.Slug, s.Name, Description: s.Intro ?? CollectionWords.Fill(words.ServiceDescription, ("name", s.Name))));
        var themes = catalog.Themes.Select(t => (t.Slug, t.Name, Description: t.Description ?? CollectionWords.Fill(words.ThemeDescription, ("name", t.Name))));
        var letters = AzLetters.All.Where(l => index.OfLetter(l).Count > 0)
            .Select(l => (Slug: l, Name: CollectionWords.Fill(words.LetterTitle, ("letter", AzLetters.Label(l))), Description: CollectionWords.Fill(words.LetterDescription, ("letter", AzLetters.Label(l)))));
        return [
            .. Section(CollectionPageKind.Services, PageAddresses.ServicesPage, words.ServicesTitle, words.ServicesDescription, "services",
                CollectionPageKind.Service, services, index.OfService, "service", words),
            // Themes are optional, and no page links to a list of none (the menu links the services and the A–Z only).
            .. catalog.Themes.Count == 0 ? [] : Section(CollectionPageKind.Themes, PageAddresses.ThemesPage, words.ThemesTitle, words.ThemesDescription, "themes",
                CollectionPageKind.Theme, themes, index.OfTheme, "theme", words),
            .. Section(CollectionPageKind.Az, PageAddresses.AzPage, words.AzTitle, words.AzDescription, "a-z",
                CollectionPageKind.Letter, letters, index.OfLetter, "letter", words),
        ];
    }

    // A list of every entry (services, themes, letters) at `folderPage`, then each entry's paged list of sheets in its folder.
    private static IEnumerable<Document> Section(CollectionPageKind kind, string folderPage, string title, string description, string layout,
        CollectionPageKind entryKind, IEnumerable<(string Slug, string Name, string Description)> entries, Func<string, IReadOnlyList<SheetSummary>> sheetsOf,
        string entryLayout, CollectionWords words)
    {
        var all = entries.ToList();
        // The list of every entry is cut into pages too: a hospital group may declare hundreds of services. The A–Z's
        // letters are few and listed whole.
        var listed = kind == CollectionPageKind.Az ? [] : all.Select(e => e.Slug).ToList();
        var count = Math.Max(1, (listed.Count + PageSize - 1) / PageSize);
        for (var number = 1; number <= count; number++)
        {
            yield return Page(PageAddresses.ListPage(folderPage, number), words.Paged(title, number, count), description,
                new CollectionPage(kind, null, [], number, count, folderPage) { Entries = listed.Skip((number - 1) * PageSize).Take(PageSize).ToList() }, layout);
        }
        foreach (var (slug, name, entryDescription) in all)
        {
            foreach (var page in Paged(entryKind, slug, sheetsOf(slug), PageAddresses.EntryPage(folderPage, slug), name, entryDescription, words, entryLayout))
            {
                yield return page;
            }
        }
    }

    private static IEnumerable<Document> Paged(CollectionPageKind kind, string subject, IReadOnlyList<SheetSummary> sheets, string firstPage,
        string title, string description, CollectionWords words, string layout)
    {
        var count = Math.Max(1, (sheets.Count + PageSize - 1) / PageSize);
        for (var number = 1; number <= count; number++)
        {
            var slice = sheets.Skip((number - 1) * PageSize).Take(PageSize).ToList();
            yield return Page(PageAddresses.ListPage(firstPage, number), words.Paged(title, number, count), description,
                new CollectionPage(kind, subject, slice, number, count, firstPage), layout);
        }
    }

    private static Document Page(string outputPath, string title, string description, CollectionPage page, string layout)
    {
        // The fields a page's contract asks of every page are there, as if written on its first line.
        var header = new FrontMatter(title, description, FrontMatter.DefaultType, layout, null, null, null, null, [],
            new Dictionary<string, int>(StringComparer.Ordinal) { ["title"] = 1, ["description"] = 1, ["layout"] = 1 });
        return new Document(SourcePathOf(outputPath), outputPath, "").With(FrontMatter.Key, header).With(CollectionPage.Key, page);
    }
}
