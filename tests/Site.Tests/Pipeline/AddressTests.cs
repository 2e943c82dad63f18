namespace FichesSite.Tests;

/// <summary>
/// Every way Markdown can write an address goes through the one rule (src/Pipeline/UrlPolicy): inline links, images,
/// reference links and their definitions (used or not), autolinks, with the scheme hidden by entities, percent
/// signs, case or white space. Each hostile one fails the build on its own line; the site is not published.
/// </summary>
public sealed class AddressTests
{
    private const string Header = "---\ntitle: Essai\ndescription: Une page d’essai.\n---\n\nTexte.\n\n";
    private const int FirstLine = 8;

    public static TheoryData<string, int> HostileAddresses => new()
    {
        { "[a](javascript:alert(1))", FirstLine },
        { "[a](JAVASCRIPT:alert(1))", FirstLine },
        { "[a](jav&#x61;script:alert(1))", FirstLine },
        { "[a](&#106;avascript:alert(1))", FirstLine },
        { "[a](java&#x09;script:alert(1))", FirstLine },
        { "[a](&#x20;javascript:alert(1))", FirstLine },
        { "[a](java%73cript:alert(1))", FirstLine },
        { "[a](<  javascript:alert(1)>)", FirstLine },
        { "[a](<java\tscript:alert(1)>)", FirstLine },
        { "[a](vbscript:msgbox(1))", FirstLine },
        { "[a](file:///etc/passwd)", FirstLine },
        { "[a](data:text/html,x)", FirstLine },
        { "[a](javascript:x.md)", FirstLine },
        { "![image](javascript:alert(1))", FirstLine },
        { "![image](data:image/svg+xml,x)", FirstLine },
        { "<javascript:alert(1)>", FirstLine },
        { "<JavaScript:alert(1)>", FirstLine },
        { "<data:text/html;base64,PHNjcmlwdD4=>", FirstLine },
        { "<vbscript:x>", FirstLine },
        // Spaces and controls the browser drops or encodes: the address it follows is not the one checked.
        { "![image](< mailto:accueil@exemple.invalid>)", FirstLine },
        { "[a](< ../pages/plan-du-site.md>)", FirstLine },
        { "[a](<https://exemple.invalid/\u0001>)", FirstLine },
        // A definition that a link uses: the link's line; one that none uses: its own.
        { "Voir [a][r].\n\n[r]: javascript:alert(1)", FirstLine },
        { "Voir [r].\n\n[r]: <data:text/html,x> \"titre\"", FirstLine },
        { "![image][r]\n\n[r]: jav&#x61;script:alert(1)", FirstLine },
        { "[r]: javascript:alert(1)", FirstLine },
        { "Voir [a][s].\n\n[s]: https://exemple.invalid/\n[r]: jav&#x61;script:alert(1)", FirstLine + 3 },
    };

    [Theory]
    [MemberData(nameof(HostileAddresses))]
    public void A_hostile_address_in_any_form_fails_on_its_line(string markdown, int line)
    {
        using var site = new TestSite();
        File.WriteAllText(Path.Combine(site.Input, "pages", "essai.md"), Header + markdown + "\n");

        var result = site.Build();

        PageChecks.AssertFailedOnItsLines(result, "pages/essai.md", site);
        var error = Assert.Single(result.Errors, e => e.Message.StartsWith("adresse refusée", StringComparison.Ordinal));
        Assert.Equal(line, error.Line);
        Assert.EndsWith("pages/essai.md", error.File);
    }

