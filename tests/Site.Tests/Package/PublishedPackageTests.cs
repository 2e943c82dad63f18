using FichesSite.Tests.Published;

namespace FichesSite.Tests.Package;

/// <summary>
/// The package command of the published generator (native code: the manifest's JSON by source generation, the zip by
/// ZipArchive, the commit by a process): the same three files, byte for byte, as the generator on the JIT.
/// </summary>
[Trait("Category", "Published")]
public sealed class PublishedPackageTests
{
    [SkippableFact]
    public void Packages_the_site_as_the_generator_on_the_jit_does()
    {
        PublishedGenerator.Require();
        using var site = new TestSite();
        Assert.True(site.Build().Succeeded);
        var jit = Path.Combine(site.Root, "jit");
        var published = Path.Combine(site.Root, "published");
        Assert.Equal(0, PackagedSites.Package(site.Output, jit).ExitCode);

        // PublishedGenerator sets SOURCE_DATE_EPOCH to the tests' day, as PackagedSites does.
        var (exitCode, output) = PublishedGenerator.RunWith(new Dictionary<string, string> { ["GITHUB_SHA"] = PackagedSites.Commit },
            "package", "--output", site.Output, "--to", published);

        Assert.True(exitCode == 0, output);
        Assert.Contains("Paquet du site public écrit dans", output);
        Assert.Equal(PackagedSites.Files(jit), PackagedSites.Files(published));
    }

    [SkippableFact]
    public void Refuses_a_folder_holding_a_strangers_file_in_french()
    {
        PublishedGenerator.Require();
        using var site = new TestSite();
        Assert.True(site.Build().Succeeded);
        var to = Directory.CreateDirectory(Path.Combine(site.Root, "paquet")).FullName;
        File.WriteAllText(Path.Combine(to, "notes.txt"), "à garder");

        var (exitCode, output) = PublishedGenerator.Run("package", "--output", site.Output, "--to", to);

        Assert.Equal(1, exitCode);
        Assert.Contains("--to: erreur : le dossier du paquet", output);
        Assert.Equal(["notes.txt"], Directory.EnumerateFileSystemEntries(to).Select(Path.GetFileName));
    }
}
