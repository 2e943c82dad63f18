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

    /// <summary>What to do, for every message about one.</summary>
    public const string Fix = "Retapez la valeur : un caractère invisible (contrôle, sens d’écriture forcé) s’y est glissé, souvent par un copier-coller.";
}
