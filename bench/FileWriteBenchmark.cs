using System.Diagnostics;

namespace FichesSite.Bench;

/// <summary>
/// What writing a site's files costs the system, the way the build writes them: N folders with a page (16 KB) and
/// a print style sheet (300 bytes) each, opened with <c>FileMode.Create</c> (as <c>File.WriteAllBytes</c> does, which
/// .NET follows with an <c>ftruncate</c>) or with <c>FileMode.CreateNew</c> (as <c>OutputFolder.WriteNewFile</c>
/// does). Alternated rounds, each into a folder of its own; nothing is deleted before a measured round, and the
/// folders of earlier runs only once this one is done (see <see cref="QuietFiles"/>).
/// </summary>
public static class FileWriteBenchmark
{
    private const int Rounds = 3;

    public static void Run(int folders)
    {
        var work = Path.Combine(Path.GetTempPath(), "fiches-bench-files");
        var thisRun = QuietFiles.NewRunName();
        var page = new byte[16_000];
        new Random(20261127).NextBytes(page);
        var stylesheet = new byte[300];
        var process = Process.GetCurrentProcess();
        for (var round = 1; round <= Rounds; round++)
        {
            foreach (var mode in new[] { FileMode.Create, FileMode.CreateNew })
            {
                var root = Path.Combine(work, thisRun, $"{mode}-{round}");
                process.Refresh();
                var (total, system) = (process.TotalProcessorTime, process.PrivilegedProcessorTime);
                var clock = Stopwatch.StartNew();
                for (var i = 0; i < folders; i++)
                {
                    var folder = Directory.CreateDirectory(Path.Combine(root, "fiches", Corpus.Name(i))).FullName;
                    Write(Path.Combine(folder, "index.html"), page, mode);
                    Write(Path.Combine(folder, "print-page.css"), stylesheet, mode);
                }
                clock.Stop();
                process.Refresh();
                Console.WriteLine($"{mode,-10} {folders} folders, {2 * folders} files: {clock.Elapsed.TotalSeconds:0.00} s wall, "
                    + $"processor {(process.TotalProcessorTime - total).TotalSeconds:0.00} s, of which system {(process.PrivilegedProcessorTime - system).TotalSeconds:0.00} s");
            }
        }
        QuietFiles.DeleteEarlierRuns(work, thisRun);
    }

    private static void Write(string path, byte[] bytes, FileMode mode)
    {
        using var file = File.OpenHandle(path, mode, FileAccess.Write);
        RandomAccess.Write(file, bytes, 0);
    }
}
