using CsCheck;

namespace FichesSite.Tests.Build;

/// <summary>
/// The review report never lands among the sources nor in the site, however its path is written: through a
/// symbolic link to one of those folders, a chain of links, « .. » after a link, or « . » segments. The folders are
/// compared as the system resolves them, not as the path reads.
/// </summary>
public sealed class ReportPlacementTests
{
    private static readonly string[] Folders = ["input", "theme", "_site"];

    [Fact]
    public void A_report_through_a_link_to_the_content_or_the_site_is_refused_and_nothing_is_written_there()
    {
        using var site = new TestSite(ownTheme: true);
        Assert.True(site.Build().Succeeded);
        Directory.CreateSymbolicLink(Path.Combine(site.Root, "vers-contenu"), site.Input);
        Directory.CreateSymbolicLink(Path.Combine(site.Root, "vers-site"), site.Output);
        var before = FolderSnapshot.Of(site.Root);

        var inContent = site.Build(report: Path.Combine(site.Root, "vers-contenu", "revue.json"));
        var inSite = site.Build(report: Path.Combine(site.Root, "vers-site", "revue.json"));

        Assert.Contains(inContent.Errors, e => e.File == "--report" && e.Message.Contains("dans le dossier de contenu", StringComparison.Ordinal));
        Assert.Contains(inSite.Errors, e => e.File == "--report" && e.Message.Contains("dans le dossier de sortie", StringComparison.Ordinal));
        Assert.Equal(before, FolderSnapshot.Of(site.Root));
    }

    [Fact]
    public void A_report_path_written_any_way_into_a_source_or_the_site_is_refused()
    {
        // A chain of 0 to 2 links to one of the folders, then « . », « x/.. » or subfolders, then the file.
        var gen = Gen.Select(Gen.Int[0, Folders.Length - 1], Gen.Int[0, 2],
            Gen.OneOf(Gen.Const("."), Gen.Const("x/.."), Gen.Const("fiches"), Gen.Const("a/b"), Gen.Const("")).Array[0, 3]);
        using var site = new TestSite(ownTheme: true);
        Assert.True(site.Build().Succeeded);
        var serial = 0;
        gen.Sample((folder, links, segments) =>
        {
            var target = Path.Combine(site.Root, Folders[folder]);
            for (var i = 0; i < links; i++)
            {
                var link = Path.Combine(site.Root, $"lien-{serial++}");
                Directory.CreateSymbolicLink(link, target);
                target = link;
            }
            var report = Path.Combine([target, .. segments.Where(s => s.Length > 0), "revue.json"]);
            var before = FolderSnapshot.Of(Path.Combine(site.Root, Folders[folder]));

            var result = site.Build(report: report);

            Assert.Contains(result.Errors, e => e.File == "--report");
            Assert.Equal(before, FolderSnapshot.Of(Path.Combine(site.Root, Folders[folder])));
        }, iter: 40);
    }

    [Theory]
    [InlineData("reports/lisibilite.json")]
    [InlineData("reports/./lisibilite.json")]
    [InlineData("lien-vers-reports/lisibilite.json")]
    public void A_review_report_where_the_readability_report_goes_is_refused(string report)
    {
        using var site = new TestSite();
        Directory.CreateDirectory(Path.Combine(site.Root, "reports"));
        Directory.CreateSymbolicLink(Path.Combine(site.Root, "lien-vers-reports"), Path.Combine(site.Root, "reports"));

        var result = site.Build(report: Path.Combine(site.Root, report));

        var error = Assert.Single(result.Errors);
        Assert.Equal("--report", error.File);
        Assert.Contains("rapport de lisibilité", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(site.Output));
    }
}
