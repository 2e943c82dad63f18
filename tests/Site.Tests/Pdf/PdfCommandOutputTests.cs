using FichesSite.Build;
using FichesSite.Pdf;
using FichesSite.Tests.Build;

namespace FichesSite.Tests.Pdf;

/// <summary>The pdf command writes only into a site this generator built, and never through a link.</summary>
public sealed class PdfCommandOutputTests
{
    [Fact]
    public async Task A_folder_that_is_not_a_built_site_is_refused_and_untouched()
    {
        var folder = Directory.CreateTempSubdirectory("fiches-pdf-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "fiches", "x"));
            File.WriteAllText(Path.Combine(folder, "fiches", "x", "index.html"), "<p>une page qui n’est pas de nous</p>");
            var before = FolderSnapshot.Of(folder);
            var errors = new StringWriter();

            var exit = await PdfCommand.RunAsync(folder, "/chemin/absent/chromium", TextWriter.Null, errors);

            Assert.Equal(1, exit);
            Assert.Contains("n’est pas un site construit par ce générateur", errors.ToString());
            Assert.Equal(before, FolderSnapshot.Of(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_built_site_whose_pdf_folder_is_a_link_is_refused()
    {
        using var site = new TestSite();
        Assert.True(site.Build().Succeeded);
        var elsewhere = Directory.CreateDirectory(Path.Combine(site.Root, "ailleurs")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(site.Output, "pdf"), elsewhere);
        var errors = new StringWriter();

        var exit = await PdfCommand.RunAsync(site.Output, "/chemin/absent/chromium", TextWriter.Null, errors);

        Assert.Equal(1, exit);
        Assert.Contains("est un lien symbolique", errors.ToString());
        Assert.Empty(Directory.EnumerateFileSystemEntries(elsewhere));
    }

    [Fact]
    public async Task A_built_site_whose_fiches_folder_is_a_link_is_refused_and_what_it_leads_to_untouched()
    {
        using var site = new TestSite();
        Assert.True(site.Build().Succeeded);
        // The pages the command would mark with their handout's link, moved out and linked back in.
        var elsewhere = Path.Combine(site.Root, "ailleurs");
        Directory.Move(Path.Combine(site.Output, "fiches"), elsewhere);
        Directory.CreateSymbolicLink(Path.Combine(site.Output, "fiches"), elsewhere);
        var before = FolderSnapshot.Of(elsewhere);
        var errors = new StringWriter();

        var exit = await PdfCommand.RunAsync(site.Output, "/chemin/absent/chromium", TextWriter.Null, errors);

        Assert.Equal(1, exit);
        Assert.Contains("le dossier fiches/ du site", errors.ToString());
        Assert.Equal(before, FolderSnapshot.Of(elsewhere));
    }

    [Fact]
    public async Task An_empty_site_path_is_an_error_not_a_crash()
    {
        var errors = new StringWriter();
        Assert.Equal(1, await PdfCommand.RunAsync("", "/chemin/absent/chromium", TextWriter.Null, errors));
        Assert.Contains("l’option --output est vide", errors.ToString());
    }

    [Fact]
    public async Task A_link_to_a_built_site_is_refused()
    {
        using var site = new TestSite();
        Assert.True(site.Build().Succeeded);
        var link = Path.Combine(site.Root, "lien");
        Directory.CreateSymbolicLink(link, site.Output);
        var errors = new StringWriter();

        Assert.Equal(1, await PdfCommand.RunAsync(link, "/chemin/absent/chromium", TextWriter.Null, errors));
        Assert.Contains("est un lien symbolique", errors.ToString());
        Assert.True(SiteMark.IsOn(site.Output));
    }
}
