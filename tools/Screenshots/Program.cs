using FichesSite.Build;
using FichesSite.Tests.Browser;
using Microsoft.Playwright;

// The screenshots of docs/design.md: the repository's content built with the components' test page
// (tests/Site.Tests/Fixtures/composants.md), served on loopback, photographed by Debian's Chromium.
// Usage, from the repository's root: dotnet run --project tools/Screenshots [-- <folder>] (default docs/images).
var root = Directory.GetCurrentDirectory();
var target = Path.GetFullPath(args.Length > 0 ? args[0] : Path.Combine("docs", "images"));
var work = Directory.CreateTempSubdirectory("fiches-screenshots-");
try
{
    var input = Path.Combine(work.FullName, "input");
    CopyDirectory(Path.Combine(root, "input"), input);
    File.Copy(Path.Combine(root, "tests", "Site.Tests", "Fixtures", "composants.md"), Path.Combine(input, "pages", "composants.md"));
    var output = Path.Combine(work.FullName, "site");
    var result = SiteBuilder.Build(new BuildOptions(input, Path.Combine(root, "theme"), output, Today: new DateOnly(2026, 6, 1)));
    if (!result.Succeeded)
    {
        Console.Error.WriteLine(string.Join('\n', result.Diagnostics));
        return 1;
    }
    using var server = new LoopbackServer(output);
    using var playwright = await Playwright.CreateAsync();
    var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";
    await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = chromium,
        Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    Directory.CreateDirectory(target);

    // Whole pages, as a phone and a desktop show them.
    (string Name, string Path)[] pages =
    [
        ("accueil", ""), ("fiche", "fiches/cimentoplastie-metastases-osseuses/"), ("service", "services/radiologie-interventionnelle/"), ("recherche", "recherche/"),
    ];
    foreach (var (width, height, label) in new[] { (390, 844, "telephone"), (1280, 900, "bureau") })
    {
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            var page = await NewPage(browser, scheme, width, height);
            foreach (var (name, address) in pages)
            {
                await page.GotoAsync(server.BaseUrl + address);
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(target, $"{name}-{label}-{Scheme(scheme)}.png") });
            }
            await page.Context.CloseAsync();
        }
    }

    // Each component of the components' page, as a phone shows it, in both schemes and in forced colours.
    (string Name, string Selector)[] components =
    [
        ("essentiel", ".callout-essentiel"), ("conseil", ".callout-conseil"), ("urgent", ".callout-urgent"), ("urgence", ".callout-urgence"),
        ("faire", ".callout-faire"), ("eviter", ".callout-eviter"), ("important", ".markdown-alert-important"),
    ];
    foreach (var (scheme, forced, label) in new[] { (ColorScheme.Light, false, "clair"), (ColorScheme.Dark, false, "sombre"), (ColorScheme.Light, true, "contraste") })
    {
        var page = await NewPage(browser, scheme, 390, 844, forced);
        await page.GotoAsync(server.BaseUrl + "composants/");
        foreach (var (name, selector) in components)
        {
            await page.Locator(selector).First.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(target, $"composant-{name}-{label}.png") });
        }
        await page.Context.CloseAsync();
    }
    Console.WriteLine($"Captures écrites dans {Path.GetRelativePath(root, target)}/.");
    return 0;
}
finally
{
    work.Delete(recursive: true);
}

static string Scheme(ColorScheme scheme) => scheme == ColorScheme.Dark ? "sombre" : "clair";

static async Task<IPage> NewPage(IBrowser browser, ColorScheme scheme, int width, int height, bool forced = false)
{
    var context = await browser.NewContextAsync(new BrowserNewContextOptions
    {
        ColorScheme = scheme,
        ForcedColors = forced ? ForcedColors.Active : ForcedColors.None,
        ViewportSize = new ViewportSize { Width = width, Height = height },
        Locale = "fr-FR",
    });
    return await context.NewPageAsync();
}

static void CopyDirectory(string from, string to)
{
    Directory.CreateDirectory(to);
    foreach (var file in Directory.GetFiles(from))
    {
        File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }
    foreach (var folder in Directory.GetDirectories(from))
    {
        CopyDirectory(folder, Path.Combine(to, Path.GetFileName(folder)));
    }
}
