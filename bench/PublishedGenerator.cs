using System.Runtime.InteropServices;

namespace FichesSite.Bench;

/// <summary>
/// The generator as it is shipped (native code, <c>dotnet publish Site.csproj -c Release -r linux-x64</c>), for the
/// benchmarks that run it as its own process. <c>BENCH_GENERATOR</c> names an already published one, to save the
/// publish (about 4 minutes); otherwise it is published into a folder of this benchmark's own.
/// </summary>
public static class PublishedGenerator
{
    public static string Find(string repository, string role)
    {
        if (Environment.GetEnvironmentVariable("BENCH_GENERATOR") is { Length: > 0 } given)
        {
            if (!File.Exists(given))
            {
                throw new InvalidOperationException($"BENCH_GENERATOR={given}: no such file");
            }
            Console.WriteLine($"generator: {given} (BENCH_GENERATOR)");
            return given;
        }
        var folder = Path.Combine(Path.GetTempPath(), $"fiches-bench-{role}-generator");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
        var publish = ChildProcess.Measure("dotnet", ["publish", Path.Combine(repository, "Site.csproj"), "-c", "Release", "-r", "linux-x64", "-o", folder]);
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet publish failed:\n" + publish.Output);
        }
        Console.WriteLine($"generator: {folder}/Site (dotnet publish Site.csproj -c Release -r linux-x64, native code)");
        return Path.Combine(folder, "Site");
    }

    /// <summary>A folder in memory when the machine has one (/dev/shm), which takes the disk out of the figures.</summary>
    public static string WorkFolder(string name)
    {
        var root = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        return Path.Combine(root, name);
    }

    /// <summary>A run of the program, with the processor time the kernel counted for it when it was reaped.</summary>
    public sealed record Timed(ChildProcess.Run Run, TimeSpan Cpu);

    /// <summary>
    /// <see cref="ChildProcess.Measure"/>, with processor time from <c>getrusage(RUSAGE_CHILDREN)</c> around it: exact
    /// to the microsecond, where polling /proc misses the last moments of a short run. Nothing else may end a child
    /// of this process meanwhile.
    /// </summary>
    public static Timed Measure(string program, IEnumerable<string> arguments)
    {
        var before = ChildrenCpu();
        var run = ChildProcess.Measure(program, arguments);
        return new Timed(run, ChildrenCpu() - before);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Usage
    {
        public long UserSeconds, UserMicroseconds, SystemSeconds, SystemMicroseconds;
        // The rest of struct rusage: 14 longs.
        public long R0, R1, R2, R3, R4, R5, R6, R7, R8, R9, R10, R11, R12, R13;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int getrusage(int who, out Usage usage);

    private static TimeSpan ChildrenCpu()
    {
        const int Children = -1;
        if (getrusage(Children, out var usage) != 0)
        {
            throw new InvalidOperationException("getrusage failed");
        }
        return TimeSpan.FromSeconds(usage.UserSeconds + usage.SystemSeconds) + TimeSpan.FromMicroseconds(usage.UserMicroseconds + usage.SystemMicroseconds);
    }

    /// <summary>The first figure of /proc/loadavg.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    /// <summary>Copies a folder (the repository's content) into another.</summary>
    public static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
