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
    [InlineData("titel", "title")]
    [InlineData("next_reveiw", "next_review")]
    [InlineData("Description", "description")]
    [InlineData("zzzzzzzzzz", null)]
    public void Misspelt_keys_find_their_nearest_name(string typed, string? expected) =>
        Assert.Equal(expected, NearestName.Find(typed, Content.FrontMatter.KnownKeys));

    [Theory]
    [InlineData("Qu’est-ce que c’est ?", "Qu’est-ce que c’est\u202F?")]
    [InlineData("environ 20 % des patients", "environ 20\u202F% des patients")]
    [InlineData("une aiguille (« trocart »)", "une aiguille («\u202Ftrocart\u202F»)")]
    [InlineData("a ? b", "a\u202F? b")]
    [InlineData("pas d’espace?", "pas d’espace?")]
    public void French_typography_uses_narrow_no_break_spaces(string text, string expected) =>
        Assert.Equal(expected, FrenchTypography.Fix(text));
}
