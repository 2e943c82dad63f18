using System.Diagnostics;
using System.Text.Json;
using FichesSite.Build;

namespace FichesSite.Bench;

/// <summary>
/// Lighthouse on the mobile profile (its default: a phone's screen, simulated slow 4G and a 4× slower processor) and
/// the desktop one, for the home page, a service page, a sheet and the search page of input/, built into a temporary folder and served on loopback.
/// Each round serves the site twice, in alternated order: files as they are (as the tests' loopback server does),
/// and gzip-compressed when the browser asks for it (as GitHub Pages serves them). Performance is simulated from
/// the bytes that crossed the wire, so only compression moves it; the other three categories do not depend on the
/// server. Prints the four scores, the metrics, and the audits that did not pass.
/// </summary>
public static class LighthouseBenchmark
{
    private static readonly (string Name, string Path)[] Pages =
    [
        ("accueil", ""),
        ("service", "services/radiologie-interventionnelle/"),
        ("fiche", "fiches/cimentoplastie-metastases-osseuses/"),
        ("recherche", "recherche/"),
    ];

    private static readonly string[] Profiles = ["mobile", "desktop"];

    private static readonly string[] Categories = ["performance", "accessibility", "best-practices", "seo"];

    // Headless, and nothing the browser would fetch for itself (updates, sync, field trials) besides the page.
    private const string ChromeFlags =
        "--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync";

