using System.Buffers;
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

    // The stop words, looked up without making a string of each word (see ForEachWord).
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWordSpans =
        new HashSet<string>(StopWords, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The search terms of <paramref name="text"/>: folded words, stemmed.</summary>
    public static IReadOnlyList<string> Terms(string text) => Words(text).Select(FrenchLightStemmer.Stem).ToList();

    /// <summary>Steps 1 to 5: the folded words of <paramref name="text"/>, before stemming.</summary>
    public static IReadOnlyList<string> Words(string text)
    {
        var words = new List<string>();
        ForEachWord(text, words, static (word, list) => list.Add(word.ToString()));
        return words;
    }

    /// <summary>Receives a word of the text, valid only during the call.</summary>
    public delegate void WordHandler<TState>(ReadOnlySpan<char> word, TState state);

    /// <summary>Steps 1 to 5, handing each folded word to <paramref name="handler"/> without making a string of it.</summary>
    /// <remarks>
    /// One pass over the characters, without regular expressions and without a string per word: this runs on every
    /// word of every page (5 million at 10,000 sheets; with regular expressions it was most of the index's cost, and
    /// then a string per word was most of what the index allocated).
    /// No string.Normalize either: it needs ICU, absent under invariant globalisation, and the index must
    /// not change with the machine. Dropping combining marks and mapping precomposed letters to their base
    /// (Text/LatinLetters) gives what NFC, then NFD without marks, gives for Latin script.
    /// </remarks>
    public static void ForEachWord<TState>(ReadOnlySpan<char> text, TState state, WordHandler<TState> handler)
    {
        // œ and æ become two letters, so a run is at most twice as long as the text.
        var rented = text.Length <= 256 ? null : ArrayPool<char>.Shared.Rent(text.Length * 2);
        var run = rented is null ? stackalloc char[text.Length * 2] : rented.AsSpan();
        var length = 0;
        foreach (var original in text)
        {
            var c = original < 0x80 ? (char.IsAsciiLetterUpper(original) ? (char)(original | 0x20) : original) : char.ToLowerInvariant(original);
            if (c < 0x80)
            {
                // ASCII, most of French text: no accent to drop, no mark to skip.
                if (c is '\'')
                {
                    run[length++] = '\'';
                }
                else if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
                {
                    run[length++] = c;
                }
                else
                {
                    EndRun(run[..length], state, handler);
                    length = 0;
                }
                continue;
            }
            if (c is '\u2019' or '\u02BC' or '\u2018')
            {
                run[length++] = '\'';
                continue;
            }
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue; // a combining accent: dropped, and it does not end the word
            }
            switch (LatinLetters.Base(c))
            {
                case 'œ':
                    run[length++] = 'o';
                    run[length++] = 'e';
                    break;
                case 'æ':
                    run[length++] = 'a';
                    run[length++] = 'e';
                    break;
                case var letter when char.IsLetter(letter) || char.IsDigit(letter):
                    run[length++] = letter;
                    break;
                default:
                    EndRun(run[..length], state, handler);
                    length = 0;
                    break;
            }
        }
        EndRun(run[..length], state, handler);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    // No stop word is longer than this: longer words skip the look-up, which every word of every page would pay.
    private static readonly int LongestStopWord = StopWords.Max(w => w.Length);

    // Step 5: single letters and stop words are dropped (a single digit is kept).
    private static bool IsKept(ReadOnlySpan<char> word) =>
        (word.Length > 1 || (word.Length == 1 && char.IsDigit(word[0])))
        && (word.Length > LongestStopWord || !StopWordSpans.Contains(word));

    private static readonly string[] Elisions = ["jusqu'", "lorsqu'", "puisqu'", "qu'", "l'", "d'", "j'", "m'", "n'", "s'", "t'", "c'"];

    // A run of letters, digits and apostrophes: without its leading elision, split at apostrophes, filtered.
    private static void EndRun<TState>(ReadOnlySpan<char> run, TState state, WordHandler<TState> handler)
    {
        if (run.IsEmpty)
        {
            return;
        }
        var apostrophe = run.IndexOf('\'');
        if (apostrophe < 0)
        {
            // Most words: no elision to strip, nothing to split.
            if (IsKept(run))
            {
                handler(run, state);
            }
            return;
        }
        foreach (var elision in Elisions)
        {
            if (run.StartsWith(elision, StringComparison.Ordinal))
            {
                run = run[elision.Length..];
                break;
            }
        }
        while (true)
        {
            apostrophe = run.IndexOf('\'');
            var word = apostrophe < 0 ? run : run[..apostrophe];
            if (IsKept(word))
            {
                handler(word, state);
            }
            if (apostrophe < 0)
            {
                return;
            }
            run = run[(apostrophe + 1)..];
        }
    }
}
