using Microsoft.Playwright;

namespace FichesSite.Tests.Browser;

/// <summary>Reflow (WCAG 1.4.10) and text spacing (WCAG 1.4.12), measured in the page as laid out.</summary>
public static class LayoutCheck
{
    /// <summary>The narrowest viewport WCAG asks a page to reflow into: 320 CSS px.</summary>
    public const int ReflowWidth = 320;

    /// <summary>The width of the whole document: more than the viewport means horizontal scrolling.</summary>
    public static Task<int> ScrollWidthAsync(IPage page) => page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");

    // The four overrides of WCAG 1.4.12, as a user style sheet would set them.
    private const string TextSpacing = """
        * { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
        p { margin-bottom: 2em !important; }
        """;

    // Elements that cut off their own text: overflow other than visible, and content larger than the box.
    // Boxes of 1 px or less are the visually hidden pattern, which is meant to clip.
    private const string Clipped = """
        () => [...document.querySelectorAll('body *')].filter(e => {
          const s = getComputedStyle(e);
          if (s.overflowX === 'visible' && s.overflowY === 'visible') return false;
          if (e.clientWidth <= 1 || e.clientHeight <= 1) return false;
          return e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1;
        }).map(e => e.outerHTML.slice(0, 100))
        """;

    // Counts the characters of each rendered line of text in main: a line is the characters whose boxes share a top.
    private const string LongestLine = """
        () => {
          let longest = { length: 0, text: '' };
          const walker = document.createTreeWalker(document.querySelector('main') ?? document.body, NodeFilter.SHOW_TEXT);
          const lines = new Map();
          const range = document.createRange();
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (let i = 0; i < node.length; i++) {
              range.setStart(node, i);
              range.setEnd(node, i + 1);
              const rect = range.getBoundingClientRect();
              if (rect.width === 0 && rect.height === 0) continue;
              const key = Math.round(rect.top + scrollY);
              lines.set(key, (lines.get(key) ?? '') + node.data[i]);
            }
          }
          for (const text of lines.values()) {
            const trimmed = text.replace(/\s+/g, ' ').trim();
            if (trimmed.length > longest.length) longest = { length: trimmed.length, text: trimmed };
          }
          return longest;
        }
        """;

    /// <summary>The longest rendered line of text in <c>main</c>, in characters.</summary>
    public static async Task<(int Length, string Text)> LongestLineAsync(IPage page)
    {
        var line = await page.EvaluateAsync<System.Text.Json.JsonElement>(LongestLine);
        return (line.GetProperty("length").GetInt32(), line.GetProperty("text").GetString()!);
    }

    // Running text: 16 px or more, line height 1.5 or more, aligned to the left (never justified).
    private const string Typography = """
        () => [...document.querySelectorAll('body p, body li, body td, body th, body dd, body dt')].flatMap(e => {
          const s = getComputedStyle(e);
          const size = parseFloat(s.fontSize);
          const lineHeight = s.lineHeight === 'normal' ? 0 : parseFloat(s.lineHeight);
          const where = e.outerHTML.slice(0, 80);
          const problems = [];
          if (size < 16) problems.push(`font size ${size} px: ${where}`);
          if (lineHeight < 1.5 * size - 0.01) problems.push(`line height ${s.lineHeight} for ${size} px text: ${where}`);
          if (!['left', 'start'].includes(s.textAlign)) problems.push(`text-align ${s.textAlign}: ${where}`);
          return problems;
        })
        """;

    /// <summary>Running text smaller than 16 px, set closer than 1.5, or not aligned left.</summary>
    public static async Task<IReadOnlyList<string>> TypographyProblemsAsync(IPage page) => await page.EvaluateAsync<string[]>(Typography);

    /// <summary>Applies the text spacing overrides, then lists what clips its text or makes the page scroll sideways.</summary>
    public static async Task<IReadOnlyList<string>> TextSpacingProblemsAsync(IPage page)
    {
        var width = await page.EvaluateAsync<int>("() => document.documentElement.clientWidth");
        // As a user style sheet: a constructed sheet, which the page's Content-Security-Policy
        // (no inline style) rightly does not block, as it does not block a reader's own styles.
        await page.EvaluateAsync(
            "css => { const sheet = new CSSStyleSheet(); sheet.replaceSync(css); document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]; }",
            TextSpacing);
        var problems = (await page.EvaluateAsync<string[]>(Clipped)).Select(html => $"clips its text: {html}").ToList();
        var scrollWidth = await ScrollWidthAsync(page);
        if (scrollWidth > width)
        {
            problems.Add($"scrolls sideways with text spacing: {scrollWidth} px wide in a {width} px viewport");
        }
        return problems;
    }
}
