namespace FichesSite.Bench;

/// <summary>
/// Issue 24's start target: the published generator builds the repository's 7-page input/ N times, each run its own
/// process into a fresh output folder (in memory when /dev/shm exists), so what is timed is mostly starting:
/// the process, the configuration, the theme's templates, the first use of each library.
/// </summary>
public static class StartBenchmark
{
    public static void Run(string repository, int runs)
    {
        var site = PublishedGenerator.Find(repository, "start");
        var work = PublishedGenerator.WorkFolder("fiches-bench-start");
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }
        // A copy, so the review report the build writes beside its content folder lands here, not in the repository.
        var input = Path.Combine(work, "input");
        PublishedGenerator.CopyFolder(Path.Combine(repository, "input"), input);
        var arguments = (string output) => new[] { "--input", input, "--theme", Path.Combine(repository, "theme"), "--output", output, "--timings" };

        Console.WriteLine($"{runs} builds of input/ (load average {PublishedGenerator.LoadAverage()})");
        PublishedGenerator.Measure(site, arguments(Path.Combine(work, "warm-up"))); // the program's file into the page cache
        var measured = new List<PublishedGenerator.Timed>();
        var helps = new List<PublishedGenerator.Timed>();
        for (var i = 0; i < runs; i++)
        {
            // Alternated with the builds: the same process printing its help, the runtime's start and the command line
            // without a build.
            helps.Add(PublishedGenerator.Measure(site, ["--help"]));
            var timed = PublishedGenerator.Measure(site, arguments(Path.Combine(work, $"out-{i}")));
            if (timed.Run.ExitCode != 0)
            {
                throw new InvalidOperationException("the build failed:\n" + timed.Run.Output);
            }
            measured.Add(timed);
        }
        Print("build of input/", measured);
        Print("--help alone", helps);
        Console.WriteLine($"  peak of a build {measured.Max(m => m.Run.PeakBytes) / 1024.0 / 1024.0:0} MB at most (VmHWM polled every 20 ms)");
        Console.WriteLine($"  (load average {PublishedGenerator.LoadAverage()})");
        var median = measured.OrderBy(m => m.Run.Wall).ElementAt(measured.Count / 2);
        Console.WriteLine();
        Console.WriteLine($"--timings of the median run ({median.Run.Wall.TotalMilliseconds:0} ms):");
        foreach (var line in median.Run.Output.Split('\n').Where(l => l.Length > 0 && !l.Contains("erreur", StringComparison.Ordinal)))
        {
            Console.WriteLine("  " + line);
        }
        Directory.Delete(work, recursive: true);
    }

    private static void Print(string what, List<PublishedGenerator.Timed> runs)
    {
        var walls = runs.Select(m => m.Run.Wall.TotalMilliseconds).Order().ToList();
        var cpus = runs.Select(m => m.Cpu.TotalMilliseconds).Order().ToList();
        Console.WriteLine($"  {what,-16} wall       median {Median(walls),5:0} ms   min {walls[0],5:0} ms   max {walls[^1],5:0} ms");
        Console.WriteLine($"  {"",-16} processor  median {Median(cpus),5:0} ms   min {cpus[0],5:0} ms   max {cpus[^1],5:0} ms   (user + system, getrusage)");
    }

    private static double Median(List<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}
