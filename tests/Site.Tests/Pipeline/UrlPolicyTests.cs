using CsCheck;
using FichesSite.Pipeline;

namespace FichesSite.Tests;

/// <summary>
/// The one address rule (UrlPolicy), judged against the browser's own reading of a scheme (PageChecks.BrowserScheme):
/// whatever the encoding, case or white space, no address it lets through can be read as a scheme other than
/// http, https, mailto or tel; and the relative URLs the site writes are never read as a scheme at all.
/// </summary>
public sealed class UrlPolicyTests
{
    [Theory]
    [InlineData("javascript:alert(1)", "javascript")]
    [InlineData("JaVaScRiPt:alert(1)", "javascript")]
    [InlineData(" \u0001javascript:alert(1)", "javascript")]
    [InlineData("java\tscript:alert(1)", "javascript")]
    [InlineData("java\nscr\ript:alert(1)", "javascript")]
    [InlineData("\u0000javascript:alert(1)", "javascript")]
    [InlineData("vbscript:msgbox(1)", "vbscript")]
    [InlineData("data:text/html,<script>alert(1)</script>", "data")]
    [InlineData("file:///etc/passwd", "file")]
    [InlineData("java%73cript:alert(1)", "java%73cript")]
    [InlineData("java script:alert(1)", "java script")]
    [InlineData("javascript:x.md", "javascript")]
    [InlineData("x-custom:a", "x-custom")]
    public void Schemes_that_are_not_web_mail_or_phone_are_refused(string url, string scheme)
    {
        Assert.Equal(scheme, UrlPolicy.SchemeOf(url));
        Assert.False(UrlPolicy.IsAllowed(url));
        Assert.True(SiteUrls.IsExternal(url));
    }

    [Theory]
    [InlineData("https://exemple.invalid/a?b=c:d", true)]
    [InlineData("HTTP://exemple.invalid/", true)]
    [InlineData("mailto:accueil@exemple.invalid", true)]
    [InlineData("tel:+33100000000", true)]
    [InlineData("//exemple.invalid/x", true)]
    [InlineData("../fiches/x/index.html", false)]
    [InlineData("./javascript:x.md", false)]
    [InlineData("#ancre:avec-deux-points", false)]
    [InlineData("images/a.png?v=1:2", false)]
    [InlineData("", false)]
    public void Web_mail_phone_and_relative_addresses_are_allowed(string url, bool external)
    {
        Assert.True(UrlPolicy.IsAllowed(url));
        Assert.Equal(external, SiteUrls.IsExternal(url));
    }

    // What a hostile author may type for a scheme: known ones in any case, with white space and controls anywhere.
    private static readonly Gen<string> Scheme = Gen.OneOf(
            Gen.OneOf("javascript", "vbscript", "data", "file", "https", "http", "mailto", "tel", "blob", "x", "ja-va.sc+ript", "1x"),
            Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789+.-"].Array[1, 10].Select(c => new string(c)))
        .Select(Gen.Bool.Array[12], (scheme, upper) => new string(scheme.Select((c, i) => upper[i % 12] ? char.ToUpperInvariant(c) : c).ToArray()));

    private static readonly Gen<string> Noise = Gen.OneOf("", "", "", " ", "\t", "\n", "\r", "\u0000", "\u0001", "\u001F", "%20", "%0A", "\u00A0", "&#x61;");

    private static readonly Gen<string> Url = Gen.Select(
        Noise, Scheme, Gen.Int[0, 12], Noise, Gen.OneOf(":", ":", "%3A", "&#58;", "/:", "?:", "#:"), Gen.OneOf("alert(1)", "//h/x", "x.md", ""),
        (lead, scheme, at, inside, colon, rest) =>
        {
            var cut = Math.Min(at, scheme.Length);
            return lead + scheme[..cut] + inside + scheme[cut..] + colon + rest;
        });

    [Fact]
    public void No_allowed_address_is_read_by_a_browser_as_a_scheme_that_runs_code() =>
        Url.Sample(url =>
        {
            var browser = PageChecks.BrowserScheme(url);
            if (UrlPolicy.IsAllowed(url))
            {
                Assert.True(browser is null or "http" or "https" or "mailto" or "tel", $"allowed, but a browser reads « {browser}: »");
            }
            if (browser is not null)
            {
                Assert.Equal(browser, UrlPolicy.SchemeOf(url));
            }
        }, iter: 20_000);

    // Site paths whose parts may look like schemes or hosts, as file names can.
    private static readonly Gen<string> Part = Gen.OneOf(
        Gen.OneOf("fiches", "a", "index.html", "javascript:alert(1)", "x:y.png", "data:", " javascript:x", "\\\\h", "", "mailto:x"),
        Url);

    [Fact]
    public void Relative_urls_the_site_writes_are_never_read_as_a_scheme_or_another_host() =>
        Gen.OneOf("index.html", "fiches/x/index.html", "a/index.html", "404.html").Select(Part.Array[1, 3])
            .Sample((from, parts) =>
            {
                var target = string.Join('/', parts);
                var url = SiteUrls.Relative(from, target);
                Assert.Null(PageChecks.BrowserScheme(url));
                Assert.False(SiteUrls.IsExternal(url), url);
                Assert.False(url.StartsWith('/') || url.StartsWith('\\'), url);
            }, iter: 20_000);
}
