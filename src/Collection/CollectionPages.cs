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
        yield return Page(PageAddresses.ServicesPage, words.ServicesTitle, words.ServicesDescription,
            new CollectionPage(CollectionPageKind.Services, null, [], 1, 1, PageAddresses.ServicesPage), "services");
        foreach (var service in catalog.Services)
        {
            var description = service.Intro ?? CollectionWords.Fill(words.ServiceDescription, ("name", service.Name));
            foreach (var page in Paged(CollectionPageKind.Service, service.Slug, index.OfService(service.Slug), PageAddresses.ServicesFolder + service.Slug + "/" + PageAddresses.PageFile, service.Name, description, words, "service"))
            {
                yield return page;
            }
        }
        yield return Page(PageAddresses.ThemesPage, words.ThemesTitle, words.ThemesDescription,
            new CollectionPage(CollectionPageKind.Themes, null, [], 1, 1, PageAddresses.ThemesPage), "themes");
        foreach (var theme in catalog.Themes)
        {
            var description = theme.Description ?? CollectionWords.Fill(words.ThemeDescription, ("name", theme.Name));
            foreach (var page in Paged(CollectionPageKind.Theme, theme.Slug, index.OfTheme(theme.Slug), PageAddresses.ThemesFolder + theme.Slug + "/" + PageAddresses.PageFile, theme.Name, description, words, "theme"))
            {
                yield return page;
            }
        }
        yield return Page(PageAddresses.AzPage, words.AzTitle, words.AzDescription,
            new CollectionPage(CollectionPageKind.Az, null, [], 1, 1, PageAddresses.AzPage), "a-z");
        foreach (var letter in AzLetters.All.Where(l => index.OfLetter(l).Count > 0))
        {
            var label = AzLetters.Label(letter);
            foreach (var page in Paged(CollectionPageKind.Letter, letter, index.OfLetter(letter), PageAddresses.AzFolder + letter + "/" + PageAddresses.PageFile,
                         CollectionWords.Fill(words.LetterTitle, ("letter", label)), CollectionWords.Fill(words.LetterDescription, ("letter", label)), words, "letter"))
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
