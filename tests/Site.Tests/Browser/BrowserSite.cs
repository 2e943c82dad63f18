using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace FichesSite.Tests.Browser;

/// <summary>
/// One build and one Chromium for every browser test (an xunit collection fixture): the repository's
/// content plus a components page (Fixtures/composants.md, every kind of callout), with a feedback address set and
/// each sheet's PDF link shown, served on a loopback
/// server under a sub-path (/_site/), beside a control page with known faults (/controle/). The same content is built
/// for the intranet too (--target intranet, /_intranet/), with a sheet of internal blocks (Fixtures/interne.md).
/// </summary>
public sealed class BrowserSite : IAsyncLifetime
{
    /// <summary>The launch switches for a headless run with no profile noise and no background traffic.</summary>
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private Lazy<IReadOnlyList<NuHtmlChecker.Message>>? _nuErrors;
    private Task<Deque.AxeCore.Commons.AxeResult>? _controlPageAxe;

    public TestSite Site { get; } = new();

    public LoopbackServer Server { get; private set; } = null!;

    /// <summary>Site paths of every built page ("fiches/x/index.html"), in ordinal order.</summary>
    public IReadOnlyList<string> Pages { get; private set; } = [];

    /// <summary>Why the browser tests cannot run here, or null when Chromium is ready.</summary>
    public string? MissingBrowser { get; private set; }

    /// <summary>Every request the pages tried to send to anything but the loopback server; the browser aborted them.</summary>
    public ConcurrentQueue<string> OutsideRequests { get; } = new();

    public string SiteDirectory => Site.Output;

    public string ControlPageFile => Path.Combine(Site.Root, "controle", "index.html");

    /// <summary>The intranet's build of the same content.</summary>
    public string IntranetDirectory => Path.Combine(Site.Root, "_intranet");

    /// <summary>The intranet's pages that differ from the public ones: the band on each, internal blocks and fields.</summary>
    public static readonly IReadOnlyList<string> IntranetPages = ["index.html", "fiches/interne/index.html", "services/radiologie-interventionnelle/index.html"];

    public string IntranetUrl(string sitePath) => Server.BaseUrl + "_intranet/" + sitePath;

    public string SiteUrl(string sitePath) => Server.BaseUrl + "_site/" + sitePath;

    public string ControlPageUrl => Server.BaseUrl + "controle/index.html";

    /// <summary>
    /// The Nu Html Checker's errors on every page and on the control page, from one run: the JVM takes
    /// seconds to start. Files are named from the test site's root: "_site/index.html", "controle/index.html".
    /// </summary>
    public IReadOnlyList<NuHtmlChecker.Message> NuHtmlErrors
    {
        get
        {
            BrowserEnvironment.Require(NuHtmlChecker.Missing());
            return _nuErrors!.Value;
        }
    }

