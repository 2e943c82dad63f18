using AngleSharp.Dom;
using CsCheck;
using FichesSite.Collection;

namespace FichesSite.Tests.Collection;

/// <summary>
/// The collection's pages, read from the built site: each service's and theme's pages list exactly their sheets, the
/// A–Z lists every sheet once under its letter (accents set aside), every sheet is three clicks from the home page,
/// and no page outgrows its bound. On a fixture collection, then on generated ones.
/// </summary>
public sealed class CollectionPagesTests
{
    /// <summary>The bound every HTML page stays under, whatever the number of sheets (issue: 100 KB at 10,000 sheets).</summary>
    public const int MaxPageBytes = 100 * 1024;

    private static readonly CollectionSite.Sheet[] FixtureSheets =
    [
        new("echographie", "Échographie d’essai", "cardiologie", ["douleur"]),
        new("echo-doppler", "écho-doppler d’essai", "cardiologie", []),
        new("angioplastie", "Angioplastie d’essai", "cardiologie", ["cancerologie", "douleur"]),
        new("biopsie", "Biopsie d’essai", "radiologie", ["cancerologie"]),
        new("deux-examens", "2 examens d’essai", "radiologie", []),
        new("oesophage", "Œsophage d’essai", "radiologie", ["cancerologie"]),
        new("ponction", "Ponction d’essai", "radiologie", ["douleur"]),
    ];

