using FichesSite.Content;
using FichesSite.Tests;

namespace FichesSite.Bench;

/// <summary>
/// Issue 24's worst cases: the repository's content plus one hostile page (tests/Site.Tests/Build/HostilePages.cs, the
/// pages the bounded-resources tests build), each built by the published generator as its own process, at an eighth,
/// a quarter, half and all of its size. A cost that follows the text doubles with it; a quadratic one shows as ×4 per doubling.
/// The ratios are of what each page adds to the build of the content alone, measured in the same rounds.
/// </summary>
public static class WorstCaseBenchmark
{
    // A page of its own, or text added at the end of the repository's sheet, which goes through every stage of a sheet.
    private sealed record Case(string Name, int Size, Func<int, string> Body, bool OnSheet = false);

    private const string Sheet = "fiches/cimentoplastie-metastases-osseuses.md";

    // Ordinary text fills a page to just under the size a page may have; the others have 80,000 of one thing.
    private static readonly int PageBytes = (int)ReadSources.MaxFileBytes - 200;

    // The two costliest of the seven units of the tests' blocks of signs, when all were timed side by side.
    private static readonly Case[] Cases =
    [
        new("page de 1 Mo (texte ordinaire)", PageBytes, bytes => HostilePages.OrdinaryText(bytes)),
        new("fiche de 1 Mo (texte ordinaire)", PageBytes - 8 * 1024, bytes => HostilePages.OrdinaryText(bytes, headingLevel: 3), OnSheet: true),
        new("paragraphe de 1 Mo", PageBytes, bytes => HostilePages.OrdinaryText(bytes, oneParagraph: true)),
        .. new[] { "*a* ", "*a " }.Select(unit => new Case($"blocs de signes « {unit.Trim()} »", PageBytes, bytes => HostilePages.SignBlocks(unit, bytes))),
        new("titres", 80_000, HostilePages.Headings),
        new("liens valides", 80_000, HostilePages.Links),
        new("ancres cassées", 80_000, HostilePages.BrokenAnchors),
        new("éléments de liste", 80_000, HostilePages.ListItems),
    ];

    private static readonly int[] Fractions = [8, 4, 2, 1];

    public static void Run(string repository, IReadOnlyCollection<string> only)
    {
        var rounds = int.TryParse(Environment.GetEnvironmentVariable("BENCH_ROUNDS"), out var r) ? r : 3;
        var site = PublishedGenerator.Find(repository, "worst");
        var work = PublishedGenerator.WorkFolder("fiches-bench-worst");
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }
        var cases = Cases.Where(c => only.Count == 0 || only.Any(o => c.Name.Contains(o, StringComparison.Ordinal))).ToList();
        var inputs = new Dictionary<(string, int), (string Input, int Bytes)>();
        var baseline = Path.Combine(work, "contenu", "input");
        PublishedGenerator.CopyFolder(Path.Combine(repository, "input"), baseline);
        foreach (var c in cases)
        {
            foreach (var fraction in Fractions)
            {
                var n = c.Size / fraction;
                var input = Path.Combine(work, $"cas-{cases.IndexOf(c)}-{n}", "input");
                PublishedGenerator.CopyFolder(Path.Combine(repository, "input"), input);
                var file = Path.Combine(input, c.OnSheet ? Sheet : Path.Combine("pages", "essai.md"));
                if (c.OnSheet)
                {
                    File.AppendAllText(file, "\n" + c.Body(n));
                }
                else
                {
                    File.WriteAllText(file, HostilePages.WithHeader(c.Body(n)));
                }
                inputs[(c.Name, n)] = (input, (int)new FileInfo(file).Length);
            }
        }

