namespace FichesSite.Text;

/// <summary>A word found in a text: where it starts, how long it is, and whether it holds a digit (a number).</summary>
public readonly record struct WordSpan(int Start, int Length, bool IsNumber)
{
    public int End => Start + Length;
}

/// <summary>
/// Cuts French text into words, the same way for the glossary (which words are terms) and for the
/// readability scores (what a word is), so that both agree on what they count. One pass over the
/// characters, no regular expression, no string per word.
/// <list type="bullet">
/// <item>A word is a run of letters and digits. Hyphens and slashes separate words
/// (« est-ce » is two words, « et/ou » too).</item>
/// <item>An elided article or pronoun (« l’ d’ j’ m’ n’ s’ t’ c’ qu’ ») is not a word of its own: it
/// belongs to the next word and adds nothing to it (« l’apparition » is the word « apparition »).
/// Longer parts before an apostrophe (« jusqu’ », « lorsqu’ ») are words.</item>
/// <item>A run holding a digit is a number (« 48 », « 2,5 », « 1er »); a decimal point or comma between
/// digits stays inside it. Signs (« % », « + », « € ») are not words.</item>
/// </list>
/// </summary>
public static class FrenchWords
{
    public static void Scan(ReadOnlySpan<char> text, List<WordSpan> words)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            var hasDigit = false;
            while (i < text.Length)
            {
                var c = text[i];
                if (char.IsLetterOrDigit(c) || CharCategory.IsCombiningMark(c))
                {
                    hasDigit |= char.IsDigit(c);
                    i++;
                }
                else if (c is '.' or ',' && hasDigit && i + 1 < text.Length && char.IsDigit(text[i + 1]))
                {
                    i++; // 2,5 or 2.5: one number
                }
                else
                {
                    break;
                }
            }
            if (i < text.Length && IsApostrophe(text[i]) && i + 1 < text.Length && char.IsLetter(text[i + 1]) && IsElision(text[start..i]))
            {
                i++; // « l’ » belongs to the next word: skip it and the apostrophe
                continue;
            }
            words.Add(new WordSpan(start, i - start, hasDigit));
        }
    }

    public static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u02BC' or '\u2018';

    // « l d j m n s t c » (one letter) and « qu »: the elisions of French that are not said as a syllable of their own.
    private static bool IsElision(ReadOnlySpan<char> part) =>
        part.Length == 1 ? char.IsLetter(part[0])
        : part.Length == 2 && (part[0] | 0x20) == 'q' && (part[1] | 0x20) == 'u';

    /// <summary>
    /// Writes the folded form of <paramref name="word"/> (lower case, no accents, œ → oe) into
    /// <paramref name="destination"/> and returns its length, or -1 when it does not fit. Matches the
    /// folding of <see cref="AccentFolding.Fold"/> for one word.
    /// </summary>
    public static int Fold(ReadOnlySpan<char> word, Span<char> destination)
    {
        var length = 0;
        foreach (var original in word)
        {
            if (char.IsAscii(original))
            {
                // Most letters of French text: no table lookup (this runs on every word of every sheet, twice).
                if (length == destination.Length)
                {
                    return -1;
                }
                destination[length++] = char.ToLowerInvariant(original);
                continue;
            }
            if (CharCategory.IsCombiningMark(original))
            {
                continue;
            }
            var c = FoldLetter(original);
            var letters = Expansion(c);
            if (letters.IsEmpty)
            {
                if (length == destination.Length)
                {
                    return -1;
                }
                destination[length++] = c;
                continue;
            }
            if (length + letters.Length > destination.Length)
            {
                return -1;
            }
            letters.CopyTo(destination[length..]);
            length += letters.Length;
        }
        return length;
    }

    /// <summary>The length <see cref="Fold"/> gives <paramref name="word"/>, without writing it.</summary>
    public static int FoldedLength(ReadOnlySpan<char> word)
    {
        var length = 0;
        foreach (var original in word)
        {
            length += char.IsAscii(original) ? 1
                : CharCategory.IsCombiningMark(original) ? 0
                : Math.Max(1, Expansion(FoldLetter(original)).Length);
        }
        return length;
    }

    /// <summary>
    /// The first character <see cref="Fold"/> writes for a word starting with <paramref name="first"/> (a letter or
    /// digit, as <see cref="Scan"/> starts words).
    /// </summary>
    public static char FoldedFirst(char first)
    {
        if (char.IsAscii(first))
        {
            return char.ToLowerInvariant(first);
        }
        var folded = FoldLetter(first);
        return Expansion(folded) is { IsEmpty: false } letters ? letters[0] : folded;
    }

    // A letter of a word, lower case and without its accent.
    private static char FoldLetter(char original) => char.ToLowerInvariant(LatinLetters.Base(original));

    // The letters a folded ligature or « ß » becomes, or nothing for any other letter.
    private static ReadOnlySpan<char> Expansion(char folded) => folded switch
    {
        'œ' or 'Œ' => "oe",
        'æ' or 'Æ' => "ae",
        'ß' => "ss",
        _ => default,
    };
}

/// <summary>Character classes shared by the word scanner and the syllable counter.</summary>
internal static class CharCategory
{
    // U+0300–U+036F: an accent typed as its own character after the letter (« e\u0301 »).
    public static bool IsCombiningMark(char c) => c is >= '\u0300' and <= '\u036F';
}
