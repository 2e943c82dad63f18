using System.Diagnostics;
using FichesSite.Build;
using FichesSite.Package;

namespace FichesSite.Tests.Package;

/// <summary>
/// The repository's content built once for the package tests: the public site twice (two builds of the same input, at
/// two moments) and the intranet site; each test packages them into its own folder, and copies a site before changing it.
/// </summary>
public sealed class PackagedSites : IDisposable
{
    /// <summary>SOURCE_DATE_EPOCH of the tests: the tests' day (<see cref="TestSite.Today"/>), 2026-06-01 at midnight UTC.</summary>
    public const string Epoch = "1780272000";

    public const string Commit = "abcdef0123456789abcdef0123456789abcdef01";

    public PackagedSites()
    {
        Public = Path.Combine(Site.Root, "public");
        PublicAgain = Path.Combine(Site.Root, "public-again");
        Intranet = Path.Combine(Site.Root, "intranet");
        PublicResult = Build(Public, Pipeline.BuildTarget.Public);
        AgainResult = Build(PublicAgain, Pipeline.BuildTarget.Public);
        IntranetResult = Build(Intranet, Pipeline.BuildTarget.Intranet);
    }

    public TestSite Site { get; } = new();

    public string Public { get; }
    public string PublicAgain { get; }
    public string Intranet { get; }
    public BuildResult PublicResult { get; }
    public BuildResult AgainResult { get; }
    public BuildResult IntranetResult { get; }

    /// <summary>A new folder of this fixture, for one test's package or copy of a site.</summary>
    public string NewFolder(string name) => Path.Combine(Site.Root, "t-" + Guid.NewGuid().ToString("N")[..8], name);

    /// <summary>A copy of a built site, files and folders, for a test that changes it.</summary>
    public string CopyOf(string site)
    {
        var copy = NewFolder("_site");
        foreach (var folder in Directory.EnumerateDirectories(site, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(copy, Path.GetRelativePath(site, folder)));
        }
        TestSite.CopyDirectory(site, copy);
        return copy;
    }

    /// <summary>Runs the command as the command line does, with this environment instead of the process's.</summary>
    public static (int ExitCode, string Output, string Errors) Package(
        string site, string to, string? version = null, string? epoch = Epoch, string? githubSha = Commit, string? localCommit = null)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = PackageCommand.Run(new PackageRequest(site, to, version, new PackageEnvironment(epoch, githubSha, () => localCommit)), output, errors);
        return (code, output.ToString(), errors.ToString());
    }

    /// <summary>The package's files by name, as bytes.</summary>
    public static SortedDictionary<string, byte[]> Files(string folder) =>
        new(Directory.EnumerateFiles(folder).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes), StringComparer.Ordinal);

    /// <summary>The path of a program on the PATH, or null.</summary>
    public static string? Program(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);

    /// <summary>Runs a program to its end in a folder; its exit code and output.</summary>
    public static (int ExitCode, string Output) RunIn(string folder, string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), $"{program} did not end");
        return (process.ExitCode, stdout.Result + stderr);
    }

    private BuildResult Build(string output, Pipeline.BuildTarget target)
    {
        var result = SiteBuilder.Build(new BuildOptions(Site.Input, Site.Theme, output, Today: TestSite.Today) { Target = target });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result;
    }

    public void Dispose() => Site.Dispose();
}
