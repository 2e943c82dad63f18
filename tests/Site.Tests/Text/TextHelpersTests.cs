using FichesSite.Text;

namespace FichesSite.Tests;

/// <summary>The small hand-written text helpers of src/Text the build relies on.</summary>
public sealed class TextHelpersTests
{
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
}
