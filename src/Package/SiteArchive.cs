using System.IO.Compression;
using System.IO.Enumeration;

namespace FichesSite.Package;

/// <summary>
/// The zip of a built site, the same bytes for the same site and date: every file and folder of the site (its mark
/// and build.json included, so that the unzipped package is the built site byte for byte), one entry each, sorted by
/// path with ordinal comparison, « / » between folders, a folder's name ending in « / »; every entry dated with the
/// package's date; no extra field, no comment.
/// </summary>
/// <remarks>
/// Entries are stored, not compressed. Deflate's output is not fixed by its input: .NET compresses with zlib-ng, whose
/// bytes differ between processors (x86 and ARM, and with the vector instructions it finds at run time) and between
/// versions, so a compressed package would be reproducible only on the machine that made it. Stored, the zip's bytes
/// depend on the site, the date and the zip's framing alone. The framing is .NET's ZipArchive: it names the system that
/// wrote the zip (Unix, or Windows) and gives files their default permissions there, so the bytes are the same on
/// every Unix system. The size it costs: PDFs, fonts and images are compressed already, and the workflow's artifact
/// and most web servers compress what they send.
/// </remarks>
public static class SiteArchive
{
    /// <summary>One entry of the zip.</summary>
    /// <param name="Name">Its path in the zip: « / » between folders, ending with « / » for a folder.</param>
    /// <param name="Source">The file to copy, or null for a folder.</param>
    /// <param name="Length">The file's size when listed.</param>
    public sealed record Entry(string Name, string? Source, long Length)
    {
        public bool IsFolder => Source is null;
    }

    /// <summary>The site's entries, sorted, and the symbolic links met (site paths, sorted), which are neither followed nor packaged.</summary>
    public sealed record Listing(IReadOnlyList<Entry> Entries, IReadOnlyList<string> Links)
    {
        public int FileCount => Entries.Count(e => !e.IsFolder);
    }

    /// <summary>Every file and folder under <paramref name="siteDirectory"/>, hidden ones too; links are listed apart, never entered.</summary>
    /// <exception cref="IOException">A folder cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">A folder may not be read.</exception>
    public static Listing List(string siteDirectory)
    {
        static bool IsLink(ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) != 0;
        var found = new FileSystemEnumerable<(string Path, bool Folder, bool Link, long Length)>(siteDirectory,
            (ref FileSystemEntry entry) => (entry.ToFullPath(), entry.IsDirectory, IsLink(ref entry), entry.IsDirectory ? 0 : entry.Length),
            new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false, ReturnSpecialDirectories = false })
        {
            ShouldRecursePredicate = (ref FileSystemEntry entry) => !IsLink(ref entry),
        };
        var entries = new List<Entry>();
        var links = new List<string>();
        foreach (var (path, folder, link, length) in found)
        {
            var name = Path.GetRelativePath(siteDirectory, path).Replace(Path.DirectorySeparatorChar, '/');
            if (link)
            {
                links.Add(name);
            }
            else
            {
                entries.Add(folder ? new Entry(name + "/", null, 0) : new Entry(name, path, length));
            }
        }
        entries.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        links.Sort(StringComparer.Ordinal);
        return new Listing(entries, links);
    }

    /// <summary>Writes the zip of <paramref name="entries"/> to <paramref name="destination"/> (which must be seekable), every entry dated <paramref name="date"/>.</summary>
    public static void Write(Stream destination, IReadOnlyList<Entry> entries, DateTimeOffset date)
    {
        var stamp = ZipDate(date);
        using var zip = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var entry in entries)
        {
            var zipEntry = zip.CreateEntry(entry.Name, CompressionLevel.NoCompression);
            zipEntry.LastWriteTime = stamp;
            // A file listed empty is not opened: a named pipe, which has no size, would wait for a writer forever.
            if (entry.Source is { } source && entry.Length > 0)
            {
                using var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
                using var output = zipEntry.Open();
                input.CopyTo(output);
            }
        }
    }

    // A zip dates its entries in the MS-DOS way: local clock time, from 1980 to 2107, to the even second. The package's
    // date is written as its UTC clock time, whatever the machine's time zone, and held inside those years.
    private static readonly DateTimeOffset FirstZipDate = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LastZipDate = new(2107, 12, 31, 23, 59, 58, TimeSpan.Zero);

    /// <summary>The date written in every entry: <paramref name="date"/> in UTC, held between 1980 and 2107.</summary>
    public static DateTimeOffset ZipDate(DateTimeOffset date)
    {
        var utc = date.ToUniversalTime();
        return utc < FirstZipDate ? FirstZipDate : utc > LastZipDate ? LastZipDate : utc;
    }
}
