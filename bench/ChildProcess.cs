using System.Diagnostics;

namespace FichesSite.Bench;

/// <summary>
/// Runs a program, timing it and following its peak memory (VmHWM) and processor time (user + system)
/// from /proc, polled every 20 ms. Processor time is what to compare when other work shares the
/// machine: a loaded machine stretches wall time far more than the work a program does.
/// </summary>
public static class ChildProcess
{
    public sealed record Run(TimeSpan Wall, long PeakBytes, string Output, int ExitCode, TimeSpan Cpu);

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
        var cpu = TimeSpan.Zero;
        while (!process.WaitForExit(20))
        {
            peak = Math.Max(peak, HighWaterMark(process.Id));
            cpu = Max(cpu, ProcessorTime(process.Id));
        }
        clock.Stop();
        return new Run(clock.Elapsed, peak, output.Result + errors.Result, process.ExitCode, cpu);
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

    // utime and stime, fields 14 and 15 of /proc/<pid>/stat, in clock ticks of 10 ms (after the name in parentheses, which may hold spaces).
    private static TimeSpan ProcessorTime(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return TimeSpan.FromMilliseconds((long.Parse(fields[11]) + long.Parse(fields[12])) * 10);
        }
        catch (Exception e) when (e is IOException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return TimeSpan.Zero; // the process has just ended
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    public static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, program)));
}
