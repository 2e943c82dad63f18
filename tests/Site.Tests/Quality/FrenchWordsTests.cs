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
}
