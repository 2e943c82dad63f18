using System.IO.Compression;
using CsCheck;
using FichesSite.Package;
using FichesSite.Tests.Build;

namespace FichesSite.Tests.Package;

/// <summary>
/// The zip on its own, over generated trees of files and folders (hidden names, accents, spaces, empty files and
/// folders): it unzips to the same tree, byte for byte, and the same tree gives the same zip.
/// </summary>
public sealed class SiteArchiveTests
{
    private static readonly DateTimeOffset Date = new(2026, 6, 1, 10, 20, 30, TimeSpan.Zero);

    // A name of a file or folder: letters with and without accents, digits, a space, « . », « - », « _ ».
    private static readonly Gen<string> Name = Gen.String[Gen.Char["abcZé9 .-_"], 1, 6].Where(n => n is not "." and not "..");

    private static readonly Gen<(string[] Path, byte[] Bytes, bool Folder)> Item = Gen.Select(
        Name.Array[1, 3], Gen.Byte.Array[0, 300], Gen.Int[0, 9].Select(n => n == 0));

    [Fact]
    public void Generated_trees_unzip_to_themselves_and_give_the_same_zip_twice()
    {
        Item.List[0, 14].Sample(items =>
        {
            var root = Directory.CreateTempSubdirectory("fiches-archive-").FullName;
            try
            {
                var tree = Path.Combine(root, "arbre");
                Directory.CreateDirectory(tree);
                foreach (var (path, bytes, folder) in items)
                {
                    Make(tree, path, bytes, folder);
                }

                var listing = SiteArchive.List(tree);
                var first = Zip(listing.Entries);
                var second = Zip(SiteArchive.List(tree).Entries);

                Assert.Empty(listing.Links);
                Assert.Equal(first, second);
                var unzipped = Path.Combine(root, "dezippe");
                using (var zip = new ZipArchive(new MemoryStream(first), ZipArchiveMode.Read))
                {
                    var names = zip.Entries.Select(e => e.FullName).ToList();
                    Assert.Equal(names.Order(StringComparer.Ordinal), names);
                    Assert.All(zip.Entries, e => Assert.Equal(Date.DateTime, e.LastWriteTime.DateTime)); // an even second: kept as it is
                    zip.ExtractToDirectory(unzipped);
                }
                Directory.CreateDirectory(unzipped); // an empty tree gives an empty zip, which makes no folder
                Assert.Equal(FolderSnapshot.Of(tree), FolderSnapshot.Of(unzipped));
                Assert.Equal(Directory.EnumerateFiles(tree, "*", SearchOption.AllDirectories).Count(), listing.FileCount);
            }
            finally
            {
                Directory.Delete(root, recursive: true);
            }
        }, iter: 60);
    }

    [Fact]
    public void A_date_outside_the_zips_years_is_held_inside_them()
    {
        Assert.Equal(new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero), SiteArchive.ZipDate(DateTimeOffset.UnixEpoch));
        Assert.Equal(new DateTimeOffset(2107, 12, 31, 23, 59, 58, TimeSpan.Zero), SiteArchive.ZipDate(new DateTimeOffset(2200, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        // A date given in another zone is written as its UTC clock time.
        Assert.Equal(new DateTimeOffset(2026, 5, 31, 22, 0, 0, TimeSpan.Zero), SiteArchive.ZipDate(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.FromHours(2))));
    }

    // Adds a file or a folder at path, unless something of the other kind is already in its way.
    private static void Make(string tree, string[] path, byte[] bytes, bool folder)
    {
        var full = tree;
        for (var i = 0; i < path.Length; i++)
        {
            full = Path.Combine(full, path[i]);
            var last = i == path.Length - 1;
            if (File.Exists(full) || (last && !folder && Directory.Exists(full)))
            {
                return;
            }
        }
        if (folder)
        {
            Directory.CreateDirectory(full);
        }
        else
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, bytes);
        }
    }

    private static byte[] Zip(IReadOnlyList<SiteArchive.Entry> entries)
    {
        using var stream = new MemoryStream();
        SiteArchive.Write(stream, entries, Date);
        return stream.ToArray();
    }
}
