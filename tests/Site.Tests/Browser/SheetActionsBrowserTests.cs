using Microsoft.Playwright;

namespace FichesSite.Tests.Browser;

/// <summary>
/// A sheet's actions bar in Chromium: with JavaScript, « Imprimer » shows and calls the browser's print (stubbed in
/// the page before its scripts run, so no dialog opens), from a click and from the keyboard; without JavaScript it
/// stays hidden and the PDF's link alone remains. The bar and the feedback block at the end of the page pass axe in
/// both schemes; on paper both are gone.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Accessibility")]
[Trait("Category", "Browser")]
public sealed class SheetActionsBrowserTests(BrowserSite site)
{
    private const string Sheet = "fiches/cimentoplastie-metastases-osseuses/index.html";
    private const string PrintButton = ".actions button.imprimer";
    private const string PdfLink = ".actions .handout a";

    // Counts the calls instead of opening the print dialog, which would block a headless page.
    private const string PrintStub = "window.__prints = 0; window.print = function () { window.__prints++; };";

    [SkippableTheory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task With_javascript_imprimer_shows_calls_print_and_the_bar_and_feedback_pass_axe(string scheme)
    {
        var page = await site.NewPageAsync(AccessibilityTests.Scheme(scheme));
        await page.AddInitScriptAsync(PrintStub);
        await page.GotoAsync(site.SiteUrl(Sheet));

        Assert.True(await page.IsVisibleAsync(PrintButton), "the script did not show « Imprimer »");
        Assert.True(await page.IsVisibleAsync(PdfLink), "the PDF's link is missing from the bar");
        Assert.Equal("Imprimer", await page.InnerTextAsync(PrintButton));
        await page.ClickAsync(PrintButton);
        Assert.Equal(1, await page.EvaluateAsync<int>("() => window.__prints"));
        await page.FocusAsync(PrintButton);
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal(2, await page.EvaluateAsync<int>("() => window.__prints"));
        Assert.True(await page.IsVisibleAsync(".feedback a[href^='mailto:']"), "the feedback block is missing");

        var result = await AxeCheck.RunAsync(page);
        Assert.True(result.Violations.Length == 0, string.Join("\n", AxeCheck.Describe(result.Violations)));
        await page.CloseAsync();
    }

    [SkippableFact]
    public async Task Without_javascript_imprimer_stays_hidden_and_the_pdf_link_remains()
    {
        var page = await site.NewPageAsync(ColorScheme.Light, javaScript: false);
        await page.GotoAsync(site.SiteUrl(Sheet));

        Assert.Equal(1, await page.Locator(PrintButton).CountAsync());
        Assert.False(await page.IsVisibleAsync(PrintButton), "« Imprimer » shows without the script that makes it work");
        Assert.True(await page.IsVisibleAsync(PdfLink));
        // Nor does the glossary's « touchez-les » line: without the script the words are links, which need no help.
        Assert.False(await page.IsVisibleAsync("p.terme-aide"));
        Assert.True(await page.IsVisibleAsync("a.terme"));
        await page.CloseAsync();
    }

    [SkippableFact]
    public async Task On_paper_the_actions_bar_and_the_feedback_block_are_gone()
    {
        var page = await site.NewPageAsync(ColorScheme.Light);
        await page.AddInitScriptAsync(PrintStub);
        await page.GotoAsync(site.SiteUrl(Sheet));
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        Assert.False(await page.IsVisibleAsync(".actions"));
        Assert.False(await page.IsVisibleAsync(".feedback"));
        await page.CloseAsync();
    }
}
