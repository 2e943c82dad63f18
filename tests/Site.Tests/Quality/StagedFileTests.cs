using System.Text.Json;
using FichesSite.Build;
using FichesSite.Quality;
using FichesSite.Tests.Build;

namespace FichesSite.Tests.Quality;

/// <summary>
/// The reports replace only a report of this generator: a JSON object whose first member is
/// <c>"generator": "fiches-site"</c>. Any other file at that path, whatever its name, is refused and left as it was.
/// </summary>
public sealed class StagedFileTests
{
    [Theory]
    [InlineData("README.md", "# Le projet\n")]
    [InlineData("revue.json", "{\"date\": \"2026-01-01\"}")]
    [InlineData("revue.json", "{\"x\": 1, \"generator\": \"fiches-site\"}")]
    [InlineData("revue.json", "")]
    public void A_report_onto_a_file_the_generator_did_not_write_is_refused_and_the_file_untouched(string name, string content)
    {
        using var site = new TestSite();
        var file = Path.Combine(site.Root, name);
        File.WriteAllText(file, content);
        var before = FolderSnapshot.Of(site.Root);

        var result = site.Build(report: file);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal("--report", error.File);
        Assert.Contains("n’est pas un rapport écrit par ce générateur", error.Message);
        Assert.Equal(1, site.Run("--report", file));
        Assert.Equal(before, FolderSnapshot.Of(site.Root));
    }

    [Fact]
    public void A_report_onto_a_folder_or_a_link_is_refused()
    {
        using var site = new TestSite();
        var folder = Directory.CreateDirectory(Path.Combine(site.Root, "rapport.json")).FullName;
        var target = Path.Combine(site.Root, "cible.txt");
        File.WriteAllText(target, "à garder");
        var link = Path.Combine(site.Root, "lien.json");
        File.CreateSymbolicLink(link, target);

        Assert.Contains(site.Build(report: folder).Errors, e => e.Message.Contains("est un dossier", StringComparison.Ordinal));
        Assert.Contains(site.Build(report: link).Errors, e => e.Message.Contains("est un lien symbolique", StringComparison.Ordinal));
        Assert.Equal("à garder", File.ReadAllText(target));
    }

    [Fact]
    public void A_report_the_generator_wrote_is_replaced_and_starts_with_its_mark()
    {
        using var site = new TestSite();
        var report = Path.Combine(site.Root, "reports", "revue.json");
        Assert.True(site.Build(report: report).Succeeded);
        Assert.True(site.Build(report: report).Succeeded);

        Assert.True(ReportsFolder.IsReport(report));
        Assert.True(ReportsFolder.IsReport(Path.Combine(site.Root, "reports", "lisibilite.json")));
        using var json = JsonDocument.Parse(File.ReadAllBytes(report));
        Assert.Equal("generator", json.RootElement.EnumerateObject().First().Name);
        Assert.Equal(["lisibilite.json", "revue.json"], Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(report)!).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_foreign_file_where_the_readability_report_goes_is_kept_and_the_site_still_built()
    {
        using var site = new TestSite();
        var reports = Directory.CreateDirectory(Path.Combine(site.Root, "reports")).FullName;
        File.WriteAllText(Path.Combine(reports, "lisibilite.json"), "mes notes");

        var result = site.Build();

        Assert.True(result.Succeeded);
        Assert.Null(result.ReadabilityReportPath);
        Assert.Contains(result.Notices, n => n.Message.Contains("n’est pas un rapport écrit par ce générateur", StringComparison.Ordinal));
        Assert.Equal(["lisibilite.json"], Directory.EnumerateFileSystemEntries(reports).Select(Path.GetFileName));
        Assert.Equal("mes notes", File.ReadAllText(Path.Combine(reports, "lisibilite.json")));
    }

    [Fact]
    public void Staged_reports_left_by_killed_builds_are_removed_and_others_kept()
    {
        using var site = new TestSite();
        var reports = Directory.CreateDirectory(Path.Combine(site.Root, "reports")).FullName;
        var ours = Path.Combine(reports, "revue.json.tmp-0123abcd");
        File.WriteAllText(ours, "{\n  \"generator\": \"fiches-site\",\n  \"date\": \"2026-01-01\"");
        var foreign = Path.Combine(reports, "revue.json.tmp-89abcdef");
        File.WriteAllText(foreign, "un fichier à moi");
        var otherName = Path.Combine(reports, "revue.json.tmp-sauvegarde");
        File.WriteAllText(otherName, "{\"generator\": \"fiches-site\"}");

        Assert.True(site.Build(report: Path.Combine(reports, "revue.json")).Succeeded);

        Assert.False(File.Exists(ours));
        Assert.Equal("un fichier à moi", File.ReadAllText(foreign));
        Assert.True(File.Exists(otherName));
    }
}
