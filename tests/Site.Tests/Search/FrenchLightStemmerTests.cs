using System.Diagnostics;
using CsCheck;
using OurStemmer = FichesSite.Search.FrenchLightStemmer;

namespace FichesSite.Tests.Search;

/// <summary>
/// The stemmer takes time in proportion to the word, whatever the word: an author's page may hold one « word » of a
/// million letters (a paste gone wrong, or on purpose), and it is stemmed like any other. Its output stays Savoy's:
/// generated words full of doubled letters agree with Lucene.Net's implementation of the same algorithm.
/// </summary>
public sealed class FrenchLightStemmerTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("ab")]
    [InlineData("ment")]
    [InlineData("rr")]
    public void A_word_of_a_million_letters_is_stemmed_in_linear_time(string unit)
    {
        var word = string.Concat(Enumerable.Repeat(unit, 1_000_000 / unit.Length));
        var clock = Stopwatch.StartNew();

        var stem = OurStemmer.Stem(word);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"stemming {word.Length} characters took {clock.Elapsed.TotalSeconds:F1} s");
        Assert.NotEmpty(stem);
    }

    [Fact]
    public void Words_with_runs_of_letters_stem_as_Lucene_stems_them()
    {
        // Runs of one letter, from letters that Savoy's rules look at, and a few non-letters that break runs.
        var run = Gen.Select(Gen.Char["aeilmnrstuvx"], Gen.Int[1, 4]).Select((c, n) => new string(c, n));
        var gen = Gen.OneOf(run, run, run, Gen.Const("1"), Gen.Const("2")).Array[1, 12].Select(parts => string.Concat(parts));
        var lucene = new Lucene.Net.Analysis.Fr.FrenchLightStemmer();
        gen.Sample(word =>
        {
            var buffer = word.ToCharArray();
            var theirs = new string(buffer, 0, lucene.Stem(buffer, buffer.Length));
            Assert.Equal(theirs, OurStemmer.Stem(word));
        }, iter: 20_000);
    }
}
