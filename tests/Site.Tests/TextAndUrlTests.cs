using FichesSite.Markdown;
using FichesSite.Pipeline;
using FichesSite.Text;

namespace FichesSite.Tests;

/// <summary>Unit tests of the small hand-written helpers the build relies on.</summary>
public sealed class TextAndUrlTests
{
    [Theory]
    [InlineData("Type d’anesthésie", "type-d-anesthesie")]
    [InlineData("Quelles sont les suites opératoires ?", "quelles-sont-les-suites-operatoires")]
    [InlineData("Fuite de ciment (5 %)", "fuite-de-ciment-5")]
    [InlineData("Cœur et ÉPAULE", "coeur-et-epaule")]
    [InlineData("e\u0301le\u0300ve ÇA Ÿ", "eleve-ca-y")]
    [InlineData("???", "section")]
    public void Heading_ids_stay_readable_in_french(string heading, string id) => Assert.Equal(id, HeadingIds.Slug(heading));

    [Theory]
    [InlineData("Qu’est-ce que c’est ?", "Qu'est-ce que c'est", true)]
    [InlineData("QUELS SONT LES RISQUES de la cimentoplastie ?", "Quels sont les risques", true)]
    [InlineData("Quelles sont les suites", "Quelles sont les suites opératoires", false)]
    [InlineData("En quoi consistent", "En quoi consiste", false)]
    public void Section_titles_match_by_leading_words(string heading, string prefix, bool matches) =>
        Assert.Equal(matches, AccentFolding.StartsWithWords(heading, prefix));

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

    [Theory]
    [InlineData("titel", "title")]
    [InlineData("next_reveiw", "next_review")]
    [InlineData("Description", "description")]
    [InlineData("zzzzzzzzzz", null)]
    public void Misspelt_keys_find_their_nearest_name(string typed, string? expected) =>
        Assert.Equal(expected, NearestName.Find(typed, FichesSite.Content.FrontMatter.KnownKeys));

    [Theory]
    [InlineData("Qu’est-ce que c’est ?", "Qu’est-ce que c’est\u202F?")]
    [InlineData("environ 20 % des patients", "environ 20\u202F% des patients")]
    [InlineData("une aiguille (« trocart »)", "une aiguille («\u202Ftrocart\u202F»)")]
    [InlineData("a ? b", "a\u202F? b")]
    [InlineData("pas d’espace?", "pas d’espace?")]
    public void French_typography_uses_narrow_no_break_spaces(string text, string expected) =>
        Assert.Equal(expected, FrenchTypography.Fix(text));
}
