using Microsoft.Playwright;

namespace FichesSite.Tests.Browser;

/// <summary>
/// The same checks on a control page with known faults (Fixtures/controle.html): each fault must be
/// caught, which shows that a green run of <see cref="AccessibilityTests"/> means something.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Accessibility")]
[Trait("Category", "Browser")]
public sealed class ControlPageTests(BrowserSite site)
{
    private async Task<IPage> ControlPageAsync(int width = 1280)
    {
        var page = await site.NewPageAsync(ColorScheme.Light, width: width);
        await page.GotoAsync(site.ControlPageUrl);
        return page;
    }

    [SkippableTheory]
    [InlineData("html-has-lang")]   // no lang
    [InlineData("image-alt")]       // an image without alt
    [InlineData("color-contrast")]  // low contrast
    [InlineData("heading-order")]   // h1 then h3
    [InlineData("target-size")]     // 10 × 10 px links side by side (to different places: axe groups links to one place)
    public async Task Axe_catches_the_known_fault(string rule)
    {
        var result = await site.ControlPageAxeAsync();
        Assert.True(result.Violations.Any(v => v.Id == rule),
            $"axe did not report « {rule} ». Violations: {string.Join(", ", result.Violations.Select(v => v.Id))}; incomplete: {string.Join(", ", result.Incomplete.Select(v => v.Id))}");
    }

    [SkippableFact]
    public async Task Reflow_check_catches_a_block_wider_than_320_px()
    {
        var page = await ControlPageAsync(LayoutCheck.ReflowWidth);
        var width = await LayoutCheck.ScrollWidthAsync(page);
        await page.CloseAsync();
        Assert.True(width > LayoutCheck.ReflowWidth, $"scrollWidth {width}");
    }

    [SkippableFact]
    public async Task Text_spacing_check_catches_a_box_that_clips()
    {
        var page = await ControlPageAsync();
        var problems = await LayoutCheck.TextSpacingProblemsAsync(page);
        await page.CloseAsync();
        Assert.Contains(problems, p => p.Contains("class=\"boxed\"", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Line_length_check_catches_lines_as_wide_as_the_window()
    {
        var page = await ControlPageAsync();
        var (length, _) = await LayoutCheck.LongestLineAsync(page);
        await page.CloseAsync();
        Assert.True(length > 75, $"longest line {length} characters");
    }

    [SkippableFact]
    public async Task Typography_check_catches_the_default_line_height()
    {
        var page = await ControlPageAsync();
        var problems = await LayoutCheck.TypographyProblemsAsync(page);
        await page.CloseAsync();
        Assert.Contains(problems, p => p.StartsWith("line height normal", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Focus_check_catches_a_removed_focus_ring()
    {
        var page = await ControlPageAsync();
        var (_, problems) = await FocusCheck.ProblemsAsync(page);
        await page.CloseAsync();
        Assert.Contains(problems, p => p.Contains("Premier lien", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Keyboard_check_catches_a_missing_skip_link()
    {
        var page = await ControlPageAsync();
        var problems = await KeyboardCheck.ProblemsAsync(page, AccessibilityTests.SkipLinkText);
        await page.CloseAsync();
        Assert.Contains(problems, p => p.Contains("Premier lien", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void Nu_Html_Checker_catches_the_image_without_alt()
    {
        Assert.Contains(site.NuHtmlErrors, e => e.File == "controle/index.html" && e.Text.Contains("alt", StringComparison.Ordinal));
    }
}