    public static int Run(string repository, int rounds)
    {
        var lighthouse = Path.Combine(repository, "tools", "node_modules", ".bin", "lighthouse");
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(lighthouse) || !File.Exists(chromium))
        {
            Console.Error.WriteLine($"needs {lighthouse} (bash .ci/install-test-tools) and {chromium} (apt-get install chromium)");
            return 1;
        }
        var work = Directory.CreateTempSubdirectory("fiches-lighthouse-");
        try
        {
            var site = Path.Combine(work.FullName, "_site");
            using var server = new FichesSite.Tests.Browser.LoopbackServer(site) { ServesNotFoundPage = true };
            var build = SiteBuilder.Build(new BuildOptions(Path.Combine(repository, "input"), Path.Combine(repository, "theme"), site, BaseUrl: server.BaseUrl));
            if (!build.Succeeded)
            {
                throw new InvalidOperationException("the build failed:\n" + string.Join("\n", build.Diagnostics));
            }
            Console.WriteLine($"Lighthouse {Version(lighthouse)}, {Version(chromium)}; mobile and desktop profiles, simulated throttling; {server.BaseUrl}");
            var scores = new Dictionary<(string Page, bool Gzip, string Profile), List<Report>>();
            for (var round = 1; round <= rounds; round++)
            {
                // Alternated so that a burst of load from elsewhere does not always fall on the same way of serving.
                foreach (var gzip in round % 2 == 1 ? new[] { false, true } : [true, false])
                {
                    server.Gzip = gzip;
                    Console.WriteLine();
                    Console.WriteLine($"== round {round} of {rounds}, served {(gzip ? "gzip-compressed" : "as files are")}  (load average {LoadAverage()})");
                    foreach (var profile in Profiles)
                    {
                        foreach (var (name, pagePath) in Pages)
                        {
                            var report = Audit(lighthouse, chromium, server.BaseUrl + pagePath, work.FullName, profile);
                            (scores.TryGetValue((name, gzip, profile), out var list) ? list : scores[(name, gzip, profile)] = []).Add(report);
                            Print($"{name} ({profile})", report);
                        }
                    }
                }
            }
            Console.WriteLine();
            Console.WriteLine($"== every round: lowest–highest score (performance unrounded)");
            foreach (var ((name, gzip, profile), reports) in scores.OrderBy(s => s.Key.Gzip).ThenBy(s => s.Key.Profile, StringComparer.Ordinal).ThenBy(s => Array.FindIndex(Pages, p => p.Name == s.Key.Page)))
            {
                var perf = reports.Select(r => r.PerformanceUnrounded).ToList();
                var others = Categories.Skip(1).Select(c => $"{c} {Range(reports.Select(r => r.Scores[c]))}");
                Console.WriteLine($"  {name,-10} {profile,-8} {(gzip ? "gzip" : "plain"),-5}  performance {Range(reports.Select(r => r.Scores["performance"]))} ({perf.Min():0.00}–{perf.Max():0.00})  {string.Join("  ", others)}");
            }
            return 0;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static string Range(IEnumerable<int> values)
    {
        var list = values.ToList();
        return list.Min() == list.Max() ? $"{list[0]}" : $"{list.Min()}–{list.Max()}";
    }

    /// <summary>One page's figures. Lighthouse rounds a category's score; the unrounded performance shows the margin.</summary>
    private sealed record Report(
        Dictionary<string, int> Scores, double PerformanceUnrounded, string Metrics,
        List<string> Failing, List<(string Id, string Message)> Errors, List<string> Warnings, TimeSpan Wall);

    // Lighthouse's default profile is mobile; --preset=desktop gives its desktop one.
    private static Report Audit(string lighthouse, string chromium, string url, string work, string profile)
    {
        var output = Path.Combine(work, "report.json");
        var start = new ProcessStartInfo(lighthouse) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            url, $"--chrome-path={chromium}", $"--chrome-flags={ChromeFlags}", "--output=json", $"--output-path={output}",
            "--only-categories=" + string.Join(',', Categories), "--quiet",
            "--no-enable-error-reporting", // never asks, never sends a crash report off the machine
        })
        {
            start.ArgumentList.Add(argument);
        }
        if (profile == "desktop")
        {
            start.ArgumentList.Add("--preset=desktop");
        }
        var clock = Stopwatch.StartNew();
        using (var process = Process.Start(start)!)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"lighthouse exited with {process.ExitCode} on {url}:\n{stdout.Result}{stderr.Result}");
            }
        }
        var wall = clock.Elapsed;
        using var json = JsonDocument.Parse(File.ReadAllBytes(output));
        var root = json.RootElement;
        var audits = root.GetProperty("audits");
        var scores = new Dictionary<string, int>();
        var performance = 0.0;
        var failing = new List<string>();
        var errors = new List<(string Id, string Message)>();
        foreach (var category in Categories)
        {
            var element = root.GetProperty("categories").GetProperty(category);
            scores[category] = element.GetProperty("score").ValueKind == JsonValueKind.Number
                ? (int)Math.Round(element.GetProperty("score").GetDouble() * 100, MidpointRounding.AwayFromZero)
                : -1;
            double weighted = 0, weights = 0;
            foreach (var reference in element.GetProperty("auditRefs").EnumerateArray())
            {
                var id = reference.GetProperty("id").GetString()!;
                var weight = reference.GetProperty("weight").GetDouble();
                var audit = audits.GetProperty(id);
                var mode = audit.GetProperty("scoreDisplayMode").GetString();
                if (mode == "error")
                {
                    errors.Add((id, audit.GetProperty("errorMessage").GetString() ?? "no message"));
                    continue;
                }
                if (audit.GetProperty("score").ValueKind != JsonValueKind.Number || mode is "notApplicable" or "manual" or "informative")
                {
                    continue;
                }
                var score = audit.GetProperty("score").GetDouble();
                weighted += weight * score;
                weights += weight;
                if (score < 1)
                {
                    var shown = audit.TryGetProperty("displayValue", out var value) ? $" — {value.GetString()}" : "";
                    failing.Add($"{category}: {id} « {audit.GetProperty("title").GetString()} » score {score:0.##}, weight {weight:0.##}{shown}");
                }
            }
            if (category == "performance")
            {
                performance = weights > 0 ? 100 * weighted / weights : 0;
            }
        }
        var metrics = audits.GetProperty("metrics").GetProperty("details").GetProperty("items")[0];
        double Metric(string name) => metrics.TryGetProperty(name, out var m) && m.ValueKind == JsonValueKind.Number ? m.GetDouble() : double.NaN;
        var summary = $"FCP {Metric("firstContentfulPaint"):0} ms, LCP {Metric("largestContentfulPaint"):0} ms, TBT {Metric("totalBlockingTime"):0} ms, " +
            $"CLS {Metric("cumulativeLayoutShift"):0.###}, SI {Metric("speedIndex"):0} ms, bytes {audits.GetProperty("total-byte-weight").GetProperty("numericValue").GetDouble() / 1024:0.0} KiB";
        var warnings = root.TryGetProperty("runWarnings", out var w) ? w.EnumerateArray().Select(x => x.GetString()!).ToList() : [];
        return new Report(scores, performance, summary, failing, errors, warnings, wall);
    }

    private static void Print(string name, Report report)
    {
        Console.WriteLine($"  {name,-10} performance {report.Scores["performance"]} ({report.PerformanceUnrounded:0.00})  accessibility {report.Scores["accessibility"]}  " +
            $"best-practices {report.Scores["best-practices"]}  seo {report.Scores["seo"]}   ({report.Wall.TotalSeconds:0.0} s)");
        Console.WriteLine($"             {report.Metrics}");
        foreach (var line in report.Failing)
        {
            Console.WriteLine($"             not passed: {line}");
        }
        // Audits that could not run, grouped by cause: one cause (a trace this Chromium writes that this Lighthouse cannot
        // read) takes out several diagnostics at once.
        foreach (var cause in report.Errors.GroupBy(e => e.Message, e => e.Id))
        {
            Console.WriteLine($"             audit error: {string.Join(", ", cause)}: {cause.Key}");
        }
        foreach (var line in report.Warnings)
        {
            Console.WriteLine($"             warning: {line}");
        }
    }

    private static string Version(string program)
    {
        var start = new ProcessStartInfo(program, "--version") { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return text.Trim();
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
}
