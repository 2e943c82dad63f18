using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace FichesSite.Package;

/// <summary>
/// What the package takes from outside the site: SOURCE_DATE_EPOCH and GITHUB_SHA, and the commit of the working
/// folder's repository. Handed to the command rather than read by it, so that tests give their own without touching
/// the process's environment, which tests running side by side share.
/// </summary>
/// <param name="SourceDateEpoch">The reproducible-builds convention: the date, in seconds since 1970, to write instead of the build's.</param>
/// <param name="GitHubSha">The commit a GitHub workflow runs on.</param>
/// <param name="LocalCommit">Finds the commit when GITHUB_SHA is not set; null when unknown.</param>
public sealed record PackageEnvironment(string? SourceDateEpoch, string? GitHubSha, Func<string?> LocalCommit)
{
    public static PackageEnvironment FromProcess() =>
        new(Variable("SOURCE_DATE_EPOCH"), Variable("GITHUB_SHA"), () => PackageStamp.GitCommit(Environment.CurrentDirectory));

    // Set but empty is taken as not set, as most tools of the convention do.
    private static string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}

/// <summary>The package's date, commit and default version.</summary>
public static class PackageStamp
{
    /// <summary>The date SOURCE_DATE_EPOCH gives, or null when it is not a whole number of seconds a date can have.</summary>
    public static DateTimeOffset? FromEpoch(string value) => Build.BuildDate.FromEpoch(value);

    /// <summary>
    /// When the site was built: its mark's last write, to the second. Every build writes the mark first, into the folder
    /// that becomes the site, and nothing writes it again (the preview's updates leave it as the first build wrote it).
    /// </summary>
    public static DateTimeOffset FromMark(string markPath)
    {
        var written = new DateTimeOffset(File.GetLastWriteTimeUtc(markPath), TimeSpan.Zero);
        return DateTimeOffset.FromUnixTimeSeconds(written.ToUnixTimeSeconds());
    }

    /// <summary>ISO 8601 in UTC, to the second: « 2026-06-01T00:00:00Z ».</summary>
    public static string Iso(DateTimeOffset date) => date.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The version when none is given: the build's day, then the commit's first 7 characters when it is known.</summary>
    public static string DefaultVersion(DateTimeOffset date, string? commit)
    {
        var day = date.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return commit is null ? day : $"{day}-{commit[..7]}";
    }

    /// <summary>True for a full commit id as git prints it: 40 (SHA-1) or 64 (SHA-256) lowercase hexadecimal characters.</summary>
    public static bool IsCommit(string value) => value.Length is 40 or 64 && value.All(c => char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c));

    // git answers at once; one stuck (a network file system, a lock) is not waited for: the commit is then unknown.
    private static readonly TimeSpan GitTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The commit checked out in the repository that holds <paramref name="folder"/> (« git rev-parse », which knows
    /// worktrees, packed references and every reference format), or null: no git, no repository, no commit yet, or no
    /// answer in time. Reads only: no lock is taken, no prompt is shown.
    /// </summary>
    public static string? GitCommit(string folder)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "rev-parse", "--verify", "--quiet", "HEAD^{commit}" })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["GIT_OPTIONAL_LOCKS"] = "0";
        try
        {
            using var git = Process.Start(start);
            if (git is null)
            {
                return null;
            }
            git.StandardInput.Close();
            var answer = git.StandardOutput.ReadToEndAsync();
            _ = git.StandardError.ReadToEndAsync(); // read, so that a long message cannot fill the pipe and stop git
            if (!git.WaitForExit(GitTimeout) || !answer.Wait(GitTimeout))
            {
                try
                {
                    git.Kill(entireProcessTree: true);
                }
                catch (Exception e) when (e is InvalidOperationException or Win32Exception)
                {
                    // ended meanwhile
                }
                return null;
            }
            var commit = answer.Result.Trim();
            return git.ExitCode == 0 && IsCommit(commit) ? commit : null;
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException or IOException)
        {
            return null; // no git on this machine, or it could not be started
        }
    }
}
