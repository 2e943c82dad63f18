namespace FichesSite.Tests.Browser;

/// <summary>
/// Where the browser tests find what they need outside .NET (Debian's Chromium, the Nu Html Checker),
/// and what happens when it is missing. Locally the tests skip and say why; in CI (CI=true, as .ci/run
/// runs) a missing tool fails the run, so a green CI always means the checks really ran.
/// </summary>
/// <remarks>
/// Skipping uses Xunit.SkippableFact: xunit 2.9.3 has no dynamic skip, and returning early would
/// report a pass for a check that never ran.
/// </remarks>
public static class BrowserEnvironment
{
    /// <summary>Debian's Chromium, installed by .ci/run; Playwright never downloads a browser here. CHROMIUM_PATH overrides it.</summary>
    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>vnu.jar from npm's vnu-jar, installed by .ci/run into the gitignored tools/ folder. VNU_JAR overrides it.</summary>
    public static string VnuJarPath =>
        Environment.GetEnvironmentVariable("VNU_JAR") is { Length: > 0 } path
            ? path
            : Path.Combine(TestSite.RepositoryRoot, "tools", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Skips the test locally, or fails it in CI, when <paramref name="missing"/> names something absent.</summary>
    public static void Require(string? missing)
    {
        if (missing is null)
        {
            return;
        }
        if (IsCi)
        {
            Assert.Fail($"{missing} In CI (CI=true) this check must run: .ci/run installs it.");
        }
        Skip.If(true, $"{missing} Skipped locally; run `bash .ci/run` (or install it) to run this check.");
    }
}
