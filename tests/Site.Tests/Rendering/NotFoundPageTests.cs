using AngleSharp.Dom;
using FichesSite.Pipeline;

namespace FichesSite.Tests.Rendering;

/// <summary>
/// The 404 page, read without a browser (the browser's view is Browser/NotFoundPageBrowserTests): it names no origin,
/// its links start with the base URL's path and lead to the site's files, it links no file for its looks but holds the
/// screen stylesheets the other pages link and the theme's script in itself, both allowed by their hashes.
/// </summary>
public sealed class NotFoundPageTests(BuiltSite built) : IClassFixture<BuiltSite>
{
    /// <summary>
    /// Where the page's links start for each build: the path of the address it is served at, given by --base-url or by
    /// site.yml (base_url, or intranet_base_url for the intranet's build), or « / » without any.
    /// </summary>
    public static TheoryData<BuildTarget, string, string> BaseUrls => new()
    {
        { BuildTarget.Public, "none", "/" },
        { BuildTarget.Public, "https://intranet.exemple.invalid/sante/fiches", "/sante/fiches/" },
        { BuildTarget.Intranet, "site.yml", "/fiches/" }, // intranet_base_url: https://intranet.hopital-exemple.invalid/fiches/
    };

    [Theory]
    [MemberData(nameof(BaseUrls))]
    public void Its_links_start_with_the_base_urls_path_name_no_origin_and_lead_to_the_sites_files(BuildTarget target, string baseUrl, string root)
    {
        using var site = new TestSite();
        if (baseUrl == "none")
        {
            var siteYml = Path.Combine(site.Input, "site.yml");
            File.WriteAllLines(siteYml, File.ReadAllLines(siteYml).Where(l => !l.StartsWith("base_url:", StringComparison.Ordinal)));
        }
        var result = site.Build(baseUrl: baseUrl.Contains("://") ? baseUrl : null, target: target);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));

        Assert.DoesNotContain("://", File.ReadAllText(Path.Combine(site.Output, PageAddresses.NotFoundPage)));
        var page = site.Page(PageAddresses.NotFoundPage);
        var urls = Addresses(page).Where(u => !u.StartsWith("tel:", StringComparison.Ordinal) && !u.StartsWith('#')).ToList();
        Assert.True(urls.Count >= 10, string.Join(", ", urls));
        foreach (var url in urls)
        {
            Assert.True(url.StartsWith(root, StringComparison.Ordinal) && !url.StartsWith("//", StringComparison.Ordinal), $"« {url} » does not start with {root}");
            var sitePath = url[root.Length..].Split('#', '?')[0];
            Assert.True(sitePath.Length == 0 || File.Exists(Path.Combine(site.Output, sitePath)), $"« {url} » names no file of the site");
        }
        Assert.Equal(root, page.QuerySelector("script[data-site-root]")!.GetAttribute("data-site-root"));
    }

    [Fact]
    public void It_links_no_file_for_its_looks_and_its_style_and_script_are_allowed_by_their_hashes()
    {
        var page = built.Site.Page(PageAddresses.NotFoundPage);

        Assert.Empty(page.QuerySelectorAll("link[rel=stylesheet], script[src]"));
        var style = Assert.Single(page.QuerySelectorAll("style"));
        var script = Assert.Single(page.QuerySelectorAll("script"));
        Assert.Equal([style, script], page.Head!.QuerySelectorAll("style, script"));
        Assert.True(PageChecks.AllowedByItsHash(style), "the style element's hash is not in the policy's style-src");
        Assert.True(PageChecks.AllowedByItsHash(script), "the script's hash is not in the policy's script-src");
        Assert.DoesNotContain("unsafe", page.QuerySelector("meta[http-equiv=Content-Security-Policy]")!.GetAttribute("content"));
    }

    [Fact]
    public void It_holds_the_screen_stylesheets_the_other_pages_link_and_the_themes_script_as_they_are()
    {
        var home = built.Site.Page(PageAddresses.HomePage);
        var sheets = home.QuerySelectorAll("link[rel=stylesheet]:not([media=print])").Select(l => l.GetAttribute("href")!).ToList();
        Assert.Equal(["assets/css/site.css", "assets/brand/brand.css", "assets/css/search.css"], sheets);
        var expected = string.Concat(sheets.Select(sheet =>
        {
            var css = File.ReadAllText(Path.Combine(built.Site.Output, sheet));
            return $"/* {sheet} */\n" + css + (css.EndsWith('\n') ? "" : "\n");
        }));

        var page = built.Site.Page(PageAddresses.NotFoundPage);

        Assert.Equal(expected, page.QuerySelector("style")!.TextContent);
        Assert.Equal(File.ReadAllText(Path.Combine(TestSite.RepositoryTheme, "assets", "js", "page-introuvable.js")), page.QuerySelector("script")!.TextContent);
    }

    [Fact]
    public void Its_script_is_in_the_page_only_and_not_copied_with_the_themes_other_scripts()
    {
        var page = built.Site.Page(PageAddresses.NotFoundPage);

        Assert.Contains("data-site-root", page.QuerySelector("script")!.TextContent);
        Assert.False(File.Exists(Path.Combine(built.Site.Output, "assets", "js", "page-introuvable.js")), "the 404 page's script was copied into the site, where nothing loads it");
        Assert.True(File.Exists(Path.Combine(built.Site.Output, "assets", "js", "search.js")));
    }

    // Every address the page writes: links, images, icon, the search form's, and the root its search and script read.
    private static IEnumerable<string> Addresses(IDocument page) =>
        page.QuerySelectorAll("[href], [src], [action], [data-site-root]")
            .SelectMany(e => new[] { "href", "src", "action", "data-site-root" }.Select(e.GetAttribute))
            .OfType<string>();
}
