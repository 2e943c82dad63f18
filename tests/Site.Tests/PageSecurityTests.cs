using AngleSharp.Dom;

namespace FichesSite.Tests;

/// <summary>
/// Every page carries a strict Content-Security-Policy and gives it nothing to block: no inline
/// script, no event-handler attribute, no style attribute, and no style element but those the policy
/// names by their hash (a sheet's print margins). And no Markdown can put script on a page.
/// </summary>
public sealed class PageSecurityTests(BuiltSite built) : IClassFixture<BuiltSite>
{
    public static TheoryData<string> Pages() => SiteLinksTests.Pages();

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
        Assert.Empty(page.QuerySelectorAll("script:not([src]), [style]"));
        var allowedStyles = AllowedStyleHashes(csp);
        Assert.All(page.QuerySelectorAll("style"), style => Assert.Contains(Sha256(style.TextContent), allowedStyles));
        Assert.Empty(EventHandlerAttributes(page));
        Assert.DoesNotContain(Urls(page), url => url.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_style_element_the_policy_does_not_name_is_caught()
    {
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(
            "<meta http-equiv=Content-Security-Policy content=\"style-src 'self' 'sha256-AAAA'\"><style>p{color:red}</style>");
        var csp = page.QuerySelector("meta")!.GetAttribute("content")!;
        Assert.DoesNotContain(Sha256(page.QuerySelector("style")!.TextContent), AllowedStyleHashes(csp));
    }

    // The hash sources of the style-src directive, e.g. 'sha256-…'.
    private static HashSet<string> AllowedStyleHashes(string csp) =>
        csp.Split(';').Select(d => d.Trim()).Where(d => d.StartsWith("style-src ", StringComparison.Ordinal))
            .SelectMany(d => d.Split(' ')).Where(s => s.StartsWith("'sha256-", StringComparison.Ordinal)).ToHashSet();

    private static string Sha256(string text) =>
        "'sha256-" + Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))) + "'";

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
        Assert.Empty(page.QuerySelectorAll("script:not([src]), img"));
        Assert.All(page.QuerySelectorAll("script"), script => Assert.StartsWith("../assets/", script.GetAttribute("src") ?? ""));
        Assert.Empty(EventHandlerAttributes(page));
        Assert.Equal("<script>alert('titre')</script>", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("\" onmouseover=\"alert(1)", page.QuerySelector("meta[name=description]")!.GetAttribute("content"));
    }

    private static IEnumerable<IAttr> EventHandlerAttributes(IDocument page) =>
        page.All.SelectMany(e => e.Attributes).Where(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<string> Urls(IDocument page) =>
        page.QuerySelectorAll("[href], [src]").Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!);
}
