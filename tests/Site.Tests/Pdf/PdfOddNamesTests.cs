using FichesSite.Content;
using FichesSite.Pdf;
using FichesSite.Pipeline;
using FichesSite.Tests.Browser;

namespace FichesSite.Tests.Pdf;

/// <summary>
/// The pdf command with real Chromium on sheets whose names broke it: a page written at fiches/index.html, a nested
/// sheet beside its dashed twin, a name as long as a file name may be, the « ~ » mark (a Windows device name is refused by the build). Each
/// page gets its own PDF, and its link shows.
/// </summary>
[Trait("Category", "Pdf")]
[Trait("Category", "Browser")]
public sealed class PdfOddNamesTests
{
    [SkippableFact]
    public async Task Every_page_under_fiches_is_printed_to_its_own_pdf()
    {
        BrowserEnvironment.Require(File.Exists(BrowserEnvironment.ChromiumPath) ? null : $"Chromium is missing: no {BrowserEnvironment.ChromiumPath}.");
        using var site = new TestSite();
        var sheet = File.ReadAllText(Path.Combine(site.Input, "fiches", "cimentoplastie-metastases-osseuses.md"));
        foreach (var source in new[] { "pages/fiches.md", "fiches/a/b.md", "fiches/a-b.md", $"fiches/{new string('é', 126)}.md", "fiches/x~y.md" })
        {
            var path = Path.Combine(site.Input, source);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, sheet);
        }
        var built = site.Build(baseUrl: PrintedSite.BaseUrl);
        Assert.True(built.Succeeded, string.Join("\n", built.Diagnostics));
        var output = new StringWriter();

        var exitCode = await PdfCommand.RunAsync(site.Output, BrowserEnvironment.ChromiumPath, output, output);

        Assert.True(exitCode == 0, output.ToString());
        var pages = site.HtmlPages().Where(p => p.StartsWith(PageAddresses.FichesFolder, StringComparison.Ordinal) && p.EndsWith("/index.html", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, pages.Count);
        var pdfs = pages.Select(HandoutPath.For).ToList();
        Assert.Equal(pages.Count, pdfs.Distinct().Count());
        Assert.All(pdfs, pdf => Assert.True(new FileInfo(Path.Combine(site.Output, pdf)).Length > 1000, pdf));
        Assert.All(pages, page => Assert.DoesNotContain(HandoutLinks.Marker, File.ReadAllText(Path.Combine(site.Output, page))));
    }
}