    [Fact]
    public void A_fixture_collection_is_listed_by_service_theme_and_letter()
    {
        using var collection = new CollectionSite(["cardiologie", "radiologie", "urologie"], ["cancerologie", "douleur"], FixtureSheets);
        var site = collection.Site;
        var result = site.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));

        AssertListsMatch(collection);
        // A service without a sheet has its page, its contact and says so.
        var empty = site.Page("services/urologie/index.html");
        Assert.Empty(empty.QuerySelectorAll("main .fiche-list li"));
        Assert.Contains("Aucune fiche", empty.QuerySelector("main")!.TextContent);
        Assert.Equal("01 00 00 00 02", empty.QuerySelector(".service-contact a[href^='tel:']")!.TextContent);
        // « É » and « é » under E, « Œ » under O, a figure under 0-9; a letter with no sheet is no link.
        Assert.Equal(["fiches/echo-doppler/index.html", "fiches/echographie/index.html"], Listed(site, "a-z/e/index.html"));
        Assert.Equal(["fiches/oesophage/index.html"], Listed(site, "a-z/o/index.html"));
        Assert.Equal(["fiches/deux-examens/index.html"], Listed(site, "a-z/0-9/index.html"));
        var letters = site.Page("a-z/index.html").QuerySelectorAll(".az-letters li");
        Assert.Equal(27, letters.Length);
        Assert.Null(letters.Single(l => l.TextContent.StartsWith('Z')).QuerySelector("a"));
        Assert.False(File.Exists(Path.Combine(site.Output, "a-z", "z", "index.html")));
        // A sheet: its service's contact, a trail through its service, related sheets of its service or themes.
        var sheet = site.Page("fiches/biopsie/index.html");
        Assert.Equal(["Accueil", "Service radiologie (essai)", "Biopsie d’essai"],
            sheet.QuerySelectorAll(".breadcrumb li").Select(li => li.TextContent.Trim()).ToList());
        Assert.Equal("01 00 00 00 01", sheet.QuerySelector(".service-contact a[href^='tel:']")!.TextContent);
        var related = sheet.QuerySelectorAll(".related a").Select(a => Resolve("fiches/biopsie/index.html", a.GetAttribute("href")!)).ToList();
        Assert.InRange(related.Count, 1, RelatedSheets.Most);
        Assert.DoesNotContain("fiches/biopsie/index.html", related);
        Assert.All(related, r => Assert.Contains(FixtureSheets, s => CollectionSite.PathOf(s) == r && (s.Service == "radiologie" || s.Themes.Contains("cancerologie"))));
        // The home page lists the services and themes, not every sheet.
        var home = site.Page("index.html");
        Assert.Equal(3, home.QuerySelectorAll("#accueil-services + ul li").Length);
        Assert.True(home.QuerySelectorAll("main a[href^='fiches/']").Length < FixtureSheets.Length);
    }

    [Fact]
    public void A_long_list_is_cut_into_pages_that_each_link_to_all_the_others()
    {
        var count = 2 * CollectionPages.PageSize + 1;
        var sheets = Enumerable.Range(0, count).Select(i => new CollectionSite.Sheet($"fiche-{i:000}", $"Fiche d’essai {i:000}", "radiologie", [])).ToList();
        using var collection = new CollectionSite(["radiologie"], [], sheets);
        var result = collection.Site.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Take(5)));

        var second = collection.Site.Page("services/radiologie/page-2/index.html");
        Assert.Equal(CollectionPages.PageSize, second.QuerySelectorAll("main .fiche-list li").Length);
        Assert.Equal("../index.html", second.QuerySelector("nav.pagination a[rel='prev']")!.GetAttribute("href"));
        Assert.Equal("../page-3/index.html", second.QuerySelector("nav.pagination a[rel='next']")!.GetAttribute("href"));
        Assert.Equal(["1", "2", "3"], second.QuerySelectorAll("nav.pagination a:not([rel])").Select(a => a.TextContent.Replace("Page", "").Trim()).ToList());
        Assert.Equal("page", second.QuerySelector("nav.pagination a[aria-current]")!.GetAttribute("aria-current"));
        Assert.Contains("page 2 sur 3", second.Title);
        Assert.Single(collection.Site.Page("services/radiologie/page-3/index.html").QuerySelectorAll("main .fiche-list li"));
        AssertListsMatch(collection);
    }

    [Fact]
    public void Generated_collections_are_listed_exactly_reached_in_three_clicks_and_bounded()
    {
        var words = new[] { "échographie", "Écho", "biopsie", "Œdème", "ponction", "2e", "zona", "ablation", "Ultrason", "îlot", "x" };
        var gen =
            from serviceCount in Gen.Int[1, 4]
            from themeCount in Gen.Int[0, 3]
            from sheets in Gen.Select(Gen.Int[0, words.Length - 1], Gen.Int[0, words.Length - 1], Gen.Int[0, serviceCount - 1], Gen.Int[0, (1 << themeCount) - 1])
                .Array[1, 130]
            select (serviceCount, themeCount, sheets);
        gen.Sample(c =>
        {
            var services = Enumerable.Range(0, c.serviceCount).Select(i => "service-" + i).ToList();
            var themes = Enumerable.Range(0, c.themeCount).Select(i => "theme-" + i).ToList();
            var sheets = c.sheets.Select((s, i) => new CollectionSite.Sheet("fiche-" + i, $"{words[s.Item1]} {words[s.Item2]} {i}", services[s.Item3],
                themes.Where((_, t) => (s.Item4 & (1 << t)) != 0).ToList())).ToList();
            using var collection = new CollectionSite(services, themes, sheets);
            var result = collection.Site.Build();
            Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Take(5)));
            AssertListsMatch(collection);
        }, iter: 6, threads: 1);
    }

    // Every list against the sheets' headers; the A–Z once each; three clicks; the size bound; rel=prev/next chains.
    private static void AssertListsMatch(CollectionSite collection)
    {
        var site = collection.Site;
        var sheets = collection.Sheets;
        foreach (var service in sheets.Select(s => s.Service).Distinct())
        {
            Assert.Equal(Sorted(sheets.Where(s => s.Service == service)), Listed(site, $"services/{service}/index.html"));
        }
        foreach (var theme in sheets.SelectMany(s => s.Themes).Distinct())
        {
            Assert.Equal(Sorted(sheets.Where(s => s.Themes.Contains(theme))), Listed(site, $"themes/{theme}/index.html"));
        }
        var az = site.Page("a-z/index.html").QuerySelectorAll(".az-letters a")
            .SelectMany(a => Listed(site, Resolve("a-z/index.html", a.GetAttribute("href")!)))
            .ToList();
        Assert.Equal(sheets.Select(CollectionSite.PathOf).Order(StringComparer.Ordinal), az.Order(StringComparer.Ordinal)); // each sheet once
        foreach (var sheet in sheets)
        {
            var letter = AzLetters.Of(sheet.Title);
            Assert.Contains(CollectionSite.PathOf(sheet), Listed(site, $"a-z/{letter}/index.html"));
        }
        var reached = WithinClicks(site, "index.html", 3);
        Assert.All(sheets, s => Assert.Contains(CollectionSite.PathOf(s), reached));
        foreach (var page in site.HtmlPages())
        {
            Assert.True(new FileInfo(Path.Combine(site.Output, page)).Length <= MaxPageBytes, $"{page} is over {MaxPageBytes} bytes");
        }
    }

    // The sheets a list shows on all its pages, following rel="next" from its first page, and checking rel="prev" back.
    private static List<string> Listed(TestSite site, string firstPage)
    {
        var listed = new List<string>();
        string? previous = null;
        for (var page = firstPage; page is not null;)
        {
            var document = site.Page(page);
            listed.AddRange(document.QuerySelectorAll("main .fiche-list a").Select(a => Resolve(page, a.GetAttribute("href")!)));
            var prev = document.QuerySelector("head link[rel='prev']")?.GetAttribute("href");
            Assert.Equal(previous, prev is null ? null : Resolve(page, prev));
            previous = page;
            var next = document.QuerySelector("head link[rel='next']")?.GetAttribute("href");
            Assert.Equal(next, document.QuerySelector("nav.pagination a[rel='next']")?.GetAttribute("href"));
            page = next is null ? null : Resolve(page, next);
        }
        return listed;
    }

    private static List<string> Sorted(IEnumerable<CollectionSite.Sheet> sheets) =>
        sheets.OrderBy(s => Text.AccentFolding.Fold(s.Title.Normalize(System.Text.NormalizationForm.FormKD)), StringComparer.Ordinal).ThenBy(CollectionSite.PathOf, StringComparer.Ordinal)
            .Select(CollectionSite.PathOf).ToList();

    // Pages reached from start by following at most `clicks` links of the pages' bodies and navigation.
    private static HashSet<string> WithinClicks(TestSite site, string start, int clicks)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { start };
        var frontier = new List<string> { start };
        for (var depth = 0; depth < clicks; depth++)
        {
            var next = new List<string>();
            foreach (var page in frontier.Where(p => p.EndsWith(".html", StringComparison.Ordinal)))
            {
                foreach (var href in site.Page(page).QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).Where(h => !h.Contains(':') && !h.StartsWith('#')))
                {
                    var target = Resolve(page, href);
                    if (seen.Add(target) && File.Exists(Path.Combine(site.Output, target)))
                    {
                        next.Add(target);
                    }
                }
            }
            frontier = next;
        }
        return seen;
    }

    // A relative link of a page, as a site path without its fragment.
    private static string Resolve(string page, string href)
    {
        var target = new Uri(new Uri("http://site.invalid/" + page), href).AbsolutePath.TrimStart('/');
        return Uri.UnescapeDataString(target);
    }
}
