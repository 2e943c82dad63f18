using CsCheck;
using Jint;
using FichesSite.Search;

namespace FichesSite.Tests.Search;

/// <summary>
/// What a query searches while the patient types its last word (FichesSearch.typedWords): its words, as the index's
/// normaliser gives them, or, when every word is a stop word or a single letter, the last one alone if it has two
/// letters or more and ends the text (the start of a longer word). Held over generated queries of stop words, letters,
/// elisions, accents, ordinary words and endings that make no word, with the C# normaliser as the oracle of the words.
/// </summary>
public sealed class TypedQueryTests
{
    // Each piece: what is typed, and its last folded part (after elision, split at apostrophes).
    private static readonly (string Typed, string LastPart)[] Pieces =
    [
        ("de", "de"), ("Dé", "de"), ("LA", "la"), ("les", "les"), ("Un", "un"), ("où", "ou"), ("Et", "et"), ("qu", "qu"),
        ("d’un", "un"), ("l'une", "une"), ("QU’EST", "est"),
        ("a", "a"), ("à", "a"), ("d", "d"), ("L", "l"), ("y", "y"), ("l’", ""),
        ("fuite", "fuite"), ("Ciment", "ciment"), ("métastase", "metastase"), ("os", "os"), ("2", "2"), ("aujourd’hui", "hui"), ("lésion", "lesion"),
    ];

    private static readonly string[] Separators = [" ", "  ", ", ", " - ", "\u00A0", " : "];

    // What may end the text after the last piece: nothing (the patient is typing that piece), or characters that make
    // no word and are not a separator the page would take for the end of the word (an emoji, a zero-width space, a
    // degree sign), after which no word is being typed.
    private static readonly string[] Tails = ["", "", "", "😀", "\u200B", " °"];

    private static readonly Gen<(string Text, string LastPart)> Query =
        Gen.Select(Gen.Int[0, Pieces.Length - 1].Array[1, 5], Gen.Int[0, Separators.Length - 1].Array[5], Gen.Int[0, Tails.Length - 1])
            .Select((pieces, separators, tail) =>
            {
                var text = string.Concat(pieces.Select((p, i) => (i == 0 ? "" : Separators[separators[i]]) + Pieces[p].Typed)) + Tails[tail];
                // Only a word at the very end of the text is being typed.
                return (text, Tails[tail].Length == 0 ? Pieces[pieces[^1]].LastPart : "");
            });

    [Fact]
    public void While_typing_a_query_of_stop_words_searches_its_last_word_and_any_other_query_its_words()
    {
        var engine = SearchScripts.Load();
        Query.Sample(query =>
        {
            engine.SetValue("query", query.Text);
            var typed = engine.Evaluate("FichesSearch.typedWords(query).join(' ')").AsString();
            var words = FrenchNormalizer.Words(query.Text);
            var expected = words.Count > 0 ? string.Join(' ', words) : query.LastPart.Length > 1 ? query.LastPart : "";
            Assert.True(expected == typed, $"« {query.Text} »: expected [{expected}], typedWords gave [{typed}]");
            // A finished query never keeps a stop word.
            engine.SetValue("query", query.Text);
            Assert.Equal(string.Join(' ', words), engine.Evaluate("FichesSearch.words(query).join(' ')").AsString());
        }, iter: 2_000, threads: 1); // one Jint engine, which is not thread-safe
    }
}
