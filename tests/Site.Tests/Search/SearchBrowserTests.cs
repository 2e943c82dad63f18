using Microsoft.Playwright;

namespace FichesSite.Tests.Search;

/// <summary>Runs the search browser tests only where Debian's Chromium is installed (.ci/run installs it).</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Chromium = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(Chromium))
        {
            Skip = $"{Chromium} is missing (apt-get install -y chromium)";
        }
    }
}

/// <summary>
/// The built site in headless Chromium, as a patient uses it: served over http under a sub-path with a strict
/// Content-Security-Policy, and opened from the file system. Typing in the header's field finds the fiche, the
/// result jumps to the section, a query with no match is announced, and a hostile title runs nothing.
/// </summary>
[Trait("Category", "Browser")]
public sealed class SearchBrowserTests : IAsyncLifetime
{
    private const string SubPath = "http://127.0.0.1/hopital/fiches/";
    private const string Csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'";
    private const string Fiche = "fiches/cimentoplastie-metastases-osseuses/index.html";

    private readonly TestSite _site = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "titre-hostile.md"), Path.Combine(_site.Input, "pages", "titre-hostile.md"));
        var build = _site.Build();
        Assert.True(build.Succeeded, string.Join("\n", build.Diagnostics));
        if (File.Exists(ChromiumFactAttribute.Chromium))
        {
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumFactAttribute.Chromium, Headless = true });
        }
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        _site.Dispose();
    }

    // The site served from its folder under a sub-path, with a strict CSP: no server process, Chromium's routing.
    // Each patient search of Cases(), typed on a page of the site at each base URL: the right section first, one result
    // announced, and a click on it lands on the section's anchor, with no failed request or CSP violation on the way.
    private async Task AssertPatientSearchesAsync(string[] baseUrls, string? siteFolder)
    {
        foreach (var baseUrl in baseUrls)
        {
            foreach (var (query, anchor) in Cases().Select(c => ((string)c[0], (string)c[1])))
            {
                var (page, problems) = await OpenAsync(baseUrl, "accessibilite/index.html", siteFolder: siteFolder);
                await page.Locator("#recherche-champ").PressSequentiallyAsync(query);
                var firstSection = page.Locator("#recherche-resultats > li").First.Locator("ul a").First;
                await Assertions.Expect(firstSection).ToHaveAttributeAsync("href", $"../{Fiche}#{anchor}");
                await Assertions.Expect(page.Locator("#recherche-statut")).ToHaveTextAsync("1 résultat");
                await firstSection.ClickAsync();
                await page.WaitForURLAsync(baseUrl + Fiche + "#" + anchor);
                Assert.True(problems.Count == 0, $"{baseUrl} « {query} »: " + string.Join("\n", problems));
                await page.Context.CloseAsync();
            }
        }
    }

    private async Task<(IPage Page, List<string> Problems)> OpenAsync(string baseUrl, string sitePath, bool javaScript = true, string? siteFolder = null)
    {
        siteFolder ??= _site.Output;
        var context = await _browser!.NewContextAsync(new() { JavaScriptEnabled = javaScript });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") { problems.Add(message.Text); } };
        page.PageError += (_, error) => problems.Add(error);
        page.Dialog += (_, dialog) => { problems.Add("dialog: " + dialog.Message); _ = dialog.DismissAsync(); };
        if (baseUrl.StartsWith("http", StringComparison.Ordinal))
        {
            await page.RouteAsync(baseUrl + "**", async route =>
            {
                var path = new Uri(route.Request.Url).AbsolutePath[new Uri(baseUrl).AbsolutePath.Length..];
                var file = Path.Combine(siteFolder, Uri.UnescapeDataString(path));
                if (!File.Exists(file))
                {
                    await route.FulfillAsync(new() { Status = 404, Body = "" });
                    return;
                }
                var type = Path.GetExtension(file) switch { ".html" => "text/html; charset=utf-8", ".js" => "text/javascript; charset=utf-8", ".css" => "text/css", _ => "application/octet-stream" };
                await route.FulfillAsync(new()
                {
                    Status = 200,
                    BodyBytes = await File.ReadAllBytesAsync(file),
                    Headers = new Dictionary<string, string> { ["Content-Type"] = type, ["Content-Security-Policy"] = Csp },
                });
            });
        }
        await page.GotoAsync(baseUrl + sitePath);
        return (page, problems);
    }

    private string FileBase => FileBaseOf(_site.Output);

    private static string FileBaseOf(string folder) => new Uri(Path.Combine(folder, "x")).AbsoluteUri[..^1];

    public static TheoryData<string, string> Cases() => new()
    {
        { "metastase", "qu-est-ce-que-c-est" },
        { "cimentoplasties", "en-quoi-consiste-la-cimentoplastie-en-cas-de-metastases-osseuses" },
        { "fuite ciment", "fuite-de-ciment-5" },
        { "embolie", "embolie-de-ciment-exceptionnelle" },
        { "anesthesie generale", "type-d-anesthesie" },
    };

    [ChromiumFact]
    public async Task Typing_finds_the_section_and_clicking_lands_on_its_anchor_under_a_sub_path_and_from_file()
    {
        await AssertPatientSearchesAsync([SubPath, FileBase], siteFolder: null);
    }

    [ChromiumFact]
    public async Task The_index_is_loaded_when_the_field_first_gets_focus_not_with_the_page()
    {
        foreach (var baseUrl in new[] { SubPath, FileBase })
        {
            var (page, problems) = await OpenAsync(baseUrl, Fiche);
            await page.WaitForLoadStateAsync(LoadState.Load);
            Assert.True(await page.EvaluateAsync<bool>("() => window.FICHES_INDEX === undefined && !document.querySelector('script[src$=\"search-index.js\"]')"));
            await page.Locator("#recherche-champ").FocusAsync();
            await page.WaitForFunctionAsync("() => window.FICHES_INDEX !== undefined");
            Assert.Equal("../../assets/search-index.js", await page.EvaluateAsync<string>("() => document.querySelector('script[src$=\"search-index.js\"]').getAttribute('src')"));
            Assert.True(problems.Count == 0, $"{baseUrl}: " + string.Join("\n", problems));
            await page.Context.CloseAsync();
        }
    }

    [ChromiumFact]
    public async Task A_query_with_no_match_is_announced()
    {
        var (page, problems) = await OpenAsync(SubPath, Fiche);
        await page.Locator("#recherche-champ").FillAsync("zzzzzz");
        await page.Locator("#recherche-champ").PressAsync("Enter");
        await Assertions.Expect(page.Locator("#recherche-statut")).ToHaveTextAsync("Aucun résultat pour « zzzzzz »");
        await Assertions.Expect(page.Locator("#recherche-resultats")).ToBeHiddenAsync();
        Assert.Empty(problems);
    }

    [ChromiumFact]
    public async Task Enter_on_a_stop_word_being_typed_keeps_the_results_it_shows_and_moves_to_the_first()
    {
        // « dé » is searched as the start of a longer word while typed (« Deuxième »); Enter acts on that list rather
        // than emptying it because the finished query holds only a stop word.
        var (page, problems) = await OpenAsync(FileBase, "index.html");
        await page.Locator("#recherche-champ").FillAsync("dé");
        await Assertions.Expect(page.Locator("#recherche-resultats a").First).ToBeVisibleAsync();
        await page.Locator("#recherche-champ").PressAsync("Enter");
        await Assertions.Expect(page.Locator("#recherche-resultats a").First).ToBeFocusedAsync();
        Assert.Empty(problems);
    }

    [ChromiumFact]
    public async Task A_hostile_title_shows_as_text_and_runs_nothing()
    {
        foreach (var baseUrl in new[] { SubPath, FileBase })
        {
            var (page, problems) = await OpenAsync(baseUrl, "index.html");
            await page.Locator("#recherche-champ").FillAsync("onerror ");
            var title = page.Locator("#recherche-resultats .search-result-title").First;
            await Assertions.Expect(title).ToHaveTextAsync("<img src=x onerror=alert(1)>");
            Assert.Equal(0, await page.Locator("#recherche-resultats img, #recherche-resultats script").CountAsync());
            await page.WaitForTimeoutAsync(200);
            Assert.True(problems.Count == 0, string.Join("\n", problems));
            await page.Context.CloseAsync();
        }
    }

    [ChromiumFact]
    public async Task The_search_page_reads_the_query_of_the_header_form_and_without_javascript_points_to_the_site_map()
    {
        var (page, _) = await OpenAsync(FileBase, "index.html");
        await page.Locator("#recherche-champ").FillAsync("embolie");
        await page.Locator("#recherche-champ").PressAsync("Enter");
        // With JS, Enter shows the results where the patient is and moves to the first one.
        await Assertions.Expect(page.Locator("#recherche-resultats a").First).ToBeFocusedAsync();

        var (noScript, _) = await OpenAsync(FileBase, "recherche/index.html?q=embolie", javaScript: false);
        var fallback = noScript.Locator("[data-search-nojs] a");
        await Assertions.Expect(fallback).ToBeVisibleAsync();
        Assert.Equal("../plan-du-site/index.html", await fallback.GetAttributeAsync("href"));

        var (withScript, problems) = await OpenAsync(SubPath, "recherche/index.html?q=embolie");
        await Assertions.Expect(withScript.Locator("[data-search-nojs]")).ToBeHiddenAsync();
        await Assertions.Expect(withScript.Locator("#recherche-champ")).ToHaveValueAsync("embolie");
        await Assertions.Expect(withScript.Locator("#recherche-statut")).ToHaveTextAsync("1 résultat");
        Assert.Empty(problems);
    }

    [ChromiumFact]
    public async Task A_split_index_loads_the_chunks_and_blocks_it_needs_under_a_sub_path_and_from_file()
    {
        var split = Path.Combine(_site.Root, "split");
        Assert.True(FichesSite.Build.SiteBuilder.Build(new FichesSite.Build.BuildOptions(_site.Input, TestSite.RepositoryTheme, split, SearchSplitAboveBytes: 0)).Succeeded);
        Assert.True(File.Exists(Path.Combine(split, "assets", "search-index", "s-0.js")));
        foreach (var baseUrl in new[] { SubPath, FileBaseOf(split) })
        {
            var (page, problems) = await OpenAsync(baseUrl, Fiche, siteFolder: split);
            await page.Locator("#recherche-champ").PressSequentiallyAsync("fuite ciment");
            var first = page.Locator("#recherche-resultats > li").First;
            await Assertions.Expect(first.Locator("ul a").First).ToHaveAttributeAsync("href", "../../" + Fiche + "#fuite-de-ciment-5");
            // The title, the heading and the snippet come from the block of sections.
            await Assertions.Expect(first.Locator("ul a").First).ToHaveTextAsync("Fuite de ciment (5\u202F%, soit environ 5 personnes sur 100)");
            await Assertions.Expect(first.Locator("ul p").First).ToHaveTextAsync("La majorité de ces fuites sont asymptomatiques.");
            await Assertions.Expect(first.Locator("ul a mark").First).ToHaveTextAsync("Fuite");
            await Assertions.Expect(page.Locator("#recherche-statut")).ToHaveTextAsync("1 résultat");
            var scripts = await page.EvaluateAsync<string[]>("() => Array.from(document.querySelectorAll('script[src*=\"search-index/\"]')).map(s => s.getAttribute('src')).sort()");
            Assert.Contains("../../assets/search-index/fu.js", scripts);
            Assert.Contains("../../assets/search-index/ci.js", scripts);
            Assert.Contains("../../assets/search-index/s-0.js", scripts);
            Assert.True(problems.Count == 0, $"{baseUrl}: " + string.Join("\n", problems));
            await page.Context.CloseAsync();
        }

        // Every patient search of the one-file site, on the split one: the right section first, its anchor reached.
        await AssertPatientSearchesAsync([SubPath, FileBaseOf(split)], siteFolder: split);

        // Enter moves to the first result once its block is there; the search page runs ?q= the same way.
        var (enter, enterProblems) = await OpenAsync(FileBaseOf(split), "index.html", siteFolder: split);
        await enter.Locator("#recherche-champ").FillAsync("embolie");
        await enter.Locator("#recherche-champ").PressAsync("Enter");
        await Assertions.Expect(enter.Locator("#recherche-resultats a").First).ToBeFocusedAsync();
        var (searchPage, searchProblems) = await OpenAsync(SubPath, "recherche/index.html?q=embolie", siteFolder: split);
        await Assertions.Expect(searchPage.Locator("#recherche-statut")).ToHaveTextAsync("1 résultat");
        await Assertions.Expect(searchPage.Locator("#recherche-resultats ul a").First).ToHaveAttributeAsync("href", "../" + Fiche + "#embolie-de-ciment-exceptionnelle");
        Assert.Empty(enterProblems);
        Assert.Empty(searchProblems);
    }

    [ChromiumFact]
    public async Task The_search_page_s_service_list_keeps_results_to_one_service()
    {
        FichesSite.Tests.Collection.CollectionSite.Sheet[] sheets =
        [
            new("une", "Première fiche d’essai", "cardiologie", []),
            new("deux", "Deuxième fiche d’essai", "radiologie", []),
            new("trois", "Troisième fiche d’essai", "radiologie", []),
        ];
        using var collection = new FichesSite.Tests.Collection.CollectionSite(["cardiologie", "radiologie"], [], sheets);
        var build = collection.Site.Build();
        Assert.True(build.Succeeded, string.Join("\n", build.Diagnostics.Take(5)));

        var (page, problems) = await OpenAsync(SubPath, "recherche/index.html?q=cimentoplastie", siteFolder: collection.Site.Output);
        await Assertions.Expect(page.Locator("#recherche-statut")).ToHaveTextAsync("3 résultats");
        // Shown by the script once the index names two services; hidden (and useless) without it.
        await Assertions.Expect(page.Locator("#recherche-service")).ToBeVisibleAsync();
        await page.Locator("#recherche-service").SelectOptionAsync("Service radiologie (essai)");
        await Assertions.Expect(page.Locator("#recherche-statut")).ToHaveTextAsync("2 résultats");
        await Assertions.Expect(page.Locator("#recherche-resultats .search-result-service")).ToHaveTextAsync(["Service radiologie (essai)", "Service radiologie (essai)"]);
        await page.Locator("#recherche-service").SelectOptionAsync("");
        await Assertions.Expect(page.Locator("#recherche-statut")).ToHaveTextAsync("3 résultats");
        Assert.Empty(problems);
        await page.Context.CloseAsync();

        var (noScript, _) = await OpenAsync(SubPath, "recherche/index.html", javaScript: false, siteFolder: collection.Site.Output);
        Assert.False(await noScript.Locator("#recherche-service").IsVisibleAsync());
        await noScript.Context.CloseAsync();
    }
}
