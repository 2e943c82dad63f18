using System.Diagnostics;
using FichesSite.Build;
using FichesSite.Serve;

namespace FichesSite.Bench;

/// <summary>
/// The preview on an N-sheet site: one sheet edited, timed from the file's save to the reload
/// message the server sends to open pages. Several edits; the median is the figure.
/// </summary>
public static class ServeBenchmark
{
    private const int Edits = 9;

    public static async Task Run(string repository, int size)
    {
        var work = Path.Combine(Path.GetTempPath(), $"fiches-serve-bench-{size}");
        var input = Path.Combine(work, "input");
        Corpus.Write(repository, input, size);
        var reloaded = new SemaphoreSlim(0);
        var clock = new Stopwatch();
        var timings = new List<double>();
        Corpus.RemoveUnmarkedSite(Path.Combine(work, "_site"));
        var options = new BuildOptions(input, Path.Combine(repository, "theme"), Path.Combine(work, "_site"));
        await using var server = await PreviewServer.StartAsync(options, 18500, line =>
        {
            if (line.Contains("rechargement", StringComparison.Ordinal) && clock.IsRunning)
            {
                timings.Add(clock.Elapsed.TotalMilliseconds);
                clock.Reset();
                reloaded.Release();
            }
        });
        Console.WriteLine($"{size} fiches; first build done; editing {Corpus.Name(size / 2)}.md {Edits} times");
        var sheet = Corpus.SheetPath(input, size / 2);
        // The process's processor time over each edit, which a loaded machine stretches far less than the time on the
        // clock: between edits the preview is idle, so it is the rebuild's (and the watcher's).
        var processors = new List<double>();
        var process = Process.GetCurrentProcess();
        for (var edit = 0; edit < Edits; edit++)
        {
            await Task.Delay(300); // let the watcher settle between edits
            process.Refresh();
            var before = process.TotalProcessorTime;
            clock.Restart();
            File.AppendAllText(sheet, $"\nModification d’essai n° {edit}.\n");
            if (!await reloaded.WaitAsync(TimeSpan.FromSeconds(30)))
            {
                throw new TimeoutException("no reload message");
            }
            process.Refresh();
            processors.Add((process.TotalProcessorTime - before).TotalMilliseconds);
        }
        Console.WriteLine("stages of the last rebuild:");
        foreach (var stage in server.LastBuild!.Timings)
        {
            Console.WriteLine($"  {stage.Stage,-28} {stage.Elapsed.TotalMilliseconds,7:0} ms");
        }
        timings.Sort();
        Console.WriteLine($"save → reload message: median {timings[timings.Count / 2]:0} ms, min {timings[0]:0} ms, max {timings[^1]:0} ms (includes the watcher's 30 ms quiet period)");
        processors.Sort();
        Console.WriteLine($"processor time per edit: median {processors[processors.Count / 2]:0} ms, min {processors[0]:0} ms, max {processors[^1]:0} ms (load average {PublishedGenerator.LoadAverage()})");
    }
}
