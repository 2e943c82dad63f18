using FichesSite.Search;

namespace FichesSite.Bench;

/// <summary>
/// Full builds of N synthetic sheets with the generator as its own process (start-up included), the Markdig-only
/// floor (parse, render, write on all cores, nothing else; its own program, bench/MarkdigFloor, published and run the
/// same way), and Hugo on the same Markdown when it is installed. Ratios are what to compare: the machine is shared
/// and noisy.
/// </summary>
public static class BuildBenchmark
{
    public static void Run(string repository, IReadOnlyList<int> sizes)
    {
        var site = PublishGenerator(repository);
        var markdig = PublishFloor(repository);
        var hugo = ChildProcess.OnPath("hugo");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; hugo: {(hugo ? "yes" : "not installed")}");
        // BENCH_ROUNDS=3 runs each size three times, ours and Hugo one after the other each round, so that a
        // burst of load from elsewhere falls on both; the last line gives the ratio of each tool's best round.
        var rounds = int.TryParse(Environment.GetEnvironmentVariable("BENCH_ROUNDS"), out var r) && r > 0 ? r : 1;
        // Every round writes into folders of its own, and the outputs of the previous benchmark are deleted only once
        // this one has measured everything: a build made just after tens of thousands of files were deleted pays for
        // it in the kernel here (QuietFiles), and the round that followed a deletion used to be up to twice as slow.
        var thisRun = QuietFiles.NewRunName();
        var works = new List<string>();
        // BENCH_CORPORA=synthetic or =zipf runs one corpus; both by default.
        var corpora = (Environment.GetEnvironmentVariable("BENCH_CORPORA") ?? "synthetic,zipf").Split(',', StringSplitOptions.RemoveEmptyEntries);
        var zipf = corpora.Contains("zipf") ? ZipfCorpus.Load() : null;
        var perWord = new List<(string Corpus, int Size, long Words, IReadOnlyDictionary<string, double> StageMs)>();
        foreach (var (corpus, size) in corpora.SelectMany(c => sizes.Select(s => (c, s))))
        {
            var work = Path.Combine(Path.GetTempPath(), corpus == "zipf" ? $"fiches-bench-zipf-{size}" : $"fiches-bench-{size}");
            works.Add(work);
            var input = Path.Combine(work, "input");
            Corpus.Write(repository, input, size, corpus == "zipf" ? zipf : null);
            var words = CountWords(Path.Combine(input, "fiches"));
            var pages = size + 4;
            Console.WriteLine();
            Console.WriteLine($"#### corpus « {corpus} », {size} fiches: {words:N0} words, {CountDistinct(Path.Combine(input, "fiches")):N0} distinct{(corpus == "zipf" ? $" (Zipf's law over {zipf!.Vocabulary:N0} forms)" : "")}");
            var bestStages = (Wall: TimeSpan.MaxValue, Stages: (IReadOnlyDictionary<string, double>)new Dictionary<string, double>());
            var best = (Ours: TimeSpan.MaxValue, Hugo: TimeSpan.MaxValue, OursCpu: TimeSpan.MaxValue, HugoCpu: TimeSpan.MaxValue);
            for (var round = 1; round <= rounds; round++)
            {
                // Both tools start without an output folder: ours would otherwise also delete the last run's site.
                var outputs = Path.Combine(work, thisRun, $"round-{round}");
                var ours = ChildProcess.Measure(site, ["--input", input, "--theme", Path.Combine(repository, "theme"), "--output", Path.Combine(outputs, "_site"), "--timings"]);
                if (ours.ExitCode != 0)
                {
                    throw new InvalidOperationException("the build failed:\n" + ours.Output);
                }
                var floor = ChildProcess.Measure(markdig, [input, Path.Combine(outputs, "markdig")]);
                if (floor.ExitCode != 0)
                {
                    throw new InvalidOperationException("the Markdig floor failed:\n" + floor.Output);
                }
                Console.WriteLine();
                Console.WriteLine($"== {corpus}, {size} fiches ({pages} pages){(rounds > 1 ? $", round {round} of {rounds}" : "")}  (load average {LoadAverage()})");
                Console.WriteLine($"  ours          {Seconds(ours.Wall)}  {pages / ours.Wall.TotalSeconds,7:0} pages/s  {ours.Wall.TotalMilliseconds / pages,6:0.00} ms/page  peak {Megabytes(ours.PeakBytes)}  processor {Seconds(ours.Cpu)}");
                foreach (var line in ours.Output.Split('\n').Where(l => l.StartsWith("  ", StringComparison.Ordinal)))
                {
                    Console.WriteLine("    " + line.Trim());
                }
                Console.WriteLine($"  markdig floor {Seconds(floor.Wall)}  peak {Megabytes(floor.PeakBytes)}  processor {Seconds(floor.Cpu)}  (parse + render + write on all cores, its own process)");
                Console.WriteLine($"  ours / floor  {ours.Wall / floor.Wall:0.00}   processor ours / floor {ours.Cpu / floor.Cpu:0.00}");
                best = (Min(best.Ours, ours.Wall), best.Hugo, Min(best.OursCpu, ours.Cpu), best.HugoCpu);
                if (ours.Wall < bestStages.Wall)
                {
                    bestStages = (ours.Wall, StageTimes(ours.Output));
                }
                if (hugo)
                {
                    var theirs = Hugo(work, input, Path.Combine(outputs, "hugo-public"));
                    Console.WriteLine($"  hugo          {Seconds(theirs.Wall)}  peak {Megabytes(theirs.PeakBytes)}  processor {Seconds(theirs.Cpu)}");
                    Console.WriteLine($"  ours / hugo   {ours.Wall / theirs.Wall:0.00}   memory ours / hugo {(double)ours.PeakBytes / theirs.PeakBytes:0.00}   processor ours / hugo {ours.Cpu / theirs.Cpu:0.00}");
                    best = (best.Ours, Min(best.Hugo, theirs.Wall), best.OursCpu, Min(best.HugoCpu, theirs.Cpu));
                }
                Console.WriteLine($"  site size     {Megabytes(FolderBytes(Path.Combine(outputs, "_site")))}");
                Console.WriteLine($"  search index  {SearchIndexSize(Path.Combine(outputs, "_site"))}");
            }
            if (rounds > 1 && hugo)
            {
                Console.WriteLine($"  best rounds   ours {Seconds(best.Ours)}, hugo {Seconds(best.Hugo)}: ours / hugo {best.Ours / best.Hugo:0.00}; processor ours / hugo {best.OursCpu / best.HugoCpu:0.00}");
            }
            perWord.Add((corpus, size, words, bestStages.Stages));
        }
        PrintPerWord(perWord);
        foreach (var work in works)
        {
            QuietFiles.DeleteEarlierRuns(work, thisRun);
            // The outputs of the versions of this benchmark that wrote beside the input.
            foreach (var legacy in new[] { "_site", "hugo-public", "markdig" }.Select(o => Path.Combine(work, o)).Where(Directory.Exists))
            {
                Directory.Delete(legacy, recursive: true);
            }
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    // Words as the sheets' text has them, split at white space: the unit of every per-word cost.
    private static long CountWords(string sheets) =>
        Directory.EnumerateFiles(sheets, "*.md").Sum(f => (long)File.ReadAllText(f).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length);

    private static int CountDistinct(string sheets) =>
        Directory.EnumerateFiles(sheets, "*.md").SelectMany(f => File.ReadAllText(f).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .Select(w => w.Trim('.', ',', '?', '(', ')').ToLowerInvariant()).Distinct(StringComparer.Ordinal).Count();

    // The « name  N ms » lines that --timings prints, by stage.
    private static Dictionary<string, double> StageTimes(string output)
    {
        var stages = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in output.Split('\n'))
        {
            var match = System.Text.RegularExpressions.Regex.Match(line, @"^\s+(?<name>[a-z][a-z +]*?)\s+(?<ms>\d+) ms");
            if (match.Success)
            {
                var name = match.Groups["name"].Value.Trim();
                stages[name] = stages.GetValueOrDefault(name) + double.Parse(match.Groups["ms"].Value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        return stages;
    }

    // Each stage's time per word in the best round of each corpus, side by side at each size: a cost that grows with
    // the vocabulary, not with the text, shows as a ratio far above 1.
    private static void PrintPerWord(List<(string Corpus, int Size, long Words, IReadOnlyDictionary<string, double> StageMs)> runs)
    {
        foreach (var size in runs.Select(r => r.Size).Distinct())
        {
            var synthetic = runs.FirstOrDefault(r => r.Size == size && r.Corpus == "synthetic");
            var zipf = runs.FirstOrDefault(r => r.Size == size && r.Corpus == "zipf");
            if (synthetic.StageMs is null || zipf.StageMs is null)
            {
                continue;
            }
            Console.WriteLine();
            Console.WriteLine($"== per word, {size} fiches (best rounds; page stages summed over threads): ns per word, synthetic / zipf, and zipf ÷ synthetic");
            foreach (var stage in synthetic.StageMs.Keys.Where(zipf.StageMs.ContainsKey))
            {
                var a = synthetic.StageMs[stage] * 1e6 / synthetic.Words;
                var b = zipf.StageMs[stage] * 1e6 / zipf.Words;
                Console.WriteLine($"  {stage,-28} {a,8:0.0} {b,8:0.0}   {(a > 0 ? b / a : 0),5:0.00}");
            }
        }
    }

    // The first figure of /proc/loadavg: how busy the shared machine was, to read the figures by.
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    // The generator as a hospital would run it in production, and as the Pages workflow runs it: published in Release,
    // native code compiled ahead of time (PublishAot in Site.csproj). The ReadyToRun image it replaced still spent some
    // 2 s of processor time in the JIT at 10,000 sheets (docs/benchmarks.md). Publishing takes about 4 minutes.
    private static string PublishGenerator(string repository) => PublishNative(repository, "Site.csproj", "Site", "generator");

    // The Markdig-only floor, published the same way (bench/MarkdigFloor): measured as its own process, like the
    // generator and Hugo, with its start-up, peak memory and processor time. Publishing takes some 20 seconds.
    private static string PublishFloor(string repository) =>
        PublishNative(repository, Path.Combine("bench", "MarkdigFloor", "MarkdigFloor.csproj"), "MarkdigFloor", "floor");

    private static string PublishNative(string repository, string project, string program, string role)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"fiches-bench-{role}");
        var projectFolder = Path.GetDirectoryName(Path.Combine(repository, project))!;
        // Also the intermediate files of earlier linux-x64 publishes, which may come from another way of publishing
        // (an incremental publish that mixed two of them once gave a generator that aborted at start).
        foreach (var stale in new[] { folder, Path.Combine(projectFolder, "obj", "Release", "net10.0", "linux-x64"), Path.Combine(projectFolder, "bin", "Release", "net10.0", "linux-x64") })
        {
            if (Directory.Exists(stale))
            {
                Directory.Delete(stale, recursive: true);
            }
        }
        var publish = ChildProcess.Measure("dotnet", ["publish", Path.Combine(repository, project), "-c", "Release", "-r", "linux-x64", "-o", folder]);
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet publish failed:\n" + publish.Output);
        }
        Console.WriteLine($"{role}: {folder}/{program} (dotnet publish {project} -c Release -r linux-x64, native code)");
        return Path.Combine(folder, program);
    }

    // Hugo with a one-file layout: it parses the same front matter and Markdown, and writes one page per sheet. Its
    // copy of the sheets is kept from round to round (QuietFiles), as our input is.
    private static ChildProcess.Run Hugo(string work, string input, string destination)
    {
        var root = Path.Combine(work, "hugo");
        var sheets = Directory.EnumerateFiles(Path.Combine(input, "fiches")).ToList();
        foreach (var file in sheets)
        {
            QuietFiles.Copy(file, Path.Combine(root, "content", "fiches", Path.GetFileName(file)));
        }
        QuietFiles.RemoveOthers(Path.Combine(root, "content", "fiches"), sheets.Select(Path.GetFileName).ToHashSet()!);
        var layouts = Path.Combine(root, "layouts", "_default");
        const string page = "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head><body><main>{{ .Content }}</main></body></html>\n";
        QuietFiles.Write(Path.Combine(layouts, "single.html"), page);
        QuietFiles.Write(Path.Combine(layouts, "list.html"), "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head><body><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n");
        QuietFiles.Write(Path.Combine(root, "hugo.toml"), "baseURL = 'https://exemple.invalid/'\nlanguageCode = 'fr'\ndisableKinds = ['taxonomy', 'term', 'RSS']\n");
        var run = ChildProcess.Measure("hugo", ["--quiet", "--source", root, "--destination", destination]);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException("hugo failed:\n" + run.Output);
        }
        return run;
    }

    // What the build wrote for search: the script the search page loads, and the chunks of terms and blocks of sections
    // it loads for what is searched (only past a size, SearchIndex.ToFiles).
    private static string SearchIndexSize(string site)
    {
        var script = new FileInfo(Path.Combine(site, SearchIndexStage.ScriptPath)).Length;
        var parts = Path.Combine(site, Path.GetDirectoryName(SearchIndex.ChunkPath("a"))!);
        var files = Directory.Exists(parts) ? Directory.GetFiles(parts) : [];
        return $"{script / 1024.0 / 1024.0:0.0} MB loaded by the search page, {Megabytes(files.Sum(f => new FileInfo(f).Length))} "
            + $"in {files.Length} chunks and blocks loaded for what is searched";
    }

    private static long FolderBytes(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);

    private static string Seconds(TimeSpan time) => $"{time.TotalSeconds,7:0.00} s";

    private static string Megabytes(long bytes) => $"{bytes / 1024.0 / 1024.0:0} MB";
}
