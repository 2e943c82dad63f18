using System.Globalization;
using System.Text;

namespace FichesSite.Text;

/// <summary>
/// Folds French text to plain lower-case ASCII words, for comparisons that must ignore case,
/// accents, apostrophes and punctuation (« Qu’est-ce que c’est ? » ≈ "qu est ce que c est").
/// Not the search normaliser: that one has its own rules and golden file.
/// </summary>
public static class AccentFolding
{
    /// <summary>Lower-case words without diacritics, separated by single spaces.</summary>
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            // Combining accents (« e\u0301 ») are dropped; precomposed letters lose theirs through the table.
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            var lower = char.ToLowerInvariant(LatinLetters.Base(c));
            switch (lower)
            {
                case 'œ' or 'Œ': AppendWord(builder, "oe", ref pendingSpace); continue;
                case 'æ' or 'Æ': AppendWord(builder, "ae", ref pendingSpace); continue;
                case 'ß': AppendWord(builder, "ss", ref pendingSpace); continue;
            }
            if (char.IsAsciiLetterOrDigit(lower))
            {
                AppendWord(builder, lower.ToString(), ref pendingSpace);
            }
            else
            {
                pendingSpace = builder.Length > 0;
            }
        }
        return builder.ToString();
    }

    /// <summary>True when <paramref name="text"/> begins with the words of <paramref name="prefix"/>, once both are folded.</summary>
    public static bool StartsWithWords(string text, string prefix)
    {
        var foldedText = Fold(text);
        var foldedPrefix = Fold(prefix);
        return foldedText == foldedPrefix || foldedText.StartsWith(foldedPrefix + " ", StringComparison.Ordinal);
    }

    private static void AppendWord(StringBuilder builder, string letters, ref bool pendingSpace)
    {
        if (pendingSpace)
        {
            builder.Append(' ');
            pendingSpace = false;
        }
        builder.Append(letters);
    }
}
