using System.Globalization;
using System.Text;
using FichesSite.Text;

namespace FichesSite.Search;

/// <summary>
/// Turns French text into search terms, the same way for the index (here, at build time) and for what a patient
/// types (theme/assets/js/search-normalize.js, in the browser). Hand-written on purpose: no library exists in both
/// languages with the same rules, and the two must never drift apart, so tests/Site.Tests/Search/normalizer-golden.tsv
/// holds both to the same expected output.
///
/// Steps, in this order (keep search-normalize.js in step):
/// 1. Unicode NFC, then lower case;
/// 2. every apostrophe (’ ʼ ‘ ') becomes ';
/// 3. diacritics are dropped (NFD, then every non-spacing mark removed); œ → oe, æ → ae;
/// 4. words are the runs of letters, digits and apostrophes; a leading elision (l' d' j' m' n' s' t' c' qu'
///    jusqu' lorsqu' puisqu') is removed, and what remains is split at apostrophes;
/// 5. single letters and stop words are dropped; short medical words (os, irm, avc) are kept;
/// 6. each word is reduced by <see cref="FrenchLightStemmer"/>.
/// </summary>
public static class FrenchNormalizer
{
    /// <summary>Common French words that carry no meaning for a search, folded (« où » is « ou »).</summary>
    public static readonly IReadOnlySet<string> StopWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "afin", "ainsi", "apres", "au", "aussi", "autre", "autres", "aux", "avant", "avec", "avez", "avoir", "avons",
        "car", "ce", "ceci", "cela", "celle", "celles", "celui", "ces", "cet", "cette", "ceux", "chez", "comme",
        "dans", "de", "des", "donc", "dont", "du", "elle", "elles", "en", "entre", "est", "et", "etait", "etant",
        "ete", "etre", "eux", "il", "ils", "je", "la", "le", "les", "leur", "leurs", "lui", "ma", "mais", "me",
        "meme", "memes", "mes", "moi", "mon", "ne", "ni", "nos", "notre", "nous", "on", "ont", "ou", "par", "pas",
        "pour", "qu", "quand", "que", "quel", "quelle", "quelles", "quels", "qui", "sa", "se", "ses", "si", "son",
        "sont", "sur", "ta", "te", "tes", "toi", "ton", "tu", "un", "une", "vers", "vos", "votre", "vous",
    };

    /// <summary>The search terms of <paramref name="text"/>: folded words, stemmed.</summary>
    public static IReadOnlyList<string> Terms(string text) => Words(text).Select(FrenchLightStemmer.Stem).ToList();

    /// <summary>Steps 1 to 5: the folded words of <paramref name="text"/>, before stemming.</summary>
    /// <remarks>
    /// One pass over the characters, without regular expressions: this runs on every word of every page
    /// (a third of a second per 300 sheets with regular expressions, most of the index's cost).
    /// No string.Normalize either: it needs ICU, absent under invariant globalisation, and the index must
    /// not change with the machine. Dropping combining marks and mapping precomposed letters to their base
    /// (Text/LatinLetters) gives what NFC, then NFD without marks, gives for Latin script.
    /// </remarks>
    public static IReadOnlyList<string> Words(string text)
    {
        var words = new List<string>();
        var run = new StringBuilder();
        foreach (var original in text)
        {
            var c = char.ToLowerInvariant(original);
            if (c is '\u2019' or '\u02BC' or '\u2018' or '\'')
            {
                run.Append('\'');
                continue;
            }
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue; // a combining accent: dropped, and it does not end the word
            }
            switch (LatinLetters.Base(c))
            {
                case 'œ':
                    run.Append("oe");
                    break;
                case 'æ':
                    run.Append("ae");
                    break;
                case var letter when char.IsLetter(letter) || char.IsDigit(letter):
                    run.Append(letter);
                    break;
                default:
                    AddRun(run, words);
                    break;
            }
        }
        AddRun(run, words);
        return words;
    }

    private static readonly string[] Elisions = ["jusqu'", "lorsqu'", "puisqu'", "qu'", "l'", "d'", "j'", "m'", "n'", "s'", "t'", "c'"];

    // A run of letters, digits and apostrophes: without its leading elision, split at apostrophes, filtered.
    private static void AddRun(StringBuilder run, List<string> words)
    {
        if (run.Length == 0)
        {
            return;
        }
        var value = run.ToString();
        run.Clear();
        var elision = Elisions.FirstOrDefault(e => value.StartsWith(e, StringComparison.Ordinal));
        foreach (var word in (elision is null ? value : value[elision.Length..]).Split('\''))
        {
            if ((word.Length > 1 || (word.Length == 1 && char.IsDigit(word[0]))) && !StopWords.Contains(word))
            {
                words.Add(word);
            }
        }
    }
}
