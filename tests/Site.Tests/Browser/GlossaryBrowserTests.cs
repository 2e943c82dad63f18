using Microsoft.Playwright;

namespace FichesSite.Tests.Browser;

/// <summary>
/// A glossary term in Chromium, as a keyboard user and a mouse or touch user meet it: the script turns each term's link
/// into a disclosure button with the same words, the term's one tab stop (no second control after it); Enter (or a
/// click, as a tap) opens the definition right after the word and says so (aria-expanded), Space closes it. Open, the
/// definitions still pass axe and reflow.
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
        const string term = "button.terme[aria-controls='terme-metastase']";
        const string definition = "#terme-metastase";
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.querySelectorAll('a.terme').length"));
        Assert.Equal("métastases", await page.InnerTextAsync(term));
        Assert.Equal("terme-metastase", await page.GetAttributeAsync(term, "aria-describedby"));
        Assert.False(await VisibleAsync(page, definition), "the definition shows before it is asked for");
        Assert.True(await VisibleAsync(page, "p.terme-aide"), "the line saying how to open the words is hidden");

        // One tab stop per term: the terms are as many focusable elements as there are definitions.
        Assert.Equal(
            await page.EvaluateAsync<int>("() => document.querySelectorAll('.terme-definition').length"),
            await page.EvaluateAsync<int>("() => document.querySelectorAll('button.terme').length"));
        await page.FocusAsync(term);
        await page.Keyboard.PressAsync("Enter");
        Assert.True(await VisibleAsync(page, definition), "Enter did not open the definition");
        Assert.Equal("true", await page.GetAttributeAsync(term, "aria-expanded"));
        Assert.Null(await page.GetAttributeAsync(term, "aria-describedby")); // read where it stands, not twice
        Assert.Contains("définition en attente de relecture", await page.InnerTextAsync(definition));
        Assert.Equal("terme-metastase", await page.EvaluateAsync<string>("() => document.activeElement.nextElementSibling.id"));
        await page.Keyboard.PressAsync(" ");
        Assert.False(await VisibleAsync(page, definition), "Space did not close the definition");
        Assert.Equal("false", await page.GetAttributeAsync(term, "aria-expanded"));
        await page.Keyboard.PressAsync("Tab");
        Assert.NotEqual("terme-metastase", await page.EvaluateAsync<string?>("() => document.activeElement.getAttribute('aria-controls')"));

        foreach (var each in await page.QuerySelectorAllAsync("button.terme"))
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
        foreach (var each in await page.QuerySelectorAllAsync("button.terme"))
        {
            await each.ClickAsync();
        }
        Assert.True(await LayoutCheck.ScrollWidthAsync(page) <= LayoutCheck.ReflowWidth);
        await page.CloseAsync();
    }
}
