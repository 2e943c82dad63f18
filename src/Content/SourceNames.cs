using System.Globalization;
using System.Text;
using FichesSite.Pipeline;
using FichesSite.Text;

namespace FichesSite.Content;

/// <summary>
/// The rule for the names of the content's files and folders, which become the site's folders and addresses: a name
/// must give an address (not empty nor dots only), and stay a valid, distinct file name wherever the site is copied
/// — the intranet mirror is often a Windows file share, which ignores case, refuses some characters and names,
/// and drops trailing dots and spaces; a Mac also takes « café » composed and decomposed for one name.
/// </summary>
public static class SourceNames
{
    /// <summary>The one extension of a page's source. Other spellings of a Markdown file are refused, not ignored.</summary>
    public const string PageExtension = PageAddresses.SourceExtension;

    /// <summary>What to do about any refused name.</summary>
    public const string Fix = "Renommez le fichier ou le dossier avec des lettres, des chiffres et des tirets, par exemple « ma-fiche.md ».";

    // Extensions editors and other generators give Markdown files (GitHub's list): such a file is meant as a page.
    private static readonly string[] MarkdownExtensions = [".md", ".markdown", ".mdown", ".mdwn", ".mkd", ".mkdn", ".mkdown", ".mdtext", ".mdtxt", ".ronn"];

    // Windows refuses these as a file or folder name, whatever follows their first dot (« con.md », « Aux.png »).
    private static readonly HashSet<string> ReservedOnWindows = new(
        ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
            .. Enumerable.Range(0, 10).SelectMany(n => new[] { $"COM{n}", $"LPT{n}" }),
            "COM¹", "COM²", "COM³", "LPT¹", "LPT²", "LPT³"],
        StringComparer.OrdinalIgnoreCase);

    // Refused by Windows in a name, or cutting a web address short (« # » starts a fragment, « % » an escape).
    private const string InvalidCharacters = "<>:\"|?*\\#%";

    /// <summary>
    /// Why the file at <paramref name="relative"/> (from the input folder, '/' between folders) cannot be part of the
    /// site, or null when every level of its path is a valid name. For a page, the name checked is without « .md ».
    /// </summary>
    public static string? Problem(string relative)
    {
        var names = relative.Split('/');
        for (var i = 0; i < names.Length; i++)
        {
            var name = names[i];
            var isPage = i == names.Length - 1 && name.EndsWith(PageExtension, StringComparison.Ordinal);
            if (NameProblem(isPage ? name[..^PageExtension.Length] : name) is { } problem)
            {
                return $"le nom « {Visible(name)} » est refusé : {problem}.";
            }
        }
        return null;
    }

    /// <summary>
    /// True for a file with a Markdown extension other than « .md » (« .MD », « .markdown »): it would not be
    /// published, so it is refused rather than silently left out.
    /// </summary>
    public static bool IsMisnamedPage(string relative)
    {
        var extension = Path.GetExtension(relative);
        return extension != PageExtension && MarkdownExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The key under which two site paths are the same file on a Windows share or a Mac: case ignored, and Unicode's
    /// canonical forms taken as one (« café » with « é » or with « e » and a combining accent).
    /// </summary>
    public static string Key(string sitePath) =>
        CanonicalDecomposition.Of(CanonicalDecomposition.Of(sitePath).ToUpperInvariant());

    private static string? NameProblem(string name)
    {
        if (!name.EnumerateRunes().Any(Rune.IsLetterOrDigit))
        {
            return "il ne donne aucune adresse lisible (vide, ou sans lettre ni chiffre : seulement des points, des espaces ou des signes)";
        }
        if (name[0] == '.')
        {
            return "il commence par un point, ce qui le cache (et bien des serveurs refusent de le servir)";
        }
        if (char.IsWhiteSpace(name[0]) || char.IsWhiteSpace(name[^1]))
        {
            return "il commence ou finit par une espace";
        }
        if (name[^1] == '.')
        {
            return "il finit par un point, que Windows efface";
        }
        foreach (var rune in name.EnumerateRunes())
        {
            if (IsInvisible(rune))
            {
                return $"il contient un caractère invisible ou de contrôle (U+{rune.Value:X4})";
            }
            if (rune.IsAscii && InvalidCharacters.Contains((char)rune.Value, StringComparison.Ordinal))
            {
                return $"il contient « {(char)rune.Value} », refusé dans un nom de fichier sous Windows ou dans une adresse web (comme < > : \" | ? * \\ # %)";
            }
        }
        var beforeDot = name.Split('.')[0].TrimEnd();
        return IsReservedOnWindows(name) ? $"« {beforeDot} » est un nom réservé de Windows" : null;
    }

    /// <summary>True for a name Windows keeps for a device (CON, COM1…), whatever follows its first dot.</summary>
    public static bool IsReservedOnWindows(string name) => ReservedOnWindows.Contains(name.Split('.')[0].TrimEnd());

    // Control, format (bidirectional overrides, zero-width), private-use, unassigned or unpaired characters, and the
    // replacement character of a name that was not valid UTF-8: none belongs in an address people read.
    private static bool IsInvisible(Rune rune) =>
        rune.Value == 0xFFFD || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.Surrogate
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    // A name in a message, its control characters shown as code points so that the message itself stays readable.
    private static string Visible(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var rune in name.EnumerateRunes())
        {
            text.Append(IsInvisible(rune) ? $"U+{rune.Value:X4}" : rune.ToString());
        }
        return text.ToString();
    }
}
