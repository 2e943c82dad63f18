using System.Diagnostics;

namespace FichesSite.Bench;

/// <summary>Runs a program, timing it and following its peak memory (VmHWM from /proc, polled).</summary>
public static class ChildProcess
{
    public sealed record Run(TimeSpan Wall, long PeakBytes, string Output, int ExitCode);

    public static Run Measure(string program, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory ?? "" };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        long peak = 0;
        while (!process.WaitForExit(20))
        {
            peak = Math.Max(peak, HighWaterMark(process.Id));
        }
        clock.Stop();
        return new Run(clock.Elapsed, peak, output.Result + errors.Result, process.ExitCode);
    }

    // The kernel's own peak resident size of the process so far, in bytes.
    private static long HighWaterMark(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        }
        catch (IOException)
        {
            return 0; // the process has just ended
        }
    }

    public static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, program)));
}
