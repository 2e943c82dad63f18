using PuppeteerSharp;
using PuppeteerSharp.Media;

namespace FichesSite.Pdf;

/// <summary>
/// One headless Chromium, driven by PuppeteerSharp, that prints pages of the built site to PDF one
/// after the other in the same tab: starting the browser costs far more than a page. Never downloads
/// a browser: it runs the one it is given (Debian's /usr/bin/chromium by default).
/// </summary>
public sealed class HandoutPrinter : IAsyncDisposable
{
    public const string DefaultChromium = "/usr/bin/chromium";

    /// <summary>A headless run with no profile noise and no background traffic (the same switches as the browser tests).</summary>
    public static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    // The page's own @page rules give size (A4) and margins; Chromium tags the PDF and outlines it from the headings.
    private static readonly PdfOptions Options = new()
    {
        Format = PaperFormat.A4,
        PreferCSSPageSize = true,
        PrintBackground = true,
        Tagged = true,
        Outline = true,
    };

    private readonly IBrowser _browser;
    private readonly IPage _page;

    private HandoutPrinter(IBrowser browser, IPage page)
    {
        _browser = browser;
        _page = page;
    }

    /// <summary>The Chromium to run: the option, else CHROMIUM_PATH, else /usr/bin/chromium.</summary>
    public static string ChromiumPath(string? option) =>
        option is { Length: > 0 } ? option
        : Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path
        : DefaultChromium;

    public static async Task<HandoutPrinter> LaunchAsync(string chromiumPath)
    {
        var browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = chromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
        try
        {
            var page = await browser.NewPageAsync();
            return new HandoutPrinter(browser, page);
        }
        catch
        {
            await browser.CloseAsync();
            throw;
        }
    }

    /// <summary>Prints the HTML file at <paramref name="pageFile"/> (opened as file://) and returns the PDF.</summary>
    public async Task<byte[]> PrintAsync(string pageFile)
    {
        await _page.GoToAsync(new Uri(Path.GetFullPath(pageFile)).AbsoluteUri, WaitUntilNavigation.Load);
        // The PDF's title is the page's <title>, which also names the site: a handout is titled by its sheet.
        await _page.EvaluateExpressionAsync("document.title = document.querySelector('h1')?.textContent?.trim() ?? document.title");
        return await _page.PdfDataAsync(Options);
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        _browser.Dispose();
    }
}
