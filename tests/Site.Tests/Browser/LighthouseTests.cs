using System.Diagnostics;
using System.Text.Json;

namespace FichesSite.Tests.Browser;

/// <summary>
/// Lighthouse (tools/node_modules, pinned in tools/package.json) on the mobile and desktop profiles for the home page,
/// a service page, a sheet and the search page of the repository's content, served at the root of a loopback server as a host would serve
/// it. Accessibility, best practices and SEO must score 100: they are checks of the page, the same on any machine.
/// Performance is simulated from timings of this machine, so a busy machine would move it: the benchmark measures
/// it (`dotnet run -c Release --project bench -- lighthouse`, docs/benchmarks.md), not this test.
/// </summary>
[Trait("Category", "Browser")]
public sealed class LighthouseTests(LighthouseTests.Site site) : IClassFixture<LighthouseTests.Site>
{
    private static readonly string[] CheckedCategories = ["accessibility", "best-practices", "seo"];

    // Headless, and nothing the browser would fetch for itself besides the page (Lighthouse gives it a fresh profile).
    private const string ChromeFlags =
        "--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync";

    public static string LighthousePath => Path.Combine(TestSite.RepositoryRoot, "tools", "node_modules", ".bin", "lighthouse");

    /// <summary>The repository's content built once, at the root of a loopback server whose address is its base URL.</summary>
    public sealed class Site : IDisposable
    {
        private readonly TestSite _site = new();

        public Site()
        {
            Server = new LoopbackServer(_site.Output);
            var result = _site.Build(baseUrl: Server.BaseUrl);
            Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        }

        public LoopbackServer Server { get; }

        public string Output => _site.Output;

        public void Dispose()
        {
            Server.Dispose();
            _site.Dispose();
        }
    }

    public static TheoryData<string, string> Pages()
    {
        var pages = new TheoryData<string, string>();
        foreach (var profile in new[] { "mobile", "desktop" })
        {
            foreach (var page in new[] { "", "services/radiologie-interventionnelle/", "fiches/cimentoplastie-metastases-osseuses/", "recherche/" })
            {
                pages.Add(page, profile);
            }
        }
        return pages;
    }

    [SkippableTheory]
    [MemberData(nameof(Pages))]
    public void Accessibility_best_practices_and_seo_score_100_on_mobile_and_desktop(string page, string profile)
    {
        BrowserEnvironment.Require(Missing());
        Assert.True(File.Exists(Path.Combine(site.Output, page, "index.html")), $"no page {page}index.html in the built site");
        var url = site.Server.BaseUrl + page;
        using var report = Run(url, profile);
        var root = report.RootElement;
        if (root.TryGetProperty("runtimeError", out var runtimeError))
        {
            Assert.Fail($"Lighthouse could not audit {url}: {runtimeError}");
        }
        Assert.Equal(profile, root.GetProperty("configSettings").GetProperty("formFactor").GetString());
        Assert.Equal(url, root.GetProperty("finalDisplayedUrl").GetString());

        var shortfalls = new List<string>();
        foreach (var category in CheckedCategories)
        {
            var element = root.GetProperty("categories").GetProperty(category);
            var score = element.GetProperty("score");
            if (score.ValueKind == JsonValueKind.Number && score.GetDouble() == 1)
            {
                continue;
            }
            shortfalls.Add($"{category}: {score}");
            shortfalls.AddRange(NotPassed(root.GetProperty("audits"), element).Select(a => "  " + a));
        }
        Assert.True(shortfalls.Count == 0, $"Lighthouse on {url} ({profile}):\n{string.Join("\n", shortfalls)}");
    }

    /// <summary>
    /// The control page's known faults (Fixtures/controle.html) lower each of the three scores, through the audits
    /// that stand for them: so a 100 above means the audits ran and found nothing, not that they did not run.
    /// </summary>
    [SkippableFact]
    public void The_control_page_s_known_faults_lower_each_checked_score()
    {
        BrowserEnvironment.Require(Missing());
        using var server = new LoopbackServer(Path.Combine(AppContext.BaseDirectory, "Fixtures"));
        using var report = Run(server.BaseUrl + "controle.html", "mobile");
        var root = report.RootElement;
        var audits = root.GetProperty("audits");
        foreach (var category in CheckedCategories)
        {
            Assert.True(root.GetProperty("categories").GetProperty(category).GetProperty("score").GetDouble() < 1, $"{category} is 100 on the control page");
        }
        // No lang, an image without alt, pale text (accessibility); no description (SEO); the image is missing, a 404 in
        // the console (best practices).
        foreach (var id in new[] { "html-has-lang", "image-alt", "color-contrast", "meta-description", "errors-in-console" })
        {
            Assert.True(audits.GetProperty(id).GetProperty("score").GetDouble() == 0, $"{id} passed on the control page");
        }
    }

    /// <summary>The category's audits that did not pass or could not run, with their ids and titles.</summary>
    private static IEnumerable<string> NotPassed(JsonElement audits, JsonElement category)
    {
        foreach (var reference in category.GetProperty("auditRefs").EnumerateArray())
        {
            var audit = audits.GetProperty(reference.GetProperty("id").GetString()!);
            var mode = audit.GetProperty("scoreDisplayMode").GetString();
            var score = audit.GetProperty("score");
            var failed = mode == "error" || (mode is "binary" or "numeric" or "metricSavings" && score.ValueKind == JsonValueKind.Number && score.GetDouble() < 1);
            if (failed)
            {
                var why = audit.TryGetProperty("errorMessage", out var error) ? error.GetString()
                    : audit.TryGetProperty("displayValue", out var value) ? value.GetString() : "";
                yield return $"{audit.GetProperty("id").GetString()} « {audit.GetProperty("title").GetString()} » ({mode}, score {score}) {why}";
            }
        }
    }

    // Lighthouse's default profile is mobile; --preset=desktop gives its desktop one.
    private static JsonDocument Run(string url, string profile)
    {
        var output = Path.Combine(Path.GetTempPath(), $"fiches-lighthouse-{Guid.NewGuid():N}.json");
        var start = new ProcessStartInfo(LighthousePath) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            url, $"--chrome-path={BrowserEnvironment.ChromiumPath}", $"--chrome-flags={ChromeFlags}", "--output=json",
            $"--output-path={output}", "--only-categories=accessibility,best-practices,seo", "--quiet",
            "--no-enable-error-reporting", // never asks, never sends a crash report off the machine
        })
        {
            start.ArgumentList.Add(argument);
        }
        if (profile == "desktop")
        {
            start.ArgumentList.Add("--preset=desktop");
        }
        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(4)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"Lighthouse did not finish on {url} within 4 minutes");
            }
            Assert.True(process.ExitCode == 0, $"Lighthouse exited with {process.ExitCode} on {url}:\n{stdout.Result}{stderr.Result}");
            return JsonDocument.Parse(File.ReadAllBytes(output));
        }
        finally
        {
            File.Delete(output);
        }
    }

    private static string? Missing() =>
        !File.Exists(LighthousePath) ? $"Lighthouse is missing: no {LighthousePath} (bash .ci/install-test-tools)."
        : !File.Exists(BrowserEnvironment.ChromiumPath) ? $"Chromium is missing: no {BrowserEnvironment.ChromiumPath} (Debian package « chromium »)."
        : null;
}