    [Theory]
    [InlineData("[a](https://exemple.invalid/)", "https://exemple.invalid/")]
    [InlineData("[a](MAILTO:accueil@exemple.invalid)", "MAILTO:accueil@exemple.invalid")]
    [InlineData("[a](tel:+33100000000)", "tel:+33100000000")]
    [InlineData("<https://exemple.invalid/x>", "https://exemple.invalid/x")]
    [InlineData("<accueil@exemple.invalid>", "mailto:accueil@exemple.invalid")]
    [InlineData("Voir [a][r].\n\n[r]: https://exemple.invalid/r", "https://exemple.invalid/r")]
    public void Web_mail_and_phone_addresses_build(string markdown, string href)
    {
        using var site = new TestSite();
        File.WriteAllText(Path.Combine(site.Input, "pages", "essai.md"), Header + markdown + "\n");

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var page = site.Page("essai/index.html");
        Assert.Contains(href, page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")));
        Assert.Empty(PageChecks.ScriptProblems(page));
    }

    [Theory]
    [InlineData("  javascript:alert(1)")]
    [InlineData("JaVaScRiPt:alert(1)")]
    [InlineData("java\\tscript:alert(1)")]
    [InlineData("data:text/html,x")]
    [InlineData("file:///etc/passwd")]
    [InlineData("//exemple.invalid/document")]
    [InlineData("ftp://exemple.invalid/document")]
    public void A_source_address_must_be_a_web_address(string url)
    {
        using var site = new TestSite();
        var fiche = Path.Combine(site.Input, "fiches", "cimentoplastie-metastases-osseuses.md");
        var lines = File.ReadAllLines(fiche).ToList();
        var year = lines.FindIndex(l => l.Trim() == "year: 2025");
        lines.Insert(year + 1, $"    url: \"{url}\"");
        File.WriteAllLines(fiche, lines);

        var result = site.Build();

        PageChecks.AssertFailedOnItsLines(result, "fiches/cimentoplastie-metastases-osseuses.md", site);
        var error = Assert.Single(result.Errors);
        Assert.Equal(year + 2, error.Line);
        Assert.Contains("refusée pour la source n° 1", error.Message);
    }

    // Markdig writes these addresses percent-encoded: the link check, which reads the page, still finds the line.
    [Theory]
    [InlineData("![image](mailto&colon;text/html,<script>alert(1)</script>)")]
    [InlineData("![image](https://exemple.invalid/été.png)")]
    [InlineData("![image](<https://exemple.invalid/a b.png>)")]
    public void An_image_from_another_site_fails_on_its_line_however_its_address_is_encoded(string markdown)
    {
        using var site = new TestSite();
        File.WriteAllText(Path.Combine(site.Input, "pages", "essai.md"), Header + markdown + "\n");

        var result = site.Build();

        PageChecks.AssertFailedOnItsLines(result, "pages/essai.md", site);
        Assert.All(result.Errors, e => Assert.Equal(FirstLine, e.Line));
    }

    [Theory]
    [InlineData("javascript:alert(1)//")]
    [InlineData("JavaScript://exemple.invalid/%0Aalert(1)")]
    [InlineData("data:text/html,x")]
    [InlineData("\thttps://exemple.invalid/")]
    [InlineData("//exemple.invalid/")]
    public void The_base_address_is_a_web_address(string baseUrl)
    {
        using var site = new TestSite();

        var result = site.Build(baseUrl: baseUrl);

        Assert.False(result.Succeeded);
        Assert.Contains("adresse de base", Assert.Single(result.Errors).Message);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void A_base_address_refused_in_site_yml_is_reported_at_its_line()
    {
        using var site = new TestSite();
        var siteYml = Path.Combine(site.Input, "site.yml");
        var lines = File.ReadAllLines(siteYml).Where(l => !l.StartsWith("base_url:", StringComparison.Ordinal)).ToList();
        lines.Add("base_url: \"javascript:alert(1)//\"");
        File.WriteAllLines(siteYml, lines);

        var error = Assert.Single(site.Build().Errors);

        Assert.Contains("adresse de base", error.Message);
        Assert.Equal(("input/site.yml", lines.Count), (error.File.Replace('\\', '/')[^"input/site.yml".Length..], error.Line));
    }
}
