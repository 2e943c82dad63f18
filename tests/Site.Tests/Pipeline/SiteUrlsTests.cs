using FichesSite.Pipeline;

namespace FichesSite.Tests;

/// <summary>Arithmetic between two paths of the site (Pipeline/SiteUrls): the relative URL from a page, and back.</summary>
public sealed class SiteUrlsTests
{
    [Theory]
    [InlineData("fiches/a/index.html", "index.html", "../../index.html")]
    [InlineData("fiches/a/index.html", "fiches/b/index.html", "../b/index.html")]
    [InlineData("index.html", "assets/css/site.css", "assets/css/site.css")]
    [InlineData("404.html", "plan-du-site/index.html", "plan-du-site/index.html")]
    public void Relative_urls_lead_from_page_to_target(string from, string to, string expected)
    {
        Assert.Equal(expected, SiteUrls.Relative(from, to));
        Assert.Equal(to, SiteUrls.Resolve(from, expected));
    }

    [Fact]
    public void Urls_that_climb_out_of_the_site_do_not_resolve() => Assert.Null(SiteUrls.Resolve("index.html", "../secret.txt"));

    [Theory]
    [InlineData("fiches/a/index.html", "../b/", "fiches/b/")]
    [InlineData("fiches/a/index.html", "./c%C3%A9.pdf", "fiches/a/cé.pdf")]
    [InlineData("fiches/a/index.html", "../../", "")]
    [InlineData("fiches/a/index.html", "../..//x//y.html", "x/y.html")]
    [InlineData("a//b.html", "../c.html", "a/c.html")]
    [InlineData("index.html", "", "")]
    public void Urls_resolve_as_path_arithmetic(string from, string url, string expected) => Assert.Equal(expected, SiteUrls.Resolve(from, url));

    // The path arithmetic runs over spans for speed; this is the plain split-and-join it must equal.
    [Fact]
    public void Relative_and_resolve_equal_the_plain_split_and_join_on_many_paths()
    {
        var parts = new[] { "", "a", "b", "fiches", "x", "index.html", "c.css", "..", "." };
        var random = new Random(7);
        string PathOf(int maxParts) => string.Join('/', Enumerable.Range(0, random.Next(1, maxParts + 1)).Select(_ => parts[random.Next(parts.Length)]));
        for (var i = 0; i < 5_000; i++)
        {
            var from = PathOf(4);
            var to = PathOf(4);
            Assert.Equal(PlainRelative(from, to), SiteUrls.Relative(from, to));
            Assert.Equal(PlainResolve(from, to), SiteUrls.Resolve(from, to));
        }
    }

    private static string PlainRelative(string fromPage, string target)
    {
        var fromFolders = fromPage.Split('/')[..^1];
        var targetParts = target.Split('/');
        var common = 0;
        while (common < fromFolders.Length && common < targetParts.Length - 1 && fromFolders[common] == targetParts[common])
        {
            common++;
        }
        var ups = fromFolders.Length - common;
        var rest = string.Join('/', targetParts[common..]);
        // A path the browser would read as a scheme or another host is written behind « ./ ».
        var readOtherwise = rest.StartsWith('/') || rest.Split('/', '?', '#')[0].Contains(':');
        return (ups == 0 && readOtherwise ? "./" : "") + string.Concat(Enumerable.Repeat("../", ups)) + rest;
    }

    private static string? PlainResolve(string fromPage, string relativeUrl)
    {
        var parts = new List<string>(fromPage.Split('/')[..^1]);
        foreach (var segment in relativeUrl.Split('/'))
        {
            if (segment is "" or ".")
            {
                continue;
            }
            if (segment == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }
                parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(Uri.UnescapeDataString(segment));
        }
        var path = string.Join('/', parts);
        return relativeUrl.EndsWith('/') && path.Length > 0 ? path + "/" : path;
    }
}