    public async Task InitializeAsync()
    {
        File.Copy(Fixture("composants.md"), Path.Combine(Site.Input, "pages", "composants.md"));
        File.Copy(Fixture("interne.md"), Path.Combine(Site.Input, "fiches", "interne.md"));
        Directory.CreateDirectory(Path.Combine(Site.Input, "fiches", "images"));
        File.Copy(Fixture("images/schema.png"), Path.Combine(Site.Input, "fiches", "images", "schema-interne.png"));
        Directory.CreateDirectory(Path.GetDirectoryName(ControlPageFile)!);
        File.Copy(Fixture("controle.html"), ControlPageFile);
        // With « feedback: » set, so that every check sees « Cette page vous a-t-elle été utile ? » where it shows.
        File.AppendAllText(Path.Combine(Site.Input, "site.yml"), "\nfeedback: \"avis@hopital-exemple.invalid\"\n");
        Server = new LoopbackServer(Site.Root);
        var result = Site.Build(baseUrl: Server.BaseUrl + "_site/");
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Pages = Site.HtmlPages().ToList();
        ShowHandoutLinks();
        var intranet = Site.Build(IntranetDirectory, baseUrl: Server.BaseUrl + "_intranet/", target: FichesSite.Pipeline.BuildTarget.Intranet);
        Assert.True(intranet.Succeeded, string.Join("\n", intranet.Diagnostics));
        _nuErrors = new(() => NuHtmlChecker.Errors(Site.Root, Pages.Select(p => Path.Combine(SiteDirectory, p))
            .Concat(IntranetPages.Select(p => Path.Combine(IntranetDirectory, p))).Append(ControlPageFile)));

        if (!File.Exists(BrowserEnvironment.ChromiumPath))
        {
            MissingBrowser = $"Chromium is missing: no {BrowserEnvironment.ChromiumPath} (Debian package « chromium »).";
            return;
        }
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserEnvironment.ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>
    /// Each sheet as the Pages workflow publishes it, with its PDF's link in the actions bar (what the pdf command does
    /// once the file is printed) and a stand-in file behind it, so that every check sees the bar whole; printing real
    /// PDFs is PdfHandoutTests' part.
    /// </summary>
    private void ShowHandoutLinks()
    {
        foreach (var sheet in Pages.Where(p => p.StartsWith("fiches/", StringComparison.Ordinal)))
        {
            var pdf = Path.Combine(SiteDirectory, FichesSite.Content.HandoutPath.For(sheet));
            Directory.CreateDirectory(Path.GetDirectoryName(pdf)!);
            File.WriteAllText(pdf, "%PDF-1.4\n%%EOF\n");
            FichesSite.Pdf.HandoutLinks.ShowInFile(Path.Combine(SiteDirectory, sheet), new FileInfo(pdf).Length);
        }
    }

    /// <summary>axe's results on the control page, run once for all the faults it must catch.</summary>
    public Task<Deque.AxeCore.Commons.AxeResult> ControlPageAxeAsync() => _controlPageAxe ??= RunAxeOnControlPageAsync();

    private async Task<Deque.AxeCore.Commons.AxeResult> RunAxeOnControlPageAsync()
    {
        var page = await NewPageAsync(ColorScheme.Light);
        await page.GotoAsync(ControlPageUrl);
        var result = await AxeCheck.RunAsync(page);
        await page.CloseAsync();
        return result;
    }

    /// <summary>
    /// A fresh page in its own context, in the given colour scheme and viewport, and in forced colours (Windows high
    /// contrast, emulated) when asked. Requests to anything but the loopback server are aborted and recorded: no
    /// request may leave the site.
    /// </summary>
    /// <param name="forcedColors">Windows' high-contrast mode, as Chromium emulates it: the system chooses every colour.</param>
    /// <param name="javaScript">False to see the page as a reader without JavaScript does.</param>
    public async Task<IPage> NewPageAsync(ColorScheme scheme, int width = 1280, int height = 800, bool forcedColors = false, bool javaScript = true)
    {
        BrowserEnvironment.Require(MissingBrowser);
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            JavaScriptEnabled = javaScript,
            ColorScheme = scheme,
            ForcedColors = forcedColors ? ForcedColors.Active : ForcedColors.None,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "fr-FR",
        });
        await context.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url.StartsWith(Server.BaseUrl, StringComparison.Ordinal))
            {
                await route.ContinueAsync();
            }
            else
            {
                OutsideRequests.Enqueue(route.Request.Url);
                await route.AbortAsync();
            }
        });
        var page = await context.NewPageAsync();
        page.Close += (_, _) => CloseQuietly(context);
        return page;
    }

    /// <summary>
    /// A fresh page that lets every request through, for tests that watch the requests themselves
    /// (file:// pages, which a route to the loopback server would not cover, or pages of other servers).
    /// </summary>
    /// <param name="javaScript">False to see the page as a reader without JavaScript does.</param>
    public async Task<IPage> NewUnroutedPageAsync(bool javaScript = true)
    {
        BrowserEnvironment.Require(MissingBrowser);
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { Locale = "fr-FR", JavaScriptEnabled = javaScript });
        var page = await context.NewPageAsync();
        page.Close += (_, _) => CloseQuietly(context);
        return page;
    }

    // Run from the page's Close event, where an exception would end the whole test process: a context whose browser
    // has already gone (the fixture disposed, Chromium exited) has nothing left to close.
    private static async void CloseQuietly(IBrowserContext context)
    {
        try
        {
            await context.CloseAsync();
        }
        catch (PlaywrightException)
        {
        }
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
        _playwright?.Dispose();
        Server?.Dispose();
        Site.Dispose();
    }

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserSite>
{
    public const string Name = "Browser";
}
