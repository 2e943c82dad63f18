using FichesSite.Pdf;

namespace FichesSite.Tests.Pdf;

/// <summary>
/// The pdf command on sites it cannot print as they are: it ends with a French message naming the path and exit
/// code 1, never with an exception. Planning needs no Chromium, so these run everywhere.
/// </summary>
public sealed class PdfPlanTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("fiches-pdf-").FullName;
    private readonly StringWriter _output = new();
    private readonly StringWriter _errors = new();

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Site => Path.Combine(_root, "_site");

    // A page of a site this generator built: the pdf command writes only into a marked site.
    private void AddPage(string sitePath)
    {
        if (!Directory.Exists(Site))
        {
            Directory.CreateDirectory(Site);
            FichesSite.Build.SiteMark.WriteInto(Site);
        }
        var path = Path.Combine(Site, sitePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "<!doctype html><title>x</title><h1>x</h1>");
    }

    private Task<int> Run(string? chromium = "/usr/bin/chromium") => PdfCommand.RunAsync(Site, chromium, _output, _errors);

    [Fact]
    public async Task A_missing_site_folder_is_a_message()
    {
        Assert.Equal(1, await Run());
        Assert.Contains("erreur : aucune fiche dans", _errors.ToString());
        Assert.Contains(Site, _errors.ToString());
    }

    [Fact]
    public async Task A_missing_chromium_is_a_message()
    {
        AddPage("fiches/x/index.html");
        Assert.Equal(1, await Run(Path.Combine(_root, "pas-de-chromium")));
        Assert.Contains("erreur : Chromium est introuvable", _errors.ToString());
    }

    [Fact]
    public async Task A_chromium_that_does_not_start_is_a_message()
    {
        AddPage("fiches/x/index.html");
        var notABrowser = Path.Combine(_root, "faux-chromium");
        File.WriteAllText(notABrowser, "#!/bin/sh\nexit 3\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(notABrowser, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }
        Assert.Equal(1, await Run(notABrowser));
        Assert.Contains("n’a pas pu démarrer", _errors.ToString());
    }

    [Fact]
    public void Pages_named_oddly_are_all_planned_each_with_its_own_pdf()
    {
        string[] pages =
        [
            "fiches/index.html", "fiches/a/b/index.html", "fiches/a-b/index.html", "fiches/" + new string('é', 126) + "/index.html",
            "fiches/con/index.html", "fiches/x~y/index.html", "fiches/a b#c?d%e/index.html",
        ];
        foreach (var page in pages)
        {
            AddPage(page);
        }
        var plan = PdfCommand.Plan(Site, _errors);

        Assert.NotNull(plan);
        Assert.Equal(pages.Order(StringComparer.Ordinal), plan.Select(h => h.Page));
        Assert.Equal(pages.Length, plan.Select(h => h.Pdf).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(plan, h => Assert.StartsWith("pdf/", h.Pdf));
    }

    [Fact]
    public void A_page_that_is_a_symbolic_link_is_refused_by_name()
    {
        AddPage("fiches/x/index.html");
        Directory.CreateDirectory(Path.Combine(Site, "fiches", "y"));
        File.CreateSymbolicLink(Path.Combine(Site, "fiches", "y", "index.html"), "/etc/passwd");
        Directory.CreateSymbolicLink(Path.Combine(Site, "fiches", "z"), "/etc");

        Assert.Null(PdfCommand.Plan(Site, _errors));
        Assert.Contains("fiches/y/index.html : erreur : lien symbolique", _errors.ToString());
        Assert.Contains("fiches/z : erreur : lien symbolique", _errors.ToString());
    }
}