        var best = new Dictionary<(string, int), Measured>();
        Measured? bestBase = null;
        for (var round = 1; round <= rounds; round++)
        {
            Console.WriteLine();
            Console.WriteLine($"== round {round} of {rounds} (load average {PublishedGenerator.LoadAverage()})");
            var b = Build(site, repository, baseline, work);
            Console.WriteLine($"  {"contenu seul (7 pages)",-32} {"",8} {Line(b)}");
            bestBase = bestBase is null || b.Cpu < bestBase.Cpu ? b : bestBase;
            foreach (var c in cases)
            {
                foreach (var fraction in Fractions)
                {
                    var n = c.Size / fraction;
                    var m = Build(site, repository, inputs[(c.Name, n)].Input, work);
                    Console.WriteLine($"  {c.Name,-32} {n,8:N0} {Line(m)}");
                    best[(c.Name, n)] = best.TryGetValue((c.Name, n), out var earlier) && earlier.Cpu <= m.Cpu ? earlier : m;
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine($"== best round of each (least processor time); content alone {Seconds(bestBase!.Wall)} wall, {Seconds(bestBase.Cpu)} processor");
        Console.WriteLine($"  {"page",-32} {"n",8} {"KB",6} {"wall",8} {"proc.",8} {"peak",7}  {"×wall",5} {"×proc.",6}  result");
        foreach (var c in cases)
        {
            Measured? previous = null;
            foreach (var fraction in Fractions)
            {
                var n = c.Size / fraction;
                var m = best[(c.Name, n)];
                // What the page adds to the content's own build, against the same at half the size.
                var ratios = previous is null ? new string(' ', 12)
                    : $"{Ratio(m.Wall - bestBase.Wall, previous.Wall - bestBase.Wall),5} {Ratio(m.Cpu - bestBase.Cpu, previous.Cpu - bestBase.Cpu),6}";
                Console.WriteLine($"  {c.Name,-32} {n,8:N0} {inputs[(c.Name, n)].Bytes / 1024,6} {Seconds(m.Wall)} {Seconds(m.Cpu)} {m.PeakBytes / 1024.0 / 1024.0,4:0} MB  {ratios}  {m.Result}");
                previous = m;
            }
            Console.WriteLine($"    stages of the whole page: {best[(c.Name, c.Size)].Stages}");
        }
        Console.WriteLine("  ×wall, ×proc.: what the page adds to the content's build, against half its size (2 when linear, 4 when quadratic)");
        Directory.Delete(work, recursive: true);
    }

    private sealed record Measured(TimeSpan Wall, TimeSpan Cpu, long PeakBytes, string Result, string Stages);

    private static Measured Build(string site, string repository, string input, string work)
    {
        var output = Path.Combine(work, "out-" + Guid.NewGuid().ToString("N"));
        var timed = PublishedGenerator.Measure(site, ["--input", input, "--theme", Path.Combine(repository, "theme"), "--output", output, "--timings"]);
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }
        var lines = timed.Run.Output.Split('\n');
        var result = timed.Run.ExitCode == 0 ? "built"
            : "refused: " + (lines.FirstOrDefault(l => l.Contains("erreur", StringComparison.Ordinal))?.Trim() ?? $"exit code {timed.Run.ExitCode}");
        if (result.Length > 160)
        {
            result = result[..160] + "…";
        }
        return new Measured(timed.Run.Wall, timed.Cpu, timed.Run.PeakBytes, result, LongestStages(lines));
    }

    // The three longest of the « name  N ms » lines --timings prints.
    private static string LongestStages(string[] lines) =>
        string.Join(", ", lines.Select(l => System.Text.RegularExpressions.Regex.Match(l, @"^\s+(?<name>[a-zA-Z][a-zA-Z +]*?)\s+(?<ms>\d+) ms"))
            .Where(m => m.Success).OrderByDescending(m => int.Parse(m.Groups["ms"].Value)).Take(3)
            .Select(m => $"{m.Groups["name"].Value.Trim()} {m.Groups["ms"].Value} ms"));

    private static string Line(Measured m) =>
        $"{Seconds(m.Wall)} wall {Seconds(m.Cpu)} proc. peak {m.PeakBytes / 1024.0 / 1024.0,4:0} MB  {m.Result}";

    private static string Ratio(TimeSpan a, TimeSpan b) => b > TimeSpan.FromMilliseconds(20) ? $"{a / b:0.0}" : "–";

    private static string Seconds(TimeSpan t) => $"{t.TotalSeconds,6:0.00} s";
}
