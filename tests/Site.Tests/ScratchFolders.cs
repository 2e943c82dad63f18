using System.Runtime.CompilerServices;

namespace FichesSite.Tests;

/// <summary>
/// Where the tests' temporary sites go: in memory (/dev/shm) when the machine has room there, before any test runs.
/// The tests build and delete thousands of small sites, and an ext4 file system without a journal (these machines')
/// skips every inode freed in the last minute or so each time it makes a file: in /tmp, the quick set spent more time
/// in the kernel than in the tests (docs/benchmarks.md, « The disk »). Every temporary folder of the tests and of the
/// programs they start comes from <see cref="Path.GetTempPath"/>, which reads TMPDIR; the folder made here is the
/// tests' own, and is removed when they end.
/// </summary>
internal static class ScratchFolders
{
    private const string Memory = "/dev/shm";

    // Docker gives containers a /dev/shm of 64 MB: too small for the browser and stress tests, which then stay on disk.
    private const long RoomNeeded = 2L * 1024 * 1024 * 1024;

    [ModuleInitializer]
    internal static void InMemoryWhenPossible()
    {
        if (!OperatingSystem.IsLinux() || !Directory.Exists(Memory) || Environment.GetEnvironmentVariable("TMPDIR") is { Length: > 0 })
        {
            return; // a TMPDIR chosen by whoever runs the tests is theirs to keep
        }
        try
        {
            if (new DriveInfo(Memory).AvailableFreeSpace < RoomNeeded)
            {
                return;
            }
            var scratch = Directory.CreateDirectory(Path.Combine(Memory, $"fiches-tests-{Environment.ProcessId}-{Guid.NewGuid():N}")).FullName;
            Environment.SetEnvironmentVariable("TMPDIR", scratch);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Remove(scratch);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No room or no right there: the tests run in the system's temporary folder, only slower.
        }
    }

    private static void Remove(string scratch)
    {
        try
        {
            Directory.Delete(scratch, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left in memory until the machine restarts; nothing else depends on it.
        }
    }
}
