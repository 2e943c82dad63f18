using System.Security.Cryptography;
using System.Text;
using FichesSite.Pipeline;

namespace FichesSite.Content;

/// <summary>
/// Where a sheet's PDF handout goes: pdf/&lt;name&gt;.pdf, one flat folder, for any page the site holds under fiches/.
/// A sheet in its own plain folder keeps that name (fiches/x/index.html → pdf/x.pdf). Every other folder (nested,
/// empty, too long, odd characters, a Windows device name) gets a readable prefix, « ~ » and a hash of the whole
/// folder: the mark never appears in a plain name, so two sheets never share a handout, and the name stays within
/// what file systems allow (255 bytes) whatever the page's path.
/// </summary>
public static class HandoutPath
{
    public const string Folder = "pdf/";

    /// <summary>Longest name kept as it is, in UTF-8 bytes; with the mark, the hash and « .pdf », names stay under 255.</summary>
    public const int MaxNameBytes = 200;

    private const char Mark = '~';
    private const int HashChars = 24; // 96 bits: no two sheets of a site share one by chance

    public static string For(string ficheOutputPath)
    {
        var folder = FolderOf(ficheOutputPath);
        return string.Concat(Folder, IsPlain(folder) ? folder : Encoded(folder), ".pdf");
    }

    // fiches/a/b/index.html → a/b; fiches/index.html → "" (a page named fiches, written there).
    private static string FolderOf(string outputPath)
    {
        var start = outputPath.StartsWith(PageAddresses.FichesFolder, StringComparison.Ordinal) ? PageAddresses.FichesFolder.Length : 0;
        var end = outputPath.LastIndexOf('/');
        return end <= start ? "" : outputPath[start..end];
    }

    /// <summary>A name safe on every file system and in a URL, short enough, and never one an encoded name could take.</summary>
    private static bool IsPlain(string name) =>
        name.Length > 0
        && name[0] != '.' && name[^1] != '.'
        && AllPlain(name)
        && Encoding.UTF8.GetByteCount(name) <= MaxNameBytes
        && !SourceNames.IsReservedOnWindows(name); // the intranet mirror is often a Windows share

    private static bool AllPlain(string name)
    {
        foreach (var c in name)
        {
            if (!IsPlainChar(c))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsPlainChar(char c) => char.IsLetterOrDigit(c) || c is '-' or '_' or '.';

    private static string Encoded(string folder)
    {
        var readable = new StringBuilder(folder.Length);
        var bytes = 0;
        foreach (var c in folder)
        {
            var kept = IsPlainChar(c) && !char.IsSurrogate(c) ? c : '-';
            bytes += Encoding.UTF8.GetByteCount([kept]);
            if (bytes > MaxNameBytes)
            {
                break;
            }
            readable.Append(kept);
        }
        var prefix = readable.ToString().Trim('.', '-');
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(folder)))[..HashChars];
        return string.Concat(prefix.Length == 0 ? "fiche" : prefix, Mark.ToString(), hash);
    }
}
