using FichesSite.Markdown;
using FichesSite.Text;

namespace FichesSite.Tests;

/// <summary>Unit tests of the small hand-written text helpers the build relies on.</summary>
public sealed class TextHelpersTests
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
