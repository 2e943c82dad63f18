using System.Text.Json;
using Microsoft.Playwright;

namespace FichesSite.Tests.Browser;

/// <summary>
/// The skip link as a keyboard user meets it: hidden until focused, the first Tab lands on it and
/// shows it (non-zero size, inside the viewport, not covered), and Enter moves focus into <c>main</c>.
/// </summary>
public static class KeyboardCheck
{
    // Where the element is and whether it is what a sighted user sees at its centre.
    private const string Describe = """
        element => {
          if (!element) return null;
          const r = element.getBoundingClientRect();
          const x = r.left + r.width / 2, y = r.top + r.height / 2;
          const top = document.elementFromPoint(x, y);
          return {
            tag: element.tagName.toLowerCase(),
            text: element.textContent.trim(),
            href: element.getAttribute('href') ?? '',
            width: r.width, height: r.height,
            inViewport: r.width > 0 && r.height > 0 && r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight,
            onTop: top !== null && (top === element || element.contains(top)),
          };
        }
        """;

    /// <summary>What goes wrong with the skip link on the page already loaded; empty when it works.</summary>
    public static async Task<IReadOnlyList<string>> ProblemsAsync(IPage page, string skipLinkText)
    {
        var problems = new List<string>();
        var skipLink = await page.EvaluateAsync<JsonElement?>($"({Describe})(document.querySelector('a[href=\"#contenu\"]'))");
        if (skipLink is { ValueKind: JsonValueKind.Object } before && before.GetProperty("inViewport").GetBoolean() && before.GetProperty("onTop").GetBoolean())
        {
            problems.Add("the skip link is visible before it has focus");
        }

        await page.Keyboard.PressAsync("Tab");
        var focused = (await page.EvaluateAsync<JsonElement?>($"({Describe})(document.activeElement)"))!.Value;
        var text = focused.GetProperty("text").GetString();
        if (focused.GetProperty("tag").GetString() != "a" || focused.GetProperty("href").GetString() != "#contenu" || text != skipLinkText)
        {
            problems.Add($"the first Tab lands on <{focused.GetProperty("tag").GetString()}> « {text} », not on the skip link « {skipLinkText} » to #contenu");
            return problems;
        }
        if (!focused.GetProperty("inViewport").GetBoolean() || !focused.GetProperty("onTop").GetBoolean())
        {
            problems.Add($"the focused skip link is not visible ({focused.GetProperty("width").GetDouble()}×{focused.GetProperty("height").GetDouble()} px, in viewport: {focused.GetProperty("inViewport").GetBoolean()}, uncovered: {focused.GetProperty("onTop").GetBoolean()})");
        }

        await page.Keyboard.PressAsync("Enter");
        try
        {
            await page.WaitForFunctionAsync("() => document.activeElement?.closest('main#contenu') !== null", null, new() { Timeout = 2000 });
        }
        catch (TimeoutException)
        {
            var where = await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 80) ?? 'nothing'");
            problems.Add($"Enter on the skip link leaves focus on {where}, not inside main#contenu");
        }
        return problems;
    }
}
