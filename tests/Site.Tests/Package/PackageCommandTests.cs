using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FichesSite.Build;
using FichesSite.Package;
using FichesSite.Tests.Build;

namespace FichesSite.Tests.Package;

/// <summary>
/// The package command on built sites: its sums verify, its zip unzips to the built site byte for byte, the same
/// input gives the same bytes, the manifest says what the package holds; and what it refuses, leaving every file as it was.
/// </summary>
public sealed class PackageCommandTests(PackagedSites sites) : IClassFixture<PackagedSites>
{
    private const string Day = "2026-06-01";

    [Fact]
    public void The_epoch_of_the_tests_is_their_day()
    {
        Assert.Equal(new DateTimeOffset(TestSite.Today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), PackageStamp.FromEpoch(PackagedSites.Epoch));
    }

    [Fact]
    public void Writes_the_zip_its_manifest_and_the_sums_and_says_so()
    {
        var to = sites.NewFolder("_package");

        var (code, output, errors) = PackagedSites.Package(sites.Public, to);

        Assert.True(code == 0, errors);
        Assert.Equal("", errors);
        const string archive = $"fiches-public-{Day}-abcdef0.zip";
        Assert.Equal(["SHA256SUMS", archive, "manifest.json"], PackagedSites.Files(to).Keys);
        Assert.Contains($"{archive} (", output);
        Assert.Contains("sha256sum -c SHA256SUMS", output);
        Assert.Single(output.TrimEnd('\n').Split('\n'));
        // Nothing left beside the package: its staging folder was renamed into place.
        Assert.Equal(["_package"], Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(to)!).Select(Path.GetFileName));
    }

    [Fact]
    public void The_sums_verify_with_sha256sum_and_when_recomputed()
    {
        var to = sites.NewFolder("_package");
        Assert.Equal(0, PackagedSites.Package(sites.Public, to).ExitCode);

        var sums = File.ReadAllText(Path.Combine(to, "SHA256SUMS"));
        var lines = sums.Split('\n');
        Assert.Equal("", lines[^1]); // ends with a line end
        var listed = lines[..^1].Select(l => l.Split("  ")).ToList();
        Assert.All(listed, l => Assert.Equal(2, l.Length));
        Assert.Equal([$"fiches-public-{Day}-abcdef0.zip", "manifest.json"], listed.Select(l => l[1]));
        foreach (var line in listed)
        {
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(to, line[1])))), line[0]);
        }
        if (PackagedSites.Program("sha256sum") is { } sha256sum)
        {
            var (exitCode, output) = PackagedSites.RunIn(to, sha256sum, "-c", "--strict", "SHA256SUMS");
            Assert.True(exitCode == 0, output);
            Assert.Equal($"fiches-public-{Day}-abcdef0.zip: OK\nmanifest.json: OK\n", output);
        }
    }

    [Fact]
    public void The_zip_unzips_to_exactly_the_built_site()
    {
        var to = sites.NewFolder("_package");
        Assert.Equal(0, PackagedSites.Package(sites.Intranet, to).ExitCode);
        var zip = Path.Combine(to, $"fiches-intranet-{Day}-abcdef0.zip");

        var unzipped = sites.NewFolder("unzipped");
        ZipFile.ExtractToDirectory(zip, unzipped);
        Assert.Equal(FolderSnapshot.Of(sites.Intranet), FolderSnapshot.Of(unzipped));

        // Read by another program than .NET, when there is one: Info-ZIP's unzip.
        if (PackagedSites.Program("unzip") is { } unzip)
        {
            var byInfoZip = Directory.CreateDirectory(sites.NewFolder("unzip")).FullName;
            var (exitCode, output) = PackagedSites.RunIn(byInfoZip, unzip, "-q", zip);
            Assert.True(exitCode == 0, output);
            Assert.Equal(FolderSnapshot.Of(sites.Intranet), FolderSnapshot.Of(byInfoZip));
        }
    }

    [Fact]
    public void The_zip_lists_every_entry_sorted_and_dated_with_the_package()
    {
        var to = sites.NewFolder("_package");
        Assert.Equal(0, PackagedSites.Package(sites.Public, to).ExitCode);

        using var zip = ZipFile.OpenRead(Path.Combine(to, $"fiches-public-{Day}-abcdef0.zip"));
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Contains(SiteMark.FileName, names);
        Assert.Contains("build.json", names);
        Assert.Contains("fiches/", names);
        Assert.DoesNotContain(names, n => n.Contains('\\') || n.StartsWith('/'));
        // A zip's dates are clock times without a zone: the package's, in UTC.
        Assert.All(zip.Entries, e => Assert.Equal(new DateTime(2026, 6, 1, 0, 0, 0), e.LastWriteTime.DateTime));
        Assert.All(zip.Entries, e => Assert.Equal(e.Length, e.CompressedLength)); // stored
    }

    [Fact]
    public void Two_builds_of_the_same_input_give_the_same_package_byte_for_byte()
    {
        var first = sites.NewFolder("_package");
        var second = sites.NewFolder("_package");
        var again = sites.NewFolder("_package");

        Assert.Equal(0, PackagedSites.Package(sites.Public, first).ExitCode);
        Assert.Equal(0, PackagedSites.Package(sites.PublicAgain, second).ExitCode);
        Assert.Equal(0, PackagedSites.Package(sites.Public, again).ExitCode);

        Assert.Equal(PackagedSites.Files(first), PackagedSites.Files(second));
        Assert.Equal(PackagedSites.Files(first), PackagedSites.Files(again));
    }

    [Fact]
    public void The_manifest_says_what_the_package_holds_in_a_fixed_order()
    {
        var to = sites.NewFolder("_package");
        Assert.Equal(0, PackagedSites.Package(sites.Intranet, to).ExitCode);

        var text = File.ReadAllText(Path.Combine(to, "manifest.json"));
        Assert.EndsWith("}\n", text);
        Assert.DoesNotContain('\r', text);
        using var manifest = JsonDocument.Parse(text);
        var root = manifest.RootElement;
        Assert.Equal(["generator", "target", "version", "build_date", "commit", "pages", "base_url", "archive", "sha256", "files"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("fiches-site", root.GetProperty("generator").GetString());
        Assert.Equal("intranet", root.GetProperty("target").GetString());
        Assert.Equal($"{Day}-abcdef0", root.GetProperty("version").GetString());
        Assert.Equal($"{Day}T00:00:00Z", root.GetProperty("build_date").GetString());
        Assert.Equal(PackagedSites.Commit, root.GetProperty("commit").GetString());
        Assert.Equal(sites.IntranetResult.PageCount, root.GetProperty("pages").GetInt32());
        Assert.Equal(BuildInfoFile.Read(sites.Intranet)!.BaseUrl, root.GetProperty("base_url").GetString());
        Assert.Equal("https://intranet.hopital-exemple.invalid/fiches/", root.GetProperty("base_url").GetString());
        var archive = root.GetProperty("archive").GetString()!;
        Assert.Equal($"fiches-intranet-{Day}-abcdef0.zip", archive);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(to, archive)))), root.GetProperty("sha256").GetString());
        Assert.Equal(Directory.EnumerateFiles(sites.Intranet, "*", SearchOption.AllDirectories).Count(), root.GetProperty("files").GetInt32());
    }

    [Fact]
    public void Without_source_date_epoch_the_date_is_when_the_site_was_built_and_an_unknown_commit_is_null()
    {
        var site = sites.CopyOf(sites.Public);
        File.SetLastWriteTimeUtc(Path.Combine(site, SiteMark.FileName), new DateTime(2025, 3, 4, 5, 6, 7, DateTimeKind.Utc));
        var to = sites.NewFolder("_package");

        var (code, _, errors) = PackagedSites.Package(site, to, epoch: null, githubSha: null, localCommit: null);

        Assert.True(code == 0, errors);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(to, "manifest.json")));
        Assert.Equal("2025-03-04T05:06:07Z", manifest.RootElement.GetProperty("build_date").GetString());
        Assert.Equal(JsonValueKind.Null, manifest.RootElement.GetProperty("commit").ValueKind);
        Assert.Equal("2025-03-04", manifest.RootElement.GetProperty("version").GetString());
        using var zip = ZipFile.OpenRead(Path.Combine(to, "fiches-public-2025-03-04.zip"));
        Assert.All(zip.Entries, e => Assert.Equal(new DateTime(2025, 3, 4, 5, 6, 6), e.LastWriteTime.DateTime)); // to the even second
    }

    [Fact]
    public void The_local_commit_counts_when_github_sha_is_not_set()
    {
        var to = sites.NewFolder("_package");
        const string local = "0123456789abcdef0123456789abcdef01234567";

        Assert.Equal(0, PackagedSites.Package(sites.Public, to, githubSha: null, localCommit: local).ExitCode);

        Assert.True(File.Exists(Path.Combine(to, $"fiches-public-{Day}-0123456.zip")));
        Assert.Contains($"\"commit\": \"{local}\"", File.ReadAllText(Path.Combine(to, "manifest.json")));
    }

    [Fact]
    public void A_date_before_1980_is_the_manifests_and_the_zip_holds_1980()
    {
        var to = sites.NewFolder("_package");

        Assert.Equal(0, PackagedSites.Package(sites.Public, to, epoch: "0", version: "v0").ExitCode);

        Assert.Contains("\"build_date\": \"1970-01-01T00:00:00Z\"", File.ReadAllText(Path.Combine(to, "manifest.json")));
        using var zip = ZipFile.OpenRead(Path.Combine(to, "fiches-public-v0.zip"));
        Assert.All(zip.Entries, e => Assert.Equal(new DateTime(1980, 1, 1), e.LastWriteTime.DateTime));
    }

    [Fact]
    public void Replaces_an_earlier_package_and_leaves_nothing_beside_it()
    {
        var to = sites.NewFolder("_package");
        Assert.Equal(0, PackagedSites.Package(sites.Public, to, version: "1").ExitCode);

        var (code, _, errors) = PackagedSites.Package(sites.Intranet, to, version: "2");

        Assert.True(code == 0, errors);
        Assert.Equal(["SHA256SUMS", "fiches-intranet-2.zip", "manifest.json"], PackagedSites.Files(to).Keys);
        Assert.Equal(["_package"], Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(to)!).Select(Path.GetFileName));
    }

    [Fact]
    public void Removes_the_marked_staging_folders_of_killed_runs_and_leaves_every_other_folder_as_it_was()
    {
        var to = sites.NewFolder("_package");
        var around = Path.GetDirectoryName(to)!;
        // A run still writing its package, which holds its staging folder's mark.
        var running = new PackageFolder(to);
        running.Create();
        // What a run killed while writing its zip leaves: its staging folder, marked, with part of the zip.
        var killed = Path.Combine(around, "_package.building-0123abcd");
        Directory.CreateDirectory(killed);
        PackageFolder.StagingMark.WriteInto(killed);
        File.WriteAllBytes(Path.Combine(killed, "fiches-public-1.zip"), [0x50, 0x4B, 0x03]);
        // Named like one but not marked (a look-alike mark too); marked but holding someone's file; marked but another
        // package folder's.
        var unmarked = Path.Combine(around, "_package.building-89abcdef");
        Directory.CreateDirectory(unmarked);
        File.WriteAllText(Path.Combine(unmarked, "fiches-public-1.zip"), "à garder");
        File.WriteAllText(Path.Combine(unmarked, PackageFolder.StagingMark.FileName), "fiches-paquet\n");
        var filled = Path.Combine(around, "_package.building-fedcba98");
        Directory.CreateDirectory(filled);
        PackageFolder.StagingMark.WriteInto(filled);
        File.WriteAllText(Path.Combine(filled, "notes.txt"), "à garder");
        var other = Path.Combine(around, "_package2.building-0123abcd");
        Directory.CreateDirectory(other);
        PackageFolder.StagingMark.WriteInto(other);
        var before = FolderSnapshot.Of(around);

        var (code, _, errors) = PackagedSites.Package(sites.Public, to);

        Assert.True(code == 0, errors);
        Assert.False(Directory.Exists(killed), "the marked staging folder of a killed run is still there");
        var after = FolderSnapshot.Of(around);
        Assert.All(before.Where(e => !e.Key.StartsWith("_package.building-0123abcd", StringComparison.Ordinal)),
            entry => Assert.Equal(entry.Value, after.GetValueOrDefault(entry.Key)));
        Assert.True(Directory.Exists(running.Staging));
        running.Discard([]);
        Assert.Equal(["_package", "_package.building-89abcdef", "_package.building-fedcba98", "_package2.building-0123abcd"],
            Directory.EnumerateFileSystemEntries(around).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        // The mark is taken off the staging folder before it becomes the package's: the package holds its three files.
        Assert.Equal(3, PackagedSites.Files(to).Count);
    }

    [Fact]
    public void The_command_line_takes_the_site_the_folder_and_the_version()
    {
        var to = sites.NewFolder("_package");

        Assert.Equal(0, Program.Main(["package", "--output", sites.Public, "--to", to, "--package-version", "2026.06"]));

        Assert.True(File.Exists(Path.Combine(to, "fiches-public-2026.06.zip")));
        Assert.Equal(1, Program.Main(["package", "--output", Path.Combine(sites.Site.Root, "absent"), "--to", sites.NewFolder("_package")]));
    }

    // ---- What is refused: a message, exit code 1, and every file as it was ----

    /// <summary>Runs the command on <paramref name="site"/> into <paramref name="to"/>; asserts it refused with <paramref name="expected"/> and changed nothing around either.</summary>
    private static string AssertRefused(string site, string to, string expected, string? version = null, string? epoch = PackagedSites.Epoch, string? githubSha = PackagedSites.Commit)
    {
        var around = Path.GetDirectoryName(Path.GetFullPath(to).TrimEnd(Path.DirectorySeparatorChar))!;
        Directory.CreateDirectory(around);
        var aroundBefore = FolderSnapshot.Of(around);
        var siteBefore = Directory.Exists(site) ? FolderSnapshot.Of(site) : null;

        var (code, output, errors) = PackagedSites.Package(site, to, version, epoch, githubSha);

        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Contains(expected, errors);
        Assert.Contains(": erreur : ", errors);
        Assert.Contains("\n    → ", errors);
        Assert.Contains("Échec : aucun paquet n’a été écrit", errors);
        Assert.Equal(aroundBefore, FolderSnapshot.Of(around));
        Assert.Equal(siteBefore, Directory.Exists(site) ? FolderSnapshot.Of(site) : null);
        return errors;
    }

    [Fact]
    public void Refuses_a_folder_that_is_not_a_built_site()
    {
        var documents = sites.NewFolder("docs");
        Directory.CreateDirectory(documents);
        File.WriteAllText(Path.Combine(documents, "index.html"), "<p>pas un site construit</p>");
        File.WriteAllText(Path.Combine(documents, "build.json"), "{\"generator\": \"fiches-site\", \"target\": \"public\", \"base_url\": null, \"pages\": 1}\n");

        var errors = AssertRefused(documents, sites.NewFolder("_package"), "n’est pas un site construit par ce générateur (il n’a pas de fichier .fiches-site)");

        Assert.StartsWith("--output: erreur : ", errors);
        AssertRefused(Path.Combine(documents, "absent"), sites.NewFolder("_package"), "est introuvable");
        AssertRefused(Path.Combine(documents, "index.html"), sites.NewFolder("_package"), "est un fichier, pas le dossier d’un site construit");
        AssertRefused(" ", sites.NewFolder("_package"), "l’option --output est vide");
    }

    [Fact]
    public void Refuses_a_site_holding_a_symbolic_link_and_names_it()
    {
        var site = sites.CopyOf(sites.Public);
        var secret = Path.Combine(Path.GetDirectoryName(site)!, "secret.txt");
        File.WriteAllText(secret, "hors du site");
        File.CreateSymbolicLink(Path.Combine(site, "fiches", "secret.txt"), secret);
        Directory.CreateSymbolicLink(Path.Combine(site, "ailleurs"), Path.GetDirectoryName(site)!);

        var errors = AssertRefused(site, sites.NewFolder("_package"), "lien symbolique dans le site construit");

        Assert.Contains(Path.Combine(site, "fiches", "secret.txt") + ": erreur : ", errors);
        Assert.Contains(Path.Combine(site, "ailleurs") + ": erreur : ", errors);
        Assert.DoesNotContain("hors du site", errors);
    }

    [Fact]
    public void Refuses_a_site_folder_that_is_a_link()
    {
        var link = sites.NewFolder("_site");
        Directory.CreateDirectory(Path.GetDirectoryName(link)!);
        Directory.CreateSymbolicLink(link, sites.Public);

        AssertRefused(link, sites.NewFolder("_package"), "est un lien symbolique (vers");
    }

    [Fact]
    public void Refuses_a_site_without_build_json()
    {
        var site = sites.CopyOf(sites.Public);
        File.Delete(Path.Combine(site, "build.json"));

        AssertRefused(site, sites.NewFolder("_package"), "n’a pas de fichier build.json lisible");

        File.WriteAllText(Path.Combine(site, "build.json"), "{\"generator\": \"autre\", \"target\": \"public\", \"base_url\": null, \"pages\": 1}\n");
        AssertRefused(site, sites.NewFolder("_package"), "n’a pas de fichier build.json lisible");
    }

    [Fact]
    public void Refuses_a_package_folder_holding_a_strangers_file_which_stays_untouched()
    {
        var to = sites.NewFolder("_package");
        Directory.CreateDirectory(to);
        File.WriteAllText(Path.Combine(to, "notes.txt"), "les notes de l’équipe");

        var errors = AssertRefused(sites.Public, to, "existe et n’est pas un paquet écrit par ce générateur");

        Assert.StartsWith("--to: erreur : ", errors);
        Assert.Contains(to, errors);
        Assert.Contains("videz vous-même celui-ci", errors);
        Assert.Equal("les notes de l’équipe", File.ReadAllText(Path.Combine(to, "notes.txt")));
    }

    [Fact]
    public void Refuses_an_earlier_package_with_a_strangers_file_beside_it()
    {
        var to = sites.NewFolder("_package");
        Assert.Equal(0, PackagedSites.Package(sites.Public, to).ExitCode);
        File.WriteAllText(Path.Combine(to, "LISEZMOI.txt"), "à garder");

        AssertRefused(sites.Public, to, "contient « LISEZMOI.txt », qui n’appartient pas au paquet écrit par ce générateur");

        Directory.CreateDirectory(Path.Combine(to, "archives"));
        File.Delete(Path.Combine(to, "LISEZMOI.txt"));
        AssertRefused(sites.Public, to, "contient « archives »");
    }

    [Fact]
    public void Refuses_a_manifest_that_is_not_this_generators()
    {
        var to = sites.NewFolder("_package");
        Directory.CreateDirectory(to);
        File.WriteAllText(Path.Combine(to, "manifest.json"), "{\"generator\": \"autre\", \"archive\": \"fiches-public-1.zip\"}\n");
        File.WriteAllText(Path.Combine(to, "fiches-public-1.zip"), "autre");
        AssertRefused(sites.Public, to, "n’est pas un paquet écrit par ce générateur");

        // One of ours in every way but the archive it names, which is not a name this command gives.
        File.WriteAllText(Path.Combine(to, "manifest.json"), "{\"generator\": \"fiches-site\", \"archive\": \"../docs.zip\"}\n");
        AssertRefused(sites.Public, to, "n’est pas un paquet écrit par ce générateur");
    }

    [Fact]
    public void Refuses_a_package_folder_inside_the_site_or_holding_it_or_the_working_folder()
    {
        var site = sites.CopyOf(sites.Public);

        AssertRefused(site, Path.Combine(site, "paquet"), "se confond avec le site");
        AssertRefused(site, Path.GetDirectoryName(site)!, "se confond avec le site");
        // The working folder is renamed by no swap; refused before anything around it is looked at.
        var (code, _, errors) = PackagedSites.Package(site, Environment.CurrentDirectory);
        Assert.Equal(1, code);
        Assert.Contains("est le dossier de travail courant", errors);
    }

    [Fact]
    public void The_root_of_the_disk_is_neither_a_site_nor_a_package_folder()
    {
        var root = Path.GetPathRoot(Path.GetTempPath())!;

        var (code, _, errors) = PackagedSites.Package(root, sites.NewFolder("_package"));
        Assert.Equal(1, code);
        Assert.Contains("n’est pas un site construit par ce générateur", errors);

        (code, _, errors) = PackagedSites.Package(sites.Public, root);
        Assert.Equal(1, code);
        Assert.Contains("--to: erreur : le dossier du paquet", errors);
        Assert.DoesNotContain("erreur interne", errors);
    }

    [Fact]
    public void Refuses_a_package_folder_that_is_a_link_or_a_file()
    {
        var elsewhere = sites.NewFolder("ailleurs");
        Directory.CreateDirectory(elsewhere);
        var link = Path.Combine(Path.GetDirectoryName(elsewhere)!, "_package");
        Directory.CreateSymbolicLink(link, elsewhere);
        AssertRefused(sites.Public, link, "est un lien symbolique (vers");

        var file = sites.NewFolder("_package");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, "un fichier");
        AssertRefused(sites.Public, file, "est un fichier, pas un dossier");
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("a/b")]
    [InlineData("")]
    [InlineData(".cache")]
    [InlineData("-rf")]
    [InlineData("version-é")]
    [InlineData("a b")]
    [InlineData("a\nb")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void Refuses_a_version_that_is_not_a_plain_name(string version)
    {
        var errors = AssertRefused(sites.Public, sites.NewFolder("_package"), "--package-version « ", version: version);

        Assert.StartsWith("--package-version: erreur : ", errors);
    }

    [Theory]
    [InlineData("demain")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("99999999999999999999")]
    public void Refuses_a_source_date_epoch_that_is_no_date(string epoch)
    {
        var errors = AssertRefused(sites.Public, sites.NewFolder("_package"), $"la variable SOURCE_DATE_EPOCH vaut « {epoch} »", epoch: epoch);

        Assert.StartsWith("SOURCE_DATE_EPOCH: erreur : ", errors);
    }

    [Theory]
    [InlineData("main")]
    [InlineData("abcdef0")]
    [InlineData("ABCDEF0123456789ABCDEF0123456789ABCDEF01")]
    public void Refuses_a_github_sha_that_is_no_commit(string sha)
    {
        AssertRefused(sites.Public, sites.NewFolder("_package"), $"la variable GITHUB_SHA vaut « {sha} »", githubSha: sha);
    }

    [Fact]
    public void The_package_names_hold_only_plain_versions()
    {
        Assert.True(PackageNames.IsVersion("2026-06-01-abcdef0"));
        Assert.True(PackageNames.IsVersion("3.1+intranet_b"));
        Assert.True(PackageNames.IsArchiveName("fiches-public-2026-06-01.zip"));
        Assert.False(PackageNames.IsArchiveName("fiches-.zip"));
        Assert.False(PackageNames.IsArchiveName("fiches-../../x.zip"));
        Assert.False(PackageNames.IsArchiveName("docs.zip"));
        Assert.Equal("fiches-intranet-v1.zip", PackageNames.Archive("intranet", "v1"));
        Assert.Equal(Encoding.UTF8.GetBytes("bb  b\naa  z\n"), Checksums.SumsFile([("z", "aa"), ("b", "bb")]));
    }
}
