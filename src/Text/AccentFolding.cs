using System.Globalization;

namespace FichesSite.Text;

/// <summary>
/// Folds French text to plain lower-case ASCII words, for comparisons that must ignore case,
/// accents, apostrophes and punctuation (« Qu’est-ce que c’est ? » ≈ "qu est ce que c est").
/// Not the search normaliser: that one has its own rules and golden file.
/// </summary>
public static class AccentFolding
{
    /// <summary>Lower-case words without diacritics, separated by single spaces.</summary>
    public static string Fold(string text) => Fold(text, ' ');

    /// <summary>The same words, separated by <paramref name="separator"/>.</summary>
    /// <remarks>The separator is written with the words, so that a heading's id is one string, not a folded one then a copy.</remarks>
    public static string Fold(string text, char separator)
    {
        var buffer = text.Length <= 256 ? stackalloc char[text.Length * 2] : new char[text.Length * 2];
        return new string(buffer[..FoldInto(text, buffer, separator)]);
    }

    /// <summary>True when <paramref name="text"/> begins with the words of <paramref name="prefix"/>, once both are folded.</summary>
    /// <remarks>Folds into stack buffers (heap ones past 256 characters): the content contract asks this for every heading of every page.</remarks>
    public static bool StartsWithWords(string text, string prefix)
    {
        var textBuffer = text.Length <= 256 ? stackalloc char[text.Length * 2] : new char[text.Length * 2];
        var prefixBuffer = prefix.Length <= 256 ? stackalloc char[prefix.Length * 2] : new char[prefix.Length * 2];
        var foldedText = textBuffer[..FoldInto(text, textBuffer, ' ')];
        var foldedPrefix = prefixBuffer[..FoldInto(prefix, prefixBuffer, ' ')];
        return foldedText.StartsWith(foldedPrefix)
            && (foldedText.Length == foldedPrefix.Length || foldedText[foldedPrefix.Length] == ' ');
    }

    // Writes the folded text into destination (twice the text's length is always enough: œ becomes two letters) and returns its length.
    private static int FoldInto(ReadOnlySpan<char> text, Span<char> destination, char separator)
    {
        var length = 0;
        var pendingSeparator = false;
        foreach (var c in text)
        {
            // Combining accents (« e\u0301 ») are dropped; precomposed letters lose theirs through the table.
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            var lower = char.ToLowerInvariant(LatinLetters.Base(c));
            var letters = lower switch
            {
                'œ' or 'Œ' => "oe",
                'æ' or 'Æ' => "ae",
                'ß' => "ss",
                _ => null,
            };
            if (letters is null && !char.IsAsciiLetterOrDigit(lower))
            {
                pendingSeparator = length > 0;
                continue;
            }
            if (pendingSeparator)
            {
                destination[length++] = separator;
                pendingSeparator = false;
            }
            if (letters is null)
            {
                destination[length++] = lower;
            }
            else
            {
                letters.CopyTo(destination[length..]);
                length += letters.Length;
            }
        }
        return length;
    }
}
