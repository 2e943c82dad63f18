using AngleSharp.Dom;
using FichesSite.Pipeline;

namespace FichesSite.Tests;

/// <summary>
/// Every page of the built site, checked independently of the build's own link checker: every
/// internal link is relative (the 404 page's, from the base URL's path: Rendering/NotFoundPageTests), names a file (not
/// a folder, which file:// cannot open) and resolves, anchors included.
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
        foreach (var written in Urls(page).Where(u => !u.Contains(':')))
        {
            var url = written;
            if (sitePath == PageAddresses.NotFoundPage && !url.StartsWith('#'))
            {
                // Shown at any depth, it links from the base URL's path (« / » here), which its script rewrites elsewhere.
                Assert.True(url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal), $"{sitePath}: « {url} » does not start with the base URL's path");
                url = url[1..];
            }
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
