using Microsoft.Playwright;

namespace FichesSite.Tests.Browser;

/// <summary>
/// The components an author writes (Fixtures/composants.md) as a browser draws them where colour is gone or changed:
/// in forced colours (Windows high contrast) and on paper, every component keeps a visible border and every do or
/// don't icon is drawn in the text's colour; on paper, no component has a coloured background. axe checks the same
/// page in light, dark and forced colours (AccessibilityTests).
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Accessibility")]
[Trait("Category", "Browser")]
public sealed class ComponentsBrowserTests(BrowserSite site)
{
    private const string Page = "composants/index.html";

    // For each component: its border widths and colours and its background.
    private const string Borders = """
        () => [...document.querySelectorAll('.callout')].map(c => {
          const s = getComputedStyle(c);
          return [c.className, s.borderTopWidth, s.borderLeftWidth, s.borderTopColor, s.backgroundColor];
        })
        """;

    // For each icon: its stroke, the colour it inherits, whether it shows and its width.
    private const string Icons = """
        () => [...document.querySelectorAll('.callout-icon path')].map(p => {
          const svg = p.closest('svg');
          return [getComputedStyle(p).stroke, getComputedStyle(svg).color, getComputedStyle(svg).display, String(svg.getBoundingClientRect().width)];
        })
        """;

    [SkippableTheory]
    [InlineData("forced")]
    [InlineData("print")]
    public async Task Components_keep_their_borders_and_icons_without_colour(string where)
    {
        var page = await site.NewPageAsync(ColorScheme.Dark, forcedColors: where == "forced");
        await page.GotoAsync(site.SiteUrl(Page));
        if (where == "print")
        {
            await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        }
        var borders = await page.EvaluateAsync<string[][]>(Borders);
        var icons = await page.EvaluateAsync<string[][]>(Icons);
        await page.CloseAsync();

        Assert.Equal(6, borders.Length);
        foreach (var (name, top, left, colour, background) in borders.Select(b => (b[0], b[1], b[2], b[3], b[4])))
        {
            Assert.True(top != "0px" || left != "0px", $"{name} [{where}]: no border");
            Assert.DoesNotContain("rgba(0, 0, 0, 0)", colour);
            if (where == "print")
            {
                Assert.True(background is "rgb(255, 255, 255)" or "rgba(0, 0, 0, 0)", $"{name} [print]: background {background}");
                Assert.Equal("rgb(0, 0, 0)", colour);
            }
        }
        Assert.Equal(6, icons.Length); // one per heading and per item of the two lists
        foreach (var icon in icons)
        {
            Assert.Equal(icon[1], icon[0]); // drawn in currentColor, which forced colours and print set
            Assert.NotEqual("none", icon[2]);
            Assert.True(double.Parse(icon[3], System.Globalization.CultureInfo.InvariantCulture) >= 16, $"icon {icon[3]} px wide");
        }
    }
}
