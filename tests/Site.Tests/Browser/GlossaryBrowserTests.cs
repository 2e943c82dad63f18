using Microsoft.Playwright;

namespace FichesSite.Tests.Browser;

/// <summary>
/// A glossary term in Chromium, as a keyboard user and a mouse or touch user meet it: the script shows the
/// disclosure button, which Tab reaches right after the term's link; Enter (or a click, as a tap) opens the
/// definition in the sentence and says so (aria-expanded), again closes it. Open, the definitions still pass axe.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Accessibility")]
[Trait("Category", "Browser")]
public sealed class GlossaryBrowserTests(BrowserSite site)
{
    private const string Sheet = "fiches/cimentoplastie-metastases-osseuses/index.html";

    private static Task<bool> VisibleAsync(IPage page, string selector) =>
        page.EvaluateAsync<bool>("s => { const r = document.querySelector(s).getBoundingClientRect(); return r.width > 0 && r.height > 0; }", selector);

    [SkippableTheory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task The_keyboard_opens_and_closes_a_definition_and_open_definitions_pass_axe(string scheme)
    {
        var page = await site.NewPageAsync(AccessibilityTests.Scheme(scheme));
        await page.GotoAsync(site.SiteUrl(Sheet));
        const string button = "button.terme-bouton[aria-controls='terme-metastase']";
        const string definition = "#terme-metastase";
        Assert.True(await VisibleAsync(page, button), "the script did not show the disclosure button");
        Assert.False(await VisibleAsync(page, definition), "the definition shows before it is asked for");

        await page.FocusAsync("a.terme[href$='#metastase']");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("terme-metastase", await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('aria-controls')"));
        await page.Keyboard.PressAsync("Enter");
        Assert.True(await VisibleAsync(page, definition), "Enter did not open the definition");
        Assert.Equal("true", await page.GetAttributeAsync(button, "aria-expanded"));
        Assert.Contains("définition en attente de relecture", await page.InnerTextAsync(definition));
        await page.Keyboard.PressAsync("Enter");
        Assert.False(await VisibleAsync(page, definition), "a second Enter did not close the definition");
        Assert.Equal("false", await page.GetAttributeAsync(button, "aria-expanded"));

        foreach (var each in await page.QuerySelectorAllAsync("button.terme-bouton"))
        {
            await each.ClickAsync();
        }
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.querySelectorAll('.terme-definition[hidden]').length"));
        var result = await AxeCheck.RunAsync(page);
        Assert.True(result.Violations.Length == 0, string.Join("\n", AxeCheck.Describe(result.Violations)));
        Assert.True(await LayoutCheck.ScrollWidthAsync(page) <= 1280);
        await page.CloseAsync();
    }

    [SkippableFact]
    public async Task Open_definitions_reflow_at_320_px()
    {
        var page = await site.NewPageAsync(ColorScheme.Light, width: LayoutCheck.ReflowWidth, height: 640);
        await page.GotoAsync(site.SiteUrl(Sheet));
        foreach (var each in await page.QuerySelectorAllAsync("button.terme-bouton"))
        {
            await each.ClickAsync();
        }
        Assert.True(await LayoutCheck.ScrollWidthAsync(page) <= LayoutCheck.ReflowWidth);
        await page.CloseAsync();
    }
}
