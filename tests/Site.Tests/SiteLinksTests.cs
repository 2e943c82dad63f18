using AngleSharp.Dom;

namespace FichesSite.Tests;

/// <summary>
/// Every page of the built site, checked independently of the build's own link checker: every
/// internal link is relative, names a file (not a folder, which file:// cannot open) and resolves,
/// anchors included.
/// </summary>
public sealed class SiteLinksTests(BuiltSite built) : IClassFixture<BuiltSite>
{
    [Fact]
    public void The_site_has_the_expected_pages()
    {
        Assert.Equal(BuiltSite.ExpectedPages, built.Site.HtmlPages());
        Assert.True(File.Exists(Path.Combine(built.Site.Output, "sitemap.xml")));
        Assert.True(File.Exists(Path.Combine(built.Site.Output, "robots.txt")));
    }

    [Theory]
    [MemberData(nameof(BuiltSite.Pages), MemberType = typeof(BuiltSite))]
    public void Internal_links_and_anchors_resolve(string sitePath)
    {
        var page = built.Site.Page(sitePath);
        foreach (var url in Urls(page).Where(u => !u.Contains(':')))
        {
            Assert.False(url.StartsWith('/'), $"{sitePath}: « {url} » is root-relative; it breaks under a sub-path and from file://");
            var hash = url.IndexOf('#');
            var (path, fragment) = hash < 0 ? (url, "") : (url[..hash], url[(hash + 1)..]);
            var file = path.Length == 0
                ? Path.Combine(built.Site.Output, sitePath)
                : Path.GetFullPath(Path.Combine(built.Site.Output, Path.GetDirectoryName(sitePath)!, Uri.UnescapeDataString(path)));
            Assert.True(File.Exists(file), $"{sitePath}: « {url} » leads to {file}, which does not exist");
            Assert.StartsWith(built.Site.Output, file);
            if (fragment.Length > 0)
            {
                var target = path.Length == 0 ? page : built.Site.Page(Path.GetRelativePath(built.Site.Output, file));
                Assert.True(target.GetElementById(fragment) is not null, $"{sitePath}: « {url} » names an anchor that does not exist");
            }
        }
    }

    [Fact]
    public void The_404_page_links_absolutely_from_the_base_url()
    {
        var urls = Urls(built.Site.Page("404.html")).Where(u => !u.StartsWith("tel:", StringComparison.Ordinal) && !u.StartsWith('#')).ToList();
        Assert.NotEmpty(urls);
        Assert.All(urls, u => Assert.StartsWith("https://fiches.hopital-exemple.invalid/", u));
    }

    [Fact]
    public void The_sitemap_lists_every_page_but_the_404_with_absolute_urls()
    {
        var sitemap = File.ReadAllText(Path.Combine(built.Site.Output, "sitemap.xml"));
        Assert.Contains("<loc>https://fiches.hopital-exemple.invalid/fiches/cimentoplastie-metastases-osseuses/</loc>", sitemap);
        Assert.Contains("<loc>https://fiches.hopital-exemple.invalid/</loc>", sitemap);
        Assert.DoesNotContain("404", sitemap);
    }

    private static IEnumerable<string> Urls(IDocument page) =>
        page.QuerySelectorAll("a[href], link[href]:not([rel=canonical]), script[src], img[src]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!);
}
