namespace FichesSite.Text;

/// <summary>
/// Characters that change how a text reads without being seen: control characters (tab and line ends aside, which
/// YAML's block values hold) and those that force or mark a writing direction (U+061C, U+200E, U+200F, U+202A–U+202E,
/// U+2066–U+2069). Escaped, they run nothing; but a title or a term holding U+202E reads backwards in lists, search
/// results and the browser's tab. One rule for every text field an author writes outside the page's body.
/// </summary>
public static class HiddenCharacters
{
    /// <summary>The code point of the first such character, as « U+202E », or null.</summary>
    public static string? First(string text)
    {
        foreach (var c in text)
        {
            if ((char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
                || c is '\u061C' or '\u200E' or '\u200F' or >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069')
            {
                return $"U+{(int)c:X4}";
            }
        }
        return null;
    }

    /// <summary>
    /// True when <paramref name="text"/> shows nothing: null, or only spaces, line ends, control characters and
    /// invisible format characters (Unicode's Cf: zero-width space, word joiner, soft hyphen, byte order mark…). The
    /// one test of a required text an author writes (a title, a name, a text alternative): « ​ » is not a name.
    /// </summary>
    public static bool IsBlank([System.Diagnostics.CodeAnalysis.NotNullWhen(false)] string? text)
    {
        foreach (var c in text ?? "")
        {
            if (!char.IsWhiteSpace(c) && !char.IsControl(c) && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>What to do, for every message about one.</summary>
    public const string Fix = "Retapez la valeur : un caractère invisible (contrôle, sens d’écriture forcé) s’y est glissé, souvent par un copier-coller.";
}
