using FichesSite.Quality;

namespace FichesSite.Tests.Build;

/// <summary>
/// The reports folder (reports/ beside the content) is the build's other output: the site may lie inside it, but may
/// not be it nor hold it, or the readability report staged there would make the output « not empty » mid-build and
/// the build would say that a folder it had just made « exists and is not a site ». Refused before anything is
/// written, whether reports/ exists yet or not, and through links too.
/// </summary>
public sealed class OutputAndReportsTests
{
    [Theory]
    [InlineData("reports", false)]
    [InlineData("reports", true)]
    [InlineData("lien-vers-reports", true)]
    [InlineData("reports/.", false)]
    public void An_output_that_is_the_reports_folder_is_refused_before_anything_is_written(string output, bool reportsExists)
    {
        using var site = new TestSite();
        var reports = ReportsFolder.For(site.Input);
        if (reportsExists)
        {
            Directory.CreateDirectory(reports);
        }
        Directory.CreateSymbolicLink(Path.Combine(site.Root, "lien-vers-reports"), reports);
        var before = FolderSnapshot.Of(site.Root);

        var result = site.Build(output: Path.Combine(site.Root, output));

        var error = Assert.Single(result.Errors);
        Assert.Equal("--output", error.File);
        Assert.Contains("se confond avec le dossier des rapports", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, FolderSnapshot.Of(site.Root));
    }

    [Fact]
    public void An_output_inside_the_reports_folder_is_built()
    {
        using var site = new TestSite();
        var output = Path.Combine(ReportsFolder.For(site.Input), "site");

        Assert.True(site.Build(output: output).Succeeded);
        Assert.True(File.Exists(Path.Combine(output, "index.html")));
    }
}
