using System.Diagnostics;

namespace FichesSite.Tests;

public sealed class DeterminismTests
{
    /// <summary>
    /// The generator run as its own process under other cultures, time zones and working folders:
    /// the site must not change by a byte. A Turkish culture breaks naive case folding (i → İ),
    /// a far time zone moves « today », invariant globalization removes ICU.
    /// </summary>
    [Fact]
    public void Culture_time_zone_and_folder_do_not_change_the_output()
    {
        using var site = new TestSite();
        (string Name, Dictionary<string, string> Environment)[] runs =
        [
            ("turc", new() { ["LANG"] = "tr_TR.UTF-8", ["LC_ALL"] = "tr_TR.UTF-8", ["TZ"] = "Pacific/Kiritimati" }),
            ("francais", new() { ["LANG"] = "fr_FR.UTF-8", ["LC_ALL"] = "fr_FR.UTF-8", ["TZ"] = "America/Los_Angeles" }),
            ("invariant", new() { ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1", ["TZ"] = "UTC", ["SOURCE_DATE_EPOCH"] = "0" }),
        ];
        foreach (var (name, environment) in runs)
        {
            var workingFolder = Directory.CreateDirectory(Path.Combine(site.Root, "cwd-" + name)).FullName;
            RunGenerator(workingFolder, environment, "--input", site.Input, "--theme", site.Theme, "--output", Path.Combine(site.Root, name));
        }

        foreach (var (name, _) in runs.Skip(1))
        {
            AssertSameSite(Path.Combine(site.Root, runs[0].Name), Path.Combine(site.Root, name), $"the {runs[0].Name} and {name} runs");
        }
    }

    private static void RunGenerator(string workingFolder, Dictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingFolder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Site.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "the generator did not finish");
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {stdout.Result}{stderr}");
    }

    [Fact]
    public void Two_builds_are_byte_identical()
    {
        using var site = new TestSite();
        var first = Path.Combine(site.Root, "first");
        var second = Path.Combine(site.Root, "second");
        Assert.True(site.Build(first).Succeeded);
        Assert.True(site.Build(second).Succeeded);

        AssertSameSite(first, second, "two builds of the same input");
    }

    [Fact]
    public void A_rebuild_replaces_the_previous_site_and_leaves_no_temporary_folder()
    {
        using var site = new TestSite();
        Assert.True(site.Build().Succeeded);
        File.WriteAllText(Path.Combine(site.Output, "stale.html"), "old");
        Assert.True(site.Build().Succeeded);
        Assert.False(File.Exists(Path.Combine(site.Output, "stale.html")));
        // reports/ holds the readability report, beside the content folder by design (never in the site).
        Assert.Equal(["_site", "input", "reports"], Directory.EnumerateDirectories(site.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    /// <summary>Both folders hold a built site (the sheet's page among its files) with the same files, byte for byte.</summary>
    internal static void AssertSameSite(string expected, string actual, string between)
    {
        var files = Files(expected);
        Assert.Contains("fiches/cimentoplastie-metastases-osseuses/index.html", files);
        Assert.Equal(files, Files(actual));
        foreach (var file in files)
        {
            Assert.True(
                File.ReadAllBytes(Path.Combine(expected, file)).SequenceEqual(File.ReadAllBytes(Path.Combine(actual, file))),
                $"{file} differs between {between}");
        }
    }

    private static List<string> Files(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
}
