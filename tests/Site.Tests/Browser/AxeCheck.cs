using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace FichesSite.Tests.Browser;

/// <summary>axe-core in the page, with the rule sets of WCAG 2.2 AA (the level RGAA 4.1 maps to) and axe's best practices.</summary>
public static class AxeCheck
{
    public static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

    public static Task<AxeResult> RunAsync(IPage page) =>
        page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. Tags] },
            // WCAG 2.5.8 Target Size (Minimum): off by default in axe, on here.
            Rules = new Dictionary<string, RuleOptions> { ["target-size"] = new() { Enabled = true } },
        });

    /// <summary>One line per failing element: the rule, what it asks, where, and axe's summary of the fix.</summary>
    public static IEnumerable<string> Describe(IEnumerable<AxeResultItem> items) =>
        items.SelectMany(item => item.Nodes.Select(node =>
            $"{item.Id} ({item.Impact}): {item.Help} — {node.Target} {node.Html}{Checks(node)}"));

    private static string Checks(AxeResultNode node) =>
        string.Concat((node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? [])
            .Select(check => $"\n    {check.Message}"));
}
