using Microsoft.Playwright;
using Xunit.Abstractions;

namespace FichesSite.Tests.Browser;

/// <summary>
/// The intranet's own marks in a browser: its band, internal blocks and a service's internal fields pass axe in both
/// schemes and in forced colours, reflow at 320 px, and stay off paper (a printed sheet is a patient's handout).
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class IntranetBrowserTests(BrowserSite site, ITestOutputHelper output)
{
    [SkippableTheory]
    [InlineData("light", false)]
    [InlineData("dark", false)]
    [InlineData("light", true)]
    [InlineData("dark", true)]
    public async Task Axe_finds_no_violation_on_the_intranet_s_pages(string scheme, bool forcedColors)
    {
        var page = await site.NewPageAsync(AccessibilityTests.Scheme(scheme), forcedColors: forcedColors);
        var failures = new List<string>();
        foreach (var path in BrowserSite.IntranetPages)
        {
            await page.GotoAsync(site.IntranetUrl(path));
            Assert.True(await page.Locator(".intranet-band").IsVisibleAsync(), $"{path}: the « Version interne » band is not shown");
            var result = await AxeCheck.RunAsync(page);
            output.WriteLine($"{path} [{scheme}{(forcedColors ? " forced" : "")}]: {result.Passes.Length} rule(s) passed, {result.Violations.Length} violated");
            failures.AddRange(AxeCheck.Describe(result.Violations).Select(v => $"{path} [{scheme}] {v}"));
        }
        await page.CloseAsync();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [SkippableFact]
    public async Task The_intranet_s_pages_reflow_at_320_px_and_print_without_their_internal_parts()
    {
        var page = await site.NewPageAsync(ColorScheme.Light, width: LayoutCheck.ReflowWidth);
        foreach (var path in BrowserSite.IntranetPages)
        {
            await page.GotoAsync(site.IntranetUrl(path));
            Assert.True(await LayoutCheck.ScrollWidthAsync(page) <= LayoutCheck.ReflowWidth, $"{path}: scrolls sideways at {LayoutCheck.ReflowWidth} px");
        }
        await page.GotoAsync(site.IntranetUrl("fiches/interne/index.html"));
        Assert.True(await page.Locator("main .interne").CountAsync() >= 5, "the sheet's internal blocks are not on the intranet's page");
        Assert.True(await page.Locator("main .interne").First.IsVisibleAsync());
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        var printed = await page.EvaluateAsync<int>("() => [...document.querySelectorAll('.interne, .intranet-band')].filter(e => e.getClientRects().length > 0).length");
        Assert.Equal(0, printed);
        await page.CloseAsync();
    }
}
