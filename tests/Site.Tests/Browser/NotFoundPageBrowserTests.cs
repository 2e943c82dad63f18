using Microsoft.Playwright;

namespace FichesSite.Tests.Browser;

/// <summary>
/// The 404 page where a mirror shows it: the site built for <see cref="Mirrors.BaseUrl"/>, its bytes copied to another
/// origin (a loopback server) under another path than the base URL's, and under the base URL's own path; a missing
/// address several folders deep. The server above the copy has a 404 page of its own, as an intranet's home would. On
/// the page: no Content-Security-Policy violation, every inlined stylesheet applied, every link, the logo and the
/// icon under the copy's own path, and « Accueil » leads to the copy's home page.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class NotFoundPageBrowserTests(BrowserSite browser, NotFoundPageBrowserTests.Mirrors mirrors) : IClassFixture<NotFoundPageBrowserTests.Mirrors>
{
    private const string MissingAddress = "dossier/sous-dossier/encore/page-absente.html";

    // Listens before any page script: a violation of the page's CSP is recorded, not just logged.
    private const string RecordCspViolations = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation',
            e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
        """;

    /// <summary>The built site served twice, each copy by its own loopback server (another origin than the base URL's).</summary>
    public sealed class Mirrors : IDisposable
    {
        public const string BaseUrl = "https://fiches.hopital-exemple.invalid/publiques/fiches/";

        /// <summary>The base URL's own path, and another one, deeper.</summary>
        public const string SamePath = "publiques/fiches/";
        public const string OtherPath = "intranet/miroir/fiches/";

        private readonly TestSite _site = new();
        private readonly Dictionary<string, LoopbackServer> _servers = [];

        public Mirrors()
        {
            var result = _site.Build(baseUrl: BaseUrl);
            Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
            foreach (var path in new[] { SamePath, OtherPath })
            {
                var root = Path.Combine(_site.Root, "serveur-" + _servers.Count);
                TestSite.CopyDirectory(_site.Output, Path.Combine(root, path));
                File.WriteAllText(Path.Combine(root, "404.html"),
                    "<!DOCTYPE html><html lang=\"fr\"><title>Intranet : page introuvable</title><h1>Intranet</h1></html>");
                _servers[path] = new LoopbackServer(root) { ServesNotFoundPage = true, NotFoundPage = path + "404.html" };
            }
        }

        /// <summary>« http://127.0.0.1:port/intranet/miroir/fiches/ »: the copy's root.</summary>
        public string Root(string path) => _servers[path].BaseUrl + path;

        public string Origin(string path) => _servers[path].BaseUrl;

        public void Dispose()
        {
            foreach (var server in _servers.Values)
            {
                server.Dispose();
            }
            _site.Dispose();
        }
    }

    [SkippableTheory]
    [InlineData(Mirrors.OtherPath)]
    [InlineData(Mirrors.SamePath)]
    public async Task A_missing_address_deep_in_a_copy_shows_the_404_page_styled_and_leading_into_the_copy(string path)
    {
        var root = mirrors.Root(path);
        var (page, requests) = await OpenAsync(path, javaScript: true);
        var response = await page.GotoAsync(root + MissingAddress);
        Assert.Equal(404, response!.Status);
        // Until the page's script has asked its questions and the browser has loaded what they changed.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var failures = await FailuresAsync(page, root);
        Assert.True(failures.Count + requests.Count == 0, string.Join("\n", failures.Concat(requests)));

        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Accueil" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(root + "index.html");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Fiches d’information patients");
        await page.CloseAsync();
    }

    [SkippableFact]
    public async Task Without_javascript_a_copy_at_the_base_urls_path_works_as_written()
    {
        var root = mirrors.Root(Mirrors.SamePath);
        var (page, requests) = await OpenAsync(Mirrors.SamePath, javaScript: false);
        await page.GotoAsync(root + MissingAddress, new() { WaitUntil = WaitUntilState.NetworkIdle });

        var failures = await FailuresAsync(page, root);
        await page.CloseAsync();

        Assert.True(failures.Count + requests.Count == 0, string.Join("\n", failures.Concat(requests)));
    }

    /// <summary>
    /// A page whose requests may go to the copy's server only (any other is aborted), with the requests that failed or
    /// were answered with an error, but those the page makes by design: its own missing address, its script's questions
    /// for 404.html, and, in a copy at another path, what it asked at the base URL's path before the script rewrote it.
    /// </summary>
    private async Task<(IPage Page, List<string> Requests)> OpenAsync(string path, bool javaScript)
    {
        var origin = mirrors.Origin(path);
        var written = origin + Mirrors.SamePath;
        var page = await browser.NewUnroutedPageAsync(javaScript);
        await page.Context.RouteAsync("**/*", route =>
            route.Request.Url.StartsWith(origin, StringComparison.Ordinal) ? route.ContinueAsync() : route.AbortAsync());
        if (javaScript)
        {
            await page.AddInitScriptAsync(RecordCspViolations);
        }
        var problems = new List<string>();
        bool AtWrittenPath(IRequest request) => path != Mirrors.SamePath && request.Url.StartsWith(written, StringComparison.Ordinal);
        bool NotFoundByDesign(IResponse response) =>
            response.Status == 404 && (response.Url.EndsWith(MissingAddress, StringComparison.Ordinal)
                || (response.Request.Method == "HEAD" && response.Url.EndsWith("/404.html", StringComparison.Ordinal)));
        void Add(string problem)
        {
            lock (problems)
            {
                problems.Add(problem);
            }
        }
        page.RequestFailed += (_, request) =>
        {
            if (!AtWrittenPath(request))
            {
                Add($"failed request: {request.Method} {request.Url} ({request.Failure})");
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && !NotFoundByDesign(response) && !AtWrittenPath(response.Request))
            {
                Add($"{response.Status} for {response.Request.Method} {response.Url}");
            }
        };
        return (page, problems);
    }

    // What is wrong with the 404 page shown at a missing address under root.
    private static async Task<List<string>> FailuresAsync(IPage page, string root)
    {
        var failures = new List<string>();
        // Without JavaScript the listener does not run: a blocked style sheet shows as unapplied styles below.
        var violations = await page.EvaluateAsync<string[]?>("() => window.__cspViolations || null");
        failures.AddRange((violations ?? []).Select(v => "CSP violation: " + v));

        // Each stylesheet the page holds applied: site.css moves the skip link off screen, search.css makes the search
        // button 44 px high, the brand's stylesheet sets the brand's colour.
        var applied = await page.EvaluateAsync<string[]>("""
            () => [
              getComputedStyle(document.querySelector('.skip-link')).position,
              getComputedStyle(document.querySelector('.site-search button')).minHeight,
              getComputedStyle(document.documentElement).getPropertyValue('--primary').trim(),
            ]
            """);
        if (!applied.SequenceEqual(["absolute", "44px", "#1d5a8c"]))
        {
            failures.Add($"the styles did not apply: skip link position, search button height, brand colour = {string.Join(", ", applied)}");
        }

        // Every address the page leads to or loads, as the browser reads it now, under the copy's root, and there.
        var urls = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('a[href], link[href], img[src], form[action]')]
              .map(e => e.href || e.src || e.action)
              .filter(u => !u.startsWith('tel:') && !u.includes('#'))
            """);
        if (urls.Length < 10)
        {
            failures.Add($"only {urls.Length} addresses found on the page");
        }
        foreach (var url in urls.Distinct())
        {
            if (!url.StartsWith(root, StringComparison.Ordinal))
            {
                failures.Add($"{url} is not under the copy's root {root}");
                continue;
            }
            var answer = await page.Context.APIRequest.GetAsync(url);
            if (answer.Status != 200)
            {
                failures.Add($"{url} answers {answer.Status}");
            }
        }
        var logoShown = await page.EvaluateAsync<bool>("""
            () => new Promise(done => {
              const logo = document.querySelector('.site-logo');
              if (logo.complete) {
                done(logo.naturalWidth > 0);
                return;
              }
              logo.addEventListener('load', () => done(true), { once: true });
              logo.addEventListener('error', () => done(false), { once: true });
            })
            """);
        if (!logoShown)
        {
            failures.Add("the logo is not shown");
        }
        return failures;
    }
}
