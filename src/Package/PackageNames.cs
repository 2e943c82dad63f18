using System.Buffers;

namespace FichesSite.Package;

/// <summary>
/// The names of a package's three files. The zip's name carries the target and the version, so a version becomes part
/// of a file name: only letters without accents, digits, « . », « - », « _ » and « + », starting with a letter or a digit,
/// which every file system, share, URL and the SHA256SUMS format take as they are.
/// </summary>
public static class PackageNames
{
    public const string Sums = "SHA256SUMS";
    public const string Manifest = PackageManifest.FileName;
    private const string ArchivePrefix = "fiches-";
    private const string ArchiveSuffix = ".zip";
    public const int MostVersionLength = 64;

    private static readonly SearchValues<char> VersionChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_+");

    /// <summary>fiches-&lt;target&gt;-&lt;version&gt;.zip.</summary>
    public static string Archive(string target, string version) => $"{ArchivePrefix}{target}-{version}{ArchiveSuffix}";

    /// <summary>True for a version this command accepts (see the class).</summary>
    public static bool IsVersion(string version) =>
        version.Length is > 0 and <= MostVersionLength && char.IsAsciiLetterOrDigit(version[0]) && !version.AsSpan().ContainsAnyExcept(VersionChars);

    /// <summary>True for a name <see cref="Archive"/> may have given: what an earlier manifest may name, and nothing else.</summary>
    public static bool IsArchiveName(string name) =>
        name.StartsWith(ArchivePrefix, StringComparison.Ordinal) && name.EndsWith(ArchiveSuffix, StringComparison.Ordinal)
        && name.Length > ArchivePrefix.Length + ArchiveSuffix.Length
        && IsVersion(name[ArchivePrefix.Length..^ArchiveSuffix.Length]);
}
