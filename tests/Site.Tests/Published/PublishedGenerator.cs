using System.Diagnostics;
using FichesSite.Tests.Browser;

namespace FichesSite.Tests.Published;

/// <summary>
/// The generator as the Pages workflow publishes it (`dotnet publish Site.csproj -c Release -r linux-x64`): native code
/// compiled ahead of time, where what the JIT allows (reflection over members, code made at run time) may fail only
/// there. The other tests run the generator's code on the JIT; these run the published file, as its own process.
/// .ci/run and the workflow publish it and name it in FICHES_PUBLISHED_GENERATOR; without it the tests skip locally
/// and fail in CI (CI=true), like the browser tests.
/// </summary>
public static class PublishedGenerator
{
    public static string? Path =>
        Environment.GetEnvironmentVariable("FICHES_PUBLISHED_GENERATOR") is { Length: > 0 } path ? path : null;

    /// <summary>The published generator's path; skips locally, or fails in CI, when there is none.</summary>
    public static string Require()
    {
        BrowserEnvironment.Require(Path switch
        {
            null => "FICHES_PUBLISHED_GENERATOR is not set: publish the generator first " +
                "(`dotnet publish Site.csproj -c Release -r linux-x64 -o /tmp/generator`, then FICHES_PUBLISHED_GENERATOR=/tmp/generator/Site).",
            var path when !File.Exists(path) => $"FICHES_PUBLISHED_GENERATOR names {path}, which does not exist.",
            _ => null,
        });
        return Path!;
    }

    /// <summary>Runs the published generator to its end, with the test date as the build's date.</summary>
    public static (int ExitCode, string Output) Run(params string[] arguments) => RunWith(new Dictionary<string, string>(), arguments);

    /// <summary>Runs the published generator to its end with these environment variables set as well.</summary>
    public static (int ExitCode, string Output) RunWith(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = StartInfo(arguments);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the published generator did not end within 2 minutes: {string.Join(' ', arguments)}");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    /// <summary>Starts the published generator and leaves it running (for `serve`); its output is read by the caller.</summary>
    public static Process Start(params string[] arguments) => Process.Start(StartInfo(arguments))!;

    private static ProcessStartInfo StartInfo(string[] arguments)
    {
        var start = new ProcessStartInfo(Require())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["SOURCE_DATE_EPOCH"] = new DateTimeOffset(TestSite.Today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
            .ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        return start;
    }
}
