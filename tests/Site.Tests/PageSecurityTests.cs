using AngleSharp.Dom;

namespace FichesSite.Tests;

/// <summary>
/// Every page carries a strict Content-Security-Policy and gives it nothing to block: no inline
/// script (JSON-LD data excepted), no inline style, no event-handler attribute. And no Markdown can put script on a page.
/// The 404 page alone holds a style and a script in itself, each allowed by its hash (Rendering/NotFoundPageTests).
/// </summary>
public sealed class PageSecurityTests(BuiltSite built) : IClassFixture<BuiltSite>
{
    public static TheoryData<string> Pages() => BuiltSite.Pages();

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_page_has_a_strict_csp_and_nothing_inline(string sitePath)
    {
        var page = built.Site.Page(sitePath);
        var csp = page.QuerySelector("meta[http-equiv=Content-Security-Policy]")?.GetAttribute("content");
        Assert.NotNull(csp);
        Assert.Contains("default-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.DoesNotContain(InlineScripts(page), s => !PageChecks.AllowedByItsHash(s));
        Assert.DoesNotContain(page.QuerySelectorAll("style, [style]"), s => !PageChecks.AllowedByItsHash(s));
        // JSON-LD is data, never run: at most one block, and valid JSON (else it was not what the build wrote).
        var data = page.QuerySelectorAll("script:not([src])").Where(s => !PageChecks.AllowedByItsHash(s)).ToList();
        Assert.True(data.Count <= 1, $"{data.Count} JSON-LD blocks");
        Assert.All(data, d => System.Text.Json.JsonDocument.Parse(d.TextContent).Dispose());
        Assert.Empty(EventHandlerAttributes(page));
        Assert.DoesNotContain(Urls(page), url => url.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_page_but_the_404_has_the_themes_policy_as_it_is(string sitePath)
    {
        const string Theme = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'";
        var csp = built.Site.Page(sitePath).QuerySelector("meta[http-equiv=Content-Security-Policy]")!.GetAttribute("content")!;
        if (sitePath == "404.html")
        {
            // The theme's, with its two texts allowed by their hashes, and nothing else.
            Assert.Matches("^default-src 'self'; style-src 'self' 'sha256-[A-Za-z0-9+/]{43}='; script-src 'self' 'sha256-[A-Za-z0-9+/]{43}='; img-src", csp);
            Assert.EndsWith(Theme["default-src 'self'; ".Length..], csp);
        }
        else
        {
            Assert.Equal(Theme, csp);
        }
    }

    [Fact]
    public void Markdown_cannot_inject_script()
    {
        using var site = new TestSite();
        var fiche = Path.Combine(site.Input, "pages", "essai.md");
        File.WriteAllText(fiche, """
            ---
            title: "<script>alert('titre')</script>"
            description: "\" onmouseover=\"alert(1)"
            ---

            ## Code `<script>alert(1)</script>`

            ```
            <img src=x onerror=alert(1)>
            ```

            Texte \<script>alert(2)\</script> échappé.
            """);

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var page = site.Page("essai/index.html");
        Assert.Empty(page.QuerySelectorAll("script:not([src]), main img")); // the header's one img is the theme's logo
        Assert.All(page.QuerySelectorAll("script"), script => Assert.StartsWith("../assets/", script.GetAttribute("src") ?? ""));
        Assert.Empty(EventHandlerAttributes(page));
        Assert.Equal("<script>alert('titre')</script>", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("\" onmouseover=\"alert(1)", page.QuerySelector("meta[name=description]")!.GetAttribute("content"));
    }

    [Fact]
    public void The_inline_script_check_lets_through_only_json_ld()
    {
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument("""
            <script type="application/ld+json">{"@type":"MedicalWebPage"}</script>
            <script>alert(1)</script>
            <script type="text/javascript">alert(2)</script>
            <script type="module">alert(3)</script>
            <script type="application/ld+json ">alert(4)</script>
            <script type="APPLICATION/LD+JSON" id="casse">alert(5)</script>
            <script src="../assets/js/search.js"></script>
            """);

        var flagged = InlineScripts(page).Select(s => s.TextContent).ToList();

        Assert.Equal(["alert(1)", "alert(2)", "alert(3)", "alert(4)", "alert(5)"], flagged);
    }

    /// <summary>
    /// Scripts written in the page rather than loaded from a file, which a strict CSP blocks. The one
    /// exception is JSON-LD, spelt exactly <c>type="application/ld+json"</c>: a data block, which the
    /// browser never runs and the CSP does not cover.
    /// </summary>
    private static IEnumerable<IElement> InlineScripts(IDocument page) =>
        page.QuerySelectorAll("script:not([src])").Where(s => s.GetAttribute("type") != "application/ld+json");

    private static IEnumerable<IAttr> EventHandlerAttributes(IDocument page) =>
        page.All.SelectMany(e => e.Attributes).Where(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<string> Urls(IDocument page) =>
        page.QuerySelectorAll("[href], [src]").Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!);
}
