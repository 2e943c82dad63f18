using CsCheck;
using FichesSite.Text;

namespace FichesSite.Tests.Quality;

/// <summary>What a word is, for the glossary and the readability counts alike.</summary>
public sealed class FrenchWordsTests
{
    private static string[] Words(string text)
    {
        var words = new List<WordSpan>();
        FrenchWords.Scan(text, words);
        return words.Select(w => (w.IsNumber ? "#" : "") + text.Substring(w.Start, w.Length)).ToArray();
    }

    [Theory]
    [InlineData("L’apparition d’une métastase", new[] { "apparition", "une", "métastase" })]     // elisions belong to their word
    [InlineData("qu’est-ce que c'est", new[] { "est", "ce", "que", "est" })]                      // hyphens separate; ' and ’ alike
    [InlineData("jusqu’à 48 heures", new[] { "jusqu", "à", "#48", "heures" })]                    // a longer part is a word
    [InlineData("2,5 % ou 2.5 et/ou 1er", new[] { "#2,5", "ou", "#2.5", "et", "ou", "#1er" })]     // numbers, signs, slash
    [InlineData("« trocart » (5 %).", new[] { "trocart", "#5" })]
    public void Cuts_text_into_words(string text, string[] expected) => Assert.Equal(expected, Words(text));

    [Theory]
    [InlineData("Métastases", "metastases")]
    [InlineData("ŒDÈME", "oedeme")]
    [InlineData("ge\u0301ne\u0301rale", "generale")]
    public void Folds_a_word_like_accent_folding(string word, string folded)
    {
        Span<char> buffer = stackalloc char[64];
        var length = FrenchWords.Fold(word, buffer);
        Assert.Equal(folded, buffer[..length].ToString());
        Assert.Equal(AccentFolding.Fold(word), folded);
    }

    // Letters of every kind the fold treats apart: ASCII, accented, ligatures, sharp s, combining accents, other
    // scripts. A word starts with a letter or digit (FrenchWords.Scan), never with a combining accent.
    private static readonly char[] Letters =
        ['a', 'Z', 'e', '5', 'é', 'É', 'ç', 'œ', 'Œ', 'æ', 'Æ', 'ß', 'ẞ', 'ÿ', 'Ÿ', 'ǅ', 'α', 'Ω', 'И', 'ﬁ', 'ı', 'İ'];

    private static readonly Gen<string> Word = Gen.OneOf<char>(Letters)
        .Select(Gen.OneOf<char>([.. Letters, '\u0301', '\u0308']).Array[0, 11], (first, rest) => first + new string(rest));

    [Fact]
    public void Folded_length_and_first_letter_are_those_of_the_folded_word()
    {
        // The glossary dismisses a word from these two without folding it: they must never disagree with the fold.
        Word.Sample(word =>
        {
            Span<char> buffer = stackalloc char[64];
            var folded = buffer[..FrenchWords.Fold(word, buffer)];
            Assert.Equal(folded.Length, FrenchWords.FoldedLength(word));
            Assert.Equal(folded[0], FrenchWords.FoldedFirst(word[0]));
        }, iter: 20_000);
    }
}
