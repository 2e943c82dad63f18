using FichesSite.Pipeline;
using FichesSite.Rendering;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace FichesSite.Tests.Browser;

/// <summary>
/// Every page of the built site in a real browser (Debian's Chromium): axe-core in light and dark
/// schemes and in forced colours (Windows' high-contrast mode), reflow at 320 px, text spacing, the skip link from the keyboard, the Nu Html Checker, and no
/// request leaving the site. Each test walks all pages and reports every failure at once.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Accessibility")]
[Trait("Category", "Browser")]
public sealed class AccessibilityTests(BrowserSite site, ITestOutputHelper output)
{
    internal static ColorScheme Scheme(string name) => name == "dark" ? ColorScheme.Dark : ColorScheme.Light;

    internal static string SkipLinkText { get; } =
        (string)ThemeStrings.Load(Path.Combine(TestSite.RepositoryTheme, "i18n", "fr.yml"), "fr.yml", new DiagnosticBag(warningsAreErrors: false))!.Values["skip_link"];

    private static void AssertNone(IReadOnlyCollection<string> failures, string what) =>
        Assert.True(failures.Count == 0, $"{failures.Count} {what}:\n" + string.Join("\n", failures));

    [Fact]
    public void Every_page_of_the_site_is_checked()
    {
        Assert.Contains("index.html", site.Pages);
        Assert.Contains("404.html", site.Pages);
        Assert.Contains("fiches/cimentoplastie-metastases-osseuses/index.html", site.Pages);
        Assert.Contains("composants/index.html", site.Pages);
    }

    [SkippableTheory]
    [InlineData("light", false)]
    [InlineData("dark", false)]
    [InlineData("light", true)] // forced colours (Windows high contrast): the theme's components keep borders and icons
    [InlineData("dark", true)]
    public async Task Axe_finds_no_violation_on_any_page(string scheme, bool forcedColors)
    {
        var page = await site.NewPageAsync(Scheme(scheme), forcedColors: forcedColors);
        var failures = new List<string>();
        if (forcedColors)
        {
            scheme += " forced";
        }
        foreach (var path in site.Pages)
        {
            await page.GotoAsync(site.SiteUrl(path));
            Assert.True(await page.EvaluateAsync<bool>($"() => matchMedia('(prefers-color-scheme: {scheme.Split(' ')[0]})').matches"), $"the page is not in the {scheme} scheme");
            Assert.Equal(forcedColors, await page.EvaluateAsync<bool>("() => matchMedia('(forced-colors: active)').matches"));
            var result = await AxeCheck.RunAsync(page);
            output.WriteLine($"{path} [{scheme}]: axe {result.TestEngine?.Version}, {result.Passes.Length} rule(s) passed, {result.Violations.Length} violated, {result.Incomplete.Length} incomplete");
            failures.AddRange(AxeCheck.Describe(result.Violations).Select(v => $"{path} [{scheme}] {v}"));
            // Incomplete: what axe could not decide alone. Shown here for a person to review, never hidden.
            foreach (var line in AxeCheck.Describe(result.Incomplete))
            {
                output.WriteLine($"{path} [{scheme}] to review by hand: {line}");
            }
        }
        await page.CloseAsync();
        AssertNone(failures, "axe violation(s)");
    }

    [SkippableTheory]
    [InlineData("light", LayoutCheck.ReflowWidth)]
    [InlineData("dark", LayoutCheck.ReflowWidth)]
    [InlineData("light", 640)] // a 1280 px screen zoomed to 200 %
    public async Task Every_page_reflows_without_horizontal_scrolling(string scheme, int width)
    {
        var page = await site.NewPageAsync(Scheme(scheme), width: width, height: 640);
        var failures = new List<string>();
        foreach (var path in site.Pages)
        {
            await page.GotoAsync(site.SiteUrl(path));
            var scrollWidth = await LayoutCheck.ScrollWidthAsync(page);
            if (scrollWidth > width)
            {
                failures.Add($"{path} [{scheme}]: {scrollWidth} px wide at a {width} px viewport");
            }
        }
        await page.CloseAsync();
        AssertNone(failures, "page(s) scroll sideways");
    }

