using Microsoft.Playwright;

namespace FichesSite.Tests.Browser;

/// <summary>
/// Visible focus (WCAG 2.4.7, RGAA 10.7) measured as a keyboard user meets it: Tab through every
/// focusable element and read the focus ring actually drawn. axe does not check this.
/// </summary>
public static class FocusCheck
{
    // The ring of the focused element: an outline of 2 px or more whose colour has 3:1 or more against
    // the background behind it (the first ancestor with an opaque background, else the page).
    private const string Ring = """
        () => {
          const e = document.activeElement;
          if (!e || e === document.body) return null;
          const parse = c => { const m = c.match(/[\d.]+/g).map(Number); return { r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1 }; };
          const lum = ({ r, g, b }) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
            .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
          let back = null;
          for (let a = e.parentElement; a && !back; a = a.parentElement) {
            const c = parse(getComputedStyle(a).backgroundColor);
            if (c.a === 1) back = c;
          }
          back ??= parse(getComputedStyle(document.documentElement).backgroundColor);
          if (back.a < 1) back = { r: 255, g: 255, b: 255, a: 1 };
          const s = getComputedStyle(e);
          const ring = parse(s.outlineColor);
          const [l1, l2] = [lum(ring), lum(back)].sort((x, y) => y - x);
          return {
            element: e.outerHTML.slice(0, 80),
            index: [...document.querySelectorAll('*')].indexOf(e),
            style: s.outlineStyle, width: parseFloat(s.outlineWidth),
            contrast: Math.round((l1 + 0.05) / (l2 + 0.05) * 100) / 100,
          };
        }
        """;

    /// <summary>Tabs through the whole page once and lists every element whose focus ring is missing, thin or faint.</summary>
    public static async Task<(int Checked, IReadOnlyList<string> Problems)> ProblemsAsync(IPage page)
    {
        var problems = new List<string>();
        var seen = new HashSet<int>();
        for (var i = 0; i < 200; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var ring = await page.EvaluateAsync<System.Text.Json.JsonElement?>(Ring);
            if (ring is not { ValueKind: System.Text.Json.JsonValueKind.Object } r)
            {
                break;
            }
            var element = r.GetProperty("element").GetString()!;
            if (!seen.Add(r.GetProperty("index").GetInt32()))
            {
                break; // back to the start: every element has had its turn
            }
            var style = r.GetProperty("style").GetString();
            var width = r.GetProperty("width").GetDouble();
            var contrast = r.GetProperty("contrast").GetDouble();
            if (style is "none" or "hidden" || width < 2 || contrast < 3)
            {
                problems.Add($"focus ring {style} {width} px at {contrast}:1 on {element}");
            }
        }
        return (seen.Count, problems);
    }
}
