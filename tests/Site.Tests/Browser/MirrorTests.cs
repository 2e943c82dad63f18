using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace FichesSite.Tests.Browser;

/// <summary>
/// The same _site/ copied to an intranet: served under a sub-path, or opened from a file share
/// (file://). On every page, every request stays inside the site and succeeds, the styles apply,
/// and the Content-Security-Policy reports no violation.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class MirrorTests(BrowserSite site)
{
    // Listens before any page script: a violation of the page's CSP is recorded, not just logged.
    private const string RecordCspViolations = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation',
            e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
        """;

    public enum Mirror { SubPath, FileShare }

    [SkippableTheory]
    [InlineData(Mirror.SubPath)]
    [InlineData(Mirror.FileShare)]
    public async Task Every_page_works_with_nothing_leaving_the_site(Mirror mirror)
    {
        var root = mirror == Mirror.SubPath ? site.SiteUrl("") : new Uri(site.SiteDirectory + "/").AbsoluteUri;
        // A file share has no server to show 404.html for a missing address: it is a server-only page.
        var pages = mirror == Mirror.SubPath ? site.Pages : site.Pages.Where(p => p != "404.html").ToList();
        var failures = new List<string>();
        var page = await site.NewUnroutedPageAsync();
        await page.AddInitScriptAsync(RecordCspViolations);
        var current = "";
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(root, StringComparison.Ordinal))
            {
                failures.Add($"{current}: request outside the site: {request.Url}");
            }
        };
        page.RequestFailed += (_, request) => failures.Add($"{current}: failed request: {request.Url} ({request.Failure})");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                failures.Add($"{current}: {response.Status} for {response.Url}");
            }
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                failures.Add($"{current}: console error: {message.Text}");
            }
        };

        foreach (var path in pages)
        {
            current = path;
            await page.GotoAsync(root + path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            var violations = await page.EvaluateAsync<string[]>("() => window.__cspViolations");
            failures.AddRange(violations.Select(v => $"{path}: CSP violation: {v}"));
            // The site's style sheet applied: the skip link is moved off screen until focused.
            var skipLink = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.skip-link')).position");
            if (skipLink != "absolute")
            {
                failures.Add($"{path}: the style sheet did not apply (skip link position {skipLink})");
            }
        }
        await page.CloseAsync();

        Assert.True(pages.Count >= 5, "too few pages checked");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [SkippableFact]
    public async Task Links_lead_from_page_to_page_on_a_file_share()
    {
        var page = await site.NewUnroutedPageAsync();
        var home = new Uri(Path.Combine(site.SiteDirectory, "index.html")).AbsoluteUri;
        await page.GotoAsync(home);

        // Expect rather than WaitForURL: when it fails (it timed out once in a loaded CI run), it says which URL the page was at.
        var slow = new PageAssertionsToHaveURLOptions { Timeout = 30_000 };
        await page.GetByRole(AriaRole.Link, new() { Name = "Cimentoplastie en cas de métastases osseuses" }).First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/fiches/cimentoplastie-metastases-osseuses/index\\.html$"), slow);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Fil d’Ariane" }).GetByRole(AriaRole.Link, new() { Name = "Accueil" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(home, slow);
        await page.CloseAsync();
    }
}
