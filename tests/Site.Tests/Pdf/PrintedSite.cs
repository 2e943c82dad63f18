using FichesSite.Pdf;
using FichesSite.Tests.Browser;

namespace FichesSite.Tests.Pdf;

/// <summary>
/// The repository's content, built with its base URL, then printed by the pdf command as an author
/// would run it: once for all the PDF tests. Without Chromium the tests skip locally and fail in CI.
/// </summary>
public sealed class PrintedSite : IAsyncLifetime
{
    public const string BaseUrl = "https://fiches.hopital-exemple.invalid/";

    public TestSite Site { get; } = new();

    /// <summary>Why the PDFs could not be printed here, or null.</summary>
    public string? MissingBrowser { get; private set; }

    public int ExitCode { get; private set; }

    public string CommandOutput { get; private set; } = "";

    public string Pdf(string slug) => Path.Combine(Site.Output, "pdf", slug + ".pdf");

    public async Task InitializeAsync()
    {
        var result = Site.Build(baseUrl: BaseUrl);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        if (!File.Exists(BrowserEnvironment.ChromiumPath))
        {
            MissingBrowser = $"Chromium is missing: no {BrowserEnvironment.ChromiumPath} (Debian package « chromium »).";
            return;
        }
        var output = new StringWriter();
        ExitCode = await PdfCommand.RunAsync(Site.Output, BrowserEnvironment.ChromiumPath, output, output);
        CommandOutput = output.ToString();
    }

    public void RequirePdfs()
    {
        BrowserEnvironment.Require(MissingBrowser);
        Assert.True(ExitCode == 0, CommandOutput);
    }

    public Task DisposeAsync()
    {
        Site.Dispose();
        return Task.CompletedTask;
    }
}
