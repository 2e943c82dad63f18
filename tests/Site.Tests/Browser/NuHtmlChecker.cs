using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;

namespace FichesSite.Tests.Browser;

/// <summary>The Nu Html Checker (vnu.jar, the W3C validator) run on files, errors only.</summary>
public static class NuHtmlChecker
{
    public sealed record Message(string File, int Line, string Text)
    {
        public override string ToString() => $"{File}:{Line}: {Text}";
    }

    /// <summary>Why the checker cannot run here (no vnu.jar, no java), or null.</summary>
    public static string? Missing()
    {
        if (!File.Exists(BrowserEnvironment.VnuJarPath))
        {
            return $"The Nu Html Checker is missing: no {BrowserEnvironment.VnuJarPath} (npm install --prefix tools vnu-jar).";
        }
        try
        {
            using var java = Process.Start(new ProcessStartInfo("java", "-version") { RedirectStandardError = true, RedirectStandardOutput = true })!;
            java.WaitForExit();
            return null;
        }
        catch (Win32Exception)
        {
            return "Java is missing: the Nu Html Checker needs java (17 or later) on the PATH.";
        }
    }

    /// <summary>Every error the checker reports on the given files, with the file named relative to <paramref name="root"/>.</summary>
    public static IReadOnlyList<Message> Errors(string root, IEnumerable<string> files)
    {
        var start = new ProcessStartInfo("java")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var argument in new[] { "-jar", BrowserEnvironment.VnuJarPath, "--errors-only", "--format", "json" }.Concat(files))
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        // vnu writes its JSON report on standard error.
        var report = errors.TrimStart().StartsWith('{') ? errors : output.Result;
        using var json = JsonDocument.Parse(report);
        return json.RootElement.GetProperty("messages").EnumerateArray()
            .Select(m => new Message(
                m.TryGetProperty("url", out var url) ? Relative(root, url.GetString()!) : "?",
                m.TryGetProperty("lastLine", out var line) ? line.GetInt32() : 0,
                m.GetProperty("message").GetString()!))
            .ToList();
    }

    // vnu names files « file:/tmp/x/index.html » (one slash), which System.Uri does not take.
    private static string Relative(string root, string url)
    {
        var path = url.StartsWith("file:", StringComparison.Ordinal) ? Uri.UnescapeDataString(url["file:".Length..]) : url;
        path = "/" + path.TrimStart('/');
        return Path.GetRelativePath(root, path).Replace('\\', '/');
    }
}
