using System.Security.Cryptography;
using System.Text;

namespace FichesSite.Package;

/// <summary>
/// SHA-256 of the package's files and the SHA256SUMS file that lists them, in GNU coreutils' format (« &lt;hex&gt;, two
/// spaces, &lt;name&gt; », one line each, sorted by name), so that « sha256sum -c SHA256SUMS » checks them inside the
/// package's folder. Names are plain (PackageNames): none needs the format's escapes.
/// </summary>
public static class Checksums
{
    /// <summary>The file's SHA-256 in lowercase hexadecimal, read as a stream.</summary>
    public static string Sha256(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        return Convert.ToHexStringLower(SHA256.HashData(file));
    }

    /// <summary>The text of a SHA256SUMS file for these files (name, hex), sorted by name with ordinal comparison.</summary>
    public static byte[] SumsFile(IEnumerable<(string Name, string Sha256)> files)
    {
        var text = new StringBuilder();
        foreach (var (name, sha256) in files.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            text.Append(sha256).Append("  ").Append(name).Append('\n');
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
