namespace FichesSite.Tests;

/// <summary>The commands as authors and CI run them: exit codes and what gets written.</summary>
public sealed class CommandLineTests
{
    [Fact]
    public void Check_validates_everything_and_writes_nothing()
    {
        using var site = new TestSite();
        Assert.Equal(0, Program.Main(["check", "--input", site.Input, "--theme", site.Theme]));
        Assert.Equal(["input"], Directory.EnumerateFileSystemEntries(site.Root).Select(Path.GetFileName));

        site.AddFiche("lien-casse.md");
        Assert.Equal(1, Program.Main(["check", "--input", site.Input, "--theme", site.Theme]));
        Assert.Equal(["input"], Directory.EnumerateFileSystemEntries(site.Root).Select(Path.GetFileName));
    }

    [Fact]
    public void Build_is_the_default_command_and_exits_zero()
    {
        using var site = new TestSite();
        Assert.Equal(0, site.Run());
        Assert.True(File.Exists(Path.Combine(site.Output, "fiches", "cimentoplastie-metastases-osseuses", "index.html")));
        Assert.Equal(0, Program.Main(["build", "--input", site.Input, "--theme", site.Theme, "--output", Path.Combine(site.Root, "b")]));
    }

    [Fact]
    public void Base_url_changes_only_what_must_be_absolute()
    {
        using var site = new TestSite();
        var other = Path.Combine(site.Root, "other");
        Assert.Equal(0, site.Run());
        Assert.Equal(0, Program.Main(["--input", site.Input, "--theme", site.Theme, "--output", other, "--base-url", "https://intranet.exemple.invalid/sante/fiches"]));

        const string fiche = "fiches/cimentoplastie-metastases-osseuses/index.html";
        var before = File.ReadAllText(Path.Combine(site.Output, fiche));
        var after = File.ReadAllText(Path.Combine(other, fiche));
        Assert.Contains("href=\"https://intranet.exemple.invalid/sante/fiches/fiches/cimentoplastie-metastases-osseuses/\"", after);
        // The QR code draws the absolute address, so it differs too; everything else is the same.
        Assert.Equal(
            WithoutQrCode(before).Replace("https://fiches.hopital-exemple.invalid/", "BASE/"),
            WithoutQrCode(after).Replace("https://intranet.exemple.invalid/sante/fiches/", "BASE/"));
        // The 404 page's links start with the base URL's path, never its origin.
        var notFound = File.ReadAllText(Path.Combine(other, "404.html"));
        Assert.Contains("href=\"/sante/fiches/plan-du-site/index.html\"", notFound);
        Assert.DoesNotContain("intranet.exemple.invalid", notFound);
    }

    [Fact]
    public void Target_chooses_the_site_and_refuses_any_other_name()
    {
        using var site = new TestSite();
        Assert.NotEqual(0, site.Run("--target", "interne"));
        Assert.False(Directory.Exists(site.Output));
        Assert.Equal(0, site.Run("--target", "intranet"));
        Assert.Equal("intranet", FichesSite.Build.BuildInfoFile.Read(site.Output)?.Target);
        Assert.Equal(0, Program.Main(["check", "--input", site.Input, "--theme", site.Theme, "--target", "intranet"]));
    }

    private static string WithoutQrCode(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html, "<svg xmlns=[^>]*role=\"img\".*?</svg>", "QR", System.Text.RegularExpressions.RegexOptions.Singleline);
}
