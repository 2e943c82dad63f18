using AngleSharp.Dom;
using FichesSite.Content;
using FichesSite.Pipeline;

namespace FichesSite.Tests.Rendering;

/// <summary>
/// « Cette page vous a-t-elle été utile ? » in built pages: absent without « feedback: »; with it, at the end of the main
/// content of every sheet and every page an author wrote (the home page included), never on the collection's lists
/// nor the 404 page; the mail's subject names the page (a hostile title stays text, the address stays one address),
/// the form's link carries the page's canonical address, or its path in the site without a base URL.
/// </summary>
public sealed class FeedbackTests
{
    private const string Mail = "avis@hopital-exemple.invalid";
    private const string Form = "https://www.hopital-exemple.invalid/avis";

    // A title with what breaks attributes, markup, mail headers and query strings.
    private const string HostileTitle = "Ligne 1\nBcc: tous@exemple.invalid </a><script>alert(1)</script> & « x » \"q\" ?page=1#h";

    private static TestSite SiteWith(string feedback)
    {
        var site = new TestSite();
        File.AppendAllText(Path.Combine(site.Input, "site.yml"), $"\nfeedback: \"{feedback}\"\n");
        File.WriteAllText(Path.Combine(site.Input, "pages", "hostile.md"),
            "---\ntitle: \"" + HostileTitle.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n") + "\"\ndescription: \"Une page au titre hostile.\"\n---\n\nTexte.\n");
        return site;
    }

    // Where the block may be: sheets and authors' pages; not the lists the build makes, not the 404 page.
    private static bool Expected(string sitePath) => !PageAddresses.IsCollectionPage(sitePath) && sitePath != PageAddresses.NotFoundPage;

    private static IElement? Block(IDocument page) => page.QuerySelectorAll(".feedback").SingleOrDefault();

    [Fact]
    public void Without_the_setting_no_page_asks_for_feedback()
    {
        using var site = new TestSite();
        Assert.True(site.Build().Succeeded);

        Assert.All(site.HtmlPages(), path => Assert.Empty(site.Page(path).QuerySelectorAll(".feedback")));
    }

    [Fact]
    public void With_an_address_sheets_and_pages_ask_by_mail_with_their_title_lists_and_404_do_not()
    {
        using var site = SiteWith(Mail);
        var result = site.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var setting = FeedbackSetting.Read(Mail, "site.yml", 1, new DiagnosticBag(false))!;
        var siteName = SiteConfigFile.Read(Path.Combine(site.Input, "site.yml"), "site.yml", new DiagnosticBag(false))!.Name;

        var shown = 0;
        foreach (var path in site.HtmlPages())
        {
            var page = site.Page(path);
            var block = Block(page);
            Assert.True(Expected(path) == block is not null, $"{path}: {(block is null ? "no feedback block" : "a feedback block where none belongs")}");
            if (block is null)
            {
                continue;
            }
            shown++;
            Assert.Same(page.QuerySelector("main"), block.ParentElement);
            Assert.Null(block.NextElementSibling); // the last thing the page's content says
            Assert.Equal("Cette page vous a-t-elle été utile ?", block.QuerySelector("h2")!.TextContent);
            var link = Assert.Single(block.QuerySelectorAll("a"));
            Assert.Equal("Donner votre avis par e-mail", link.TextContent);
            var title = page.Title!.EndsWith(siteName, StringComparison.Ordinal) ? page.Title[..^(siteName.Length + " — ".Length)] : page.Title;
            Assert.Equal(setting.Href($"Avis sur la page « {title} »", "unused"), link.GetAttribute("href"));
        }
        Assert.Contains("fiches/cimentoplastie-metastases-osseuses/index.html", site.HtmlPages());
        Assert.True(shown >= 7, $"{shown} pages ask for feedback");

        // The hostile title is text everywhere: no script but the sheet's data, one link, one address.
        var hostile = site.Page("hostile/index.html");
        Assert.Empty(hostile.QuerySelectorAll("script:not([src]):not([type='application/ld+json'])"));
        var href = Block(hostile)!.QuerySelector("a")!.GetAttribute("href")!;
        Assert.StartsWith($"mailto:{Mail}?subject=", href, StringComparison.Ordinal);
        Assert.DoesNotContain('&', href);
        Assert.True(Uri.TryCreate(href, UriKind.Absolute, out _));
        Assert.Equal("Avis sur la page « Ligne 1 Bcc: tous@exemple.invalid </a><script>alert(1)</script> & « x » \"q\" ?page=1#h »",
            Uri.UnescapeDataString(href[$"mailto:{Mail}?subject=".Length..]));
    }

    [Theory]
    [InlineData(null, "fiches%2Fcimentoplastie-metastases-osseuses%2Findex.html")]
    [InlineData("https://fiches.hopital-exemple.invalid/", "https%3A%2F%2Ffiches.hopital-exemple.invalid%2Ffiches%2Fcimentoplastie-metastases-osseuses%2F")]
    public void With_a_form_each_page_links_to_it_with_its_own_address(string? baseUrl, string page)
    {
        using var site = SiteWith(Form);
        var siteYml = Path.Combine(site.Input, "site.yml");
        if (baseUrl is null)
        {
            File.WriteAllLines(siteYml, File.ReadAllLines(siteYml).Where(l => !l.StartsWith("base_url:", StringComparison.Ordinal)));
        }
        var result = site.Build(baseUrl: baseUrl);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));

        var link = Block(site.Page("fiches/cimentoplastie-metastases-osseuses/index.html"))!.QuerySelector("a")!;
        Assert.Equal($"{Form}?page={page}", link.GetAttribute("href"));
        Assert.Equal("Donner votre avis", link.TextContent);
        Assert.Null(Block(site.Page("404.html")));
        Assert.Null(Block(site.Page("services/index.html")));
    }

    [Fact]
    public void A_refused_value_stops_the_build_with_its_line_in_site_yml()
    {
        using var site = SiteWith("javascript:alert(document.cookie)");
        var result = site.Build();

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.Message.Contains("(feedback)", StringComparison.Ordinal));
        Assert.EndsWith("site.yml", error.File, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllLines(Path.Combine(site.Input, "site.yml")).ToList().FindIndex(l => l.StartsWith("feedback:", StringComparison.Ordinal)) + 1, error.Line);
    }
}
