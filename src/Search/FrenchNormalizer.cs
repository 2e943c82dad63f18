using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
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
public static partial class FrenchNormalizer
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
    public static IReadOnlyList<string> Words(string text)
    {
        // No string.Normalize (NFC, NFD): it needs ICU, absent under invariant globalisation, and the index
        // must not change with the machine. Dropping combining marks and mapping precomposed letters to
        // their base (Text/LatinLetters) gives what NFC, then NFD without marks, gives for Latin script.
        var folded = Fold(Apostrophes().Replace(text.ToLowerInvariant(), "'"));
        var words = new List<string>();
        foreach (Match raw in WordRuns().Matches(folded))
        {
            foreach (var word in Elision().Replace(raw.Value, "", 1).Split('\''))
            {
                if (word.Length > 1 || (word.Length == 1 && char.IsDigit(word[0])))
                {
                    if (!StopWords.Contains(word))
                    {
                        words.Add(word);
                    }
                }
            }
        }
        return words;
    }

    private static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (LatinLetters.Base(c))
            {
                case var mark when CharUnicodeInfo.GetUnicodeCategory(mark) == UnicodeCategory.NonSpacingMark:
                    break;
                case 'œ':
                    builder.Append("oe");
                    break;
                case 'æ':
                    builder.Append("ae");
                    break;
                case var letter:
                    builder.Append(letter);
                    break;
            }
        }
        return builder.ToString();
    }

    [GeneratedRegex("[\u2019\u02BC\u2018']")]
    private static partial Regex Apostrophes();

    [GeneratedRegex(@"[\p{L}\p{Nd}']+")]
    private static partial Regex WordRuns();

    [GeneratedRegex("^(?:jusqu|lorsqu|puisqu|qu|[ldjmnstc])'")]
    private static partial Regex Elision();
}