    [SkippableTheory]
    [InlineData(LayoutCheck.ReflowWidth)]
    [InlineData(1280)]
    public async Task Text_spacing_overrides_clip_nothing(int width)
    {
        var page = await site.NewPageAsync(ColorScheme.Light, width: width);
        var failures = new List<string>();
        foreach (var path in site.Pages)
        {
            await page.GotoAsync(site.SiteUrl(path));
            failures.AddRange((await LayoutCheck.TextSpacingProblemsAsync(page)).Select(p => $"{path} [{width} px]: {p}"));
        }
        await page.CloseAsync();
        AssertNone(failures, "text spacing problem(s)");
    }

    [SkippableTheory]
    [InlineData(1280)]
    [InlineData(1920)]
    public async Task Lines_of_text_are_at_most_75_characters_long(int width)
    {
        var page = await site.NewPageAsync(ColorScheme.Light, width: width);
        var failures = new List<string>();
        foreach (var path in site.Pages)
        {
            await page.GotoAsync(site.SiteUrl(path));
            var (length, text) = await LayoutCheck.LongestLineAsync(page);
            output.WriteLine($"{path} [{width} px]: longest line {length} characters");
            if (length > 75)
            {
                failures.Add($"{path} [{width} px]: a line of {length} characters: « {text} »");
            }
        }
        await page.CloseAsync();
        AssertNone(failures, "line(s) too long");
    }

    [SkippableFact]
    public async Task Running_text_is_16_px_or_more_spaced_1_5_and_left_aligned()
    {
        var page = await site.NewPageAsync(ColorScheme.Light);
        var failures = new List<string>();
        foreach (var path in site.Pages)
        {
            await page.GotoAsync(site.SiteUrl(path));
            failures.AddRange((await LayoutCheck.TypographyProblemsAsync(page)).Select(p => $"{path}: {p}"));
        }
        await page.CloseAsync();
        AssertNone(failures, "typography problem(s)");
    }

    [SkippableFact]
    public async Task First_tab_shows_the_skip_link_and_enter_moves_focus_into_main()
    {
        var page = await site.NewPageAsync(ColorScheme.Light);
        var failures = new List<string>();
        foreach (var path in site.Pages)
        {
            await page.GotoAsync(site.SiteUrl(path));
            failures.AddRange((await KeyboardCheck.ProblemsAsync(page, SkipLinkText)).Select(p => $"{path}: {p}"));
        }
        await page.CloseAsync();
        AssertNone(failures, "keyboard problem(s)");
    }

    [SkippableTheory]
    [InlineData("light")]
    [InlineData("dark")]
    [InlineData("light", true)] // forced colours: the ring is an outline, which the system keeps and colours
    public async Task Every_focusable_element_shows_a_focus_ring_of_3_to_1(string scheme, bool forcedColors = false)
    {
        var page = await site.NewPageAsync(Scheme(scheme), forcedColors: forcedColors);
        var failures = new List<string>();
        foreach (var path in site.Pages)
        {
            await page.GotoAsync(site.SiteUrl(path));
            var (count, problems) = await FocusCheck.ProblemsAsync(page);
            output.WriteLine($"{path} [{scheme}]: {count} focusable element(s) checked");
            Assert.True(count >= 5, $"{path}: only {count} element(s) took focus");
            failures.AddRange(problems.Select(p => $"{path} [{scheme}]: {p}"));
        }
        await page.CloseAsync();
        AssertNone(failures, "focus problem(s)");
    }

    [SkippableFact]
    public async Task No_page_sends_a_request_outside_the_site()
    {
        var page = await site.NewPageAsync(ColorScheme.Light);
        var failed = new List<string>();
        page.RequestFailed += (_, request) => failed.Add($"{page.Url}: {request.Url}");
        site.OutsideRequests.Clear();
        foreach (var path in site.Pages)
        {
            await page.GotoAsync(site.SiteUrl(path), new() { WaitUntil = WaitUntilState.NetworkIdle });
        }
        await page.CloseAsync();
        AssertNone(site.OutsideRequests.ToList(), "request(s) to outside the site");
        AssertNone(failed, "failed request(s)");
    }

    [SkippableFact]
    public void Nu_Html_Checker_finds_no_error_on_any_page()
    {
        // The public site's pages and the intranet's (the control page's errors are ControlPageTests' part).
        var errors = site.NuHtmlErrors.Where(e => e.File.StartsWith("_site/", StringComparison.Ordinal) || e.File.StartsWith("_intranet/", StringComparison.Ordinal));
        AssertNone(errors.Select(e => e.ToString()).ToList(), "Nu Html Checker error(s)");
    }
}
