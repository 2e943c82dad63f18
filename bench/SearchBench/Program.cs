using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using FichesSite.Build;
using Microsoft.Playwright;

// Search benchmark (issue 4): builds synthetic sites of N fiches, then prints the index size per fiche (raw and gzip),
// the time Chromium takes to load the index script (and, once split, the chunks the queries need) and prepare the
// engine, and median / p95 times of queries typed one character at a time on a freshly loaded page (see below).
//   dotnet run -c Release --project bench/SearchBench -- 1000 10000
// Run from the repository root. Words come from Debian's wfrench list, drawn with a Zipf law so that, as in real
// text, a few words are frequent and most are rare. Everything is seeded: two runs build the same corpora.

var root = Directory.GetCurrentDirectory();
if (!File.Exists(Path.Combine(root, "Site.csproj")))
{
    Console.Error.WriteLine("Run from the repository root.");
    return 1;
}
var counts = args.Length > 0 ? args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [1000, 10000];
var words = File.Exists("/usr/share/dict/french")
    ? File.ReadAllLines("/usr/share/dict/french").Where(w => w.Length >= 3 && w.All(char.IsLetter)).ToArray()
    : throw new InvalidOperationException("Install wfrench (apt-get install -y wfrench).");

var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true });
var f = CultureInfo.InvariantCulture;
Console.WriteLine("fiches | build s | index raw | gzip | raw/fiche | gzip/fiche | main script | chunks | blocks | main load ms (median of 5) | engine ms | chunk loads (median ms) | query median ms | p95 ms | queries | keystroke median ms | p95 ms | keystrokes | block loads (median ms) | blocks of a query: median ms | p95 ms | shown (query + its blocks): median ms | p95 ms | keystroke shown: median ms | p95 ms");
foreach (var count in counts)
{
    var work = Directory.CreateTempSubdirectory("search-bench-").FullName;
    try
    {
        var corpus = new Corpus(words, seed: 42);
        var input = Path.Combine(work, "input");
        Directory.CreateDirectory(Path.Combine(input, "fiches"));
        Directory.CreateDirectory(Path.Combine(input, "pages"));
        foreach (var file in new[] { "site.yml", "contracts.yml" })
        {
            File.Copy(Path.Combine(root, "input", file), Path.Combine(input, file));
        }
        foreach (var sourcePage in Directory.GetFiles(Path.Combine(root, "input", "pages")))
        {
            File.Copy(sourcePage, Path.Combine(input, "pages", Path.GetFileName(sourcePage)));
        }
        for (var i = 0; i < count; i++)
        {
            File.WriteAllText(Path.Combine(input, "fiches", $"fiche-{i:D5}.md"), corpus.Fiche(i));
        }
        var output = Path.Combine(work, "_site");
        var clock = Stopwatch.StartNew();
        var result = SiteBuilder.Build(new BuildOptions(input, Path.Combine(root, "theme"), output));
        var buildSeconds = clock.Elapsed.TotalSeconds;
        if (!result.Succeeded)
        {
            Console.Error.WriteLine(string.Join("\n", result.Diagnostics.Take(10)));
            return 1;
        }
        // The whole index: the main script and, once split, every chunk.
        var chunkFolder = Path.Combine(output, "assets", "search-index");
        var chunkFiles = Directory.Exists(chunkFolder) ? Directory.GetFiles(chunkFolder).Order(StringComparer.Ordinal).ToArray() : [];
        var blockFiles = chunkFiles.Count(c => Path.GetFileName(c).StartsWith("s-", StringComparison.Ordinal));
        var index = chunkFiles.Prepend(Path.Combine(output, "assets", "search-index.js")).SelectMany(File.ReadAllBytes).ToArray();
        using var gzipped = new MemoryStream();
        using (var gzip = new GZipStream(gzipped, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(index);
        }

        // 200 queries unless SEARCH_BENCH_QUERIES says otherwise (each reloads the page: at 10,000 fiches, about a second).
        var queries = corpus.Queries(int.TryParse(Environment.GetEnvironmentVariable("SEARCH_BENCH_QUERIES"), out var n) ? n : 200);
        if (Environment.GetEnvironmentVariable("SEARCH_BENCH_KEEP") == "1")
        {
            File.WriteAllLines(Path.Combine(work, "queries.tsv"), queries.Select(q => $"{q.Query}\t{(q.Typing ? 1 : 0)}"));
        }
        var page = await browser.NewPageAsync();
        var indexPage = new Uri(Path.Combine(output, "index.html")).AbsoluteUri;
        await page.GotoAsync(indexPage);
        var load = await page.EvaluateAsync<double[]>("""
            async () => {
              const load = (src) => new Promise((ok, fail) => {
                const s = document.createElement('script');
                s.src = src; s.onload = ok; s.onerror = fail;
                document.head.appendChild(s);
              });
              const loads = [];
              for (let i = 0; i < 5; i++) {
                delete window.FICHES_INDEX;
                const t0 = performance.now();
                await load('assets/search-index.js?run=' + i);
                loads.push(performance.now() - t0);
              }
              loads.sort((a, b) => a - b);
              const t1 = performance.now();
              new FichesSearch.Engine(window.FICHES_INDEX);
              return [loads[2], performance.now() - t1];
            }
            """);
        // Each query as a patient makes it: a fresh page (cold engine, nothing decoded, nothing loaded), then the query
        // typed one character at a time, each keystroke searched as the page does (typing while the last character is
        // not a space or punctuation), the chunks it needs loaded first and timed apart. The query's time is that of
        // its last search: the whole query, typing or not as the query says. In a split index (version 4), each
        // search is then followed, as on the page, by loading the blocks of sections of the pages it shows (timed
        // apart: "block loads" each, "blocks of a query" all those of the last keystroke, loaded together as the page
        // does; "shown" is that keystroke's search plus its blocks: the time until the results can be rendered).
        var queryTimes = new List<double>();
        var keystrokeTimes = new List<double>();
        var chunkTimes = new List<double>();
        var results = 0.0;
        var blockTimes = new List<double>();
        var queryBlockTimes = new List<double>();
        var shownTimes = new List<double>();
        var keystrokeShownTimes = new List<double>();
        foreach (var (query, typing) in queries)
        {
            await page.GotoAsync(indexPage);
            var times = await page.EvaluateAsync<double[][]>("""
                async ([query, typingAtEnd]) => {
                  const load = (src) => new Promise((ok, fail) => {
                    const s = document.createElement('script');
                    s.src = src; s.onload = ok; s.onerror = fail;
                    document.head.appendChild(s);
                  });
                  // Pages load the main script when the field first gets focus: here before the query (timed apart above).
                  if (!window.FICHES_INDEX) { await load('assets/search-index.js'); }
                  const engine = new FichesSearch.Engine(window.FICHES_INDEX);
                  const searches = [];
                  const chunks = [];
                  const blocks = [];
                  const keystrokeBlocks = [];
                  let found = 0;
                  for (let i = 1; i <= query.length; i++) {
                    const text = query.slice(0, i);
                    const typing = i < query.length ? !/[\s\p{P}]$/u.test(text) : typingAtEnd;
                    if (FichesSearch.words(text).length === 0) { continue; }
                    for (const key of engine.missingChunks(text, typing)) {
                      const t = performance.now();
                      await load('assets/search-index/' + key + '.js');
                      engine.addChunk(key, window.FICHES_INDEX_TERMS[key]);
                      chunks.push(performance.now() - t);
                    }
                    const t = performance.now();
                    const result = engine.search(text, typing);
                    found = result.pages.length;
                    searches.push(performance.now() - t);
                    const missing = engine.missingBlocks ? engine.missingBlocks(result) : [];
                    const tb = performance.now();
                    await Promise.all(missing.map(async (b) => {
                      const t0 = performance.now();
                      await load('assets/search-index/s-' + b + '.js');
                      engine.addBlock(b, window.FICHES_INDEX_SECTIONS[b]);
                      blocks.push(performance.now() - t0);
                    }));
                    if (missing.length > 0) { engine.complete(result); }
                    keystrokeBlocks.push(performance.now() - tb);
                  }
                  return [searches, chunks, [found], blocks, keystrokeBlocks];
                }
                """, new object[] { query, typing });
            queryTimes.Add(times[0][^1]);
            keystrokeTimes.AddRange(times[0]);
            chunkTimes.AddRange(times[1]);
            results += times[2][0];
            blockTimes.AddRange(times[3]);
            queryBlockTimes.Add(times[4][^1]);
            shownTimes.Add(times[0][^1] + times[4][^1]);
            keystrokeShownTimes.AddRange(times[0].Zip(times[4], (search, blocks) => search + blocks));
        }
        var timings = new[]
        {
            load[0], load[1], Percentile(queryTimes, 0.5), Percentile(queryTimes, 0.95), 0, results, chunkTimes.Count,
            chunkTimes.Count > 0 ? Percentile(chunkTimes, 0.5) : 0, Percentile(keystrokeTimes, 0.5), Percentile(keystrokeTimes, 0.95), keystrokeTimes.Count,
        };
        var main = new FileInfo(Path.Combine(output, "assets", "search-index.js")).Length;
        await page.CloseAsync();
        Console.WriteLine(string.Join(" | ",
            count.ToString(f), buildSeconds.ToString("0.0", f), Kb(index.Length), Kb(gzipped.Length),
            Kb(index.Length / (double)count), Kb(gzipped.Length / (double)count), Kb(main), (chunkFiles.Length - blockFiles).ToString(f), blockFiles.ToString(f),
            timings[0].ToString("0.0", f), timings[1].ToString("0.0", f), $"{timings[6]:0} ({timings[7].ToString("0.0", f)})",
            timings[2].ToString("0.00", f), timings[3].ToString("0.00", f),
            $"{queries.Count} ({timings[5]:0} results)", timings[8].ToString("0.00", f), timings[9].ToString("0.00", f), timings[10].ToString("0", f),
            $"{blockTimes.Count} ({(blockTimes.Count > 0 ? Percentile(blockTimes, 0.5) : 0).ToString("0.0", f)})",
            Percentile(queryBlockTimes, 0.5).ToString("0.0", f), Percentile(queryBlockTimes, 0.95).ToString("0.0", f),
            Percentile(shownTimes, 0.5).ToString("0.00", f), Percentile(shownTimes, 0.95).ToString("0.00", f),
            Percentile(keystrokeShownTimes, 0.5).ToString("0.00", f), Percentile(keystrokeShownTimes, 0.95).ToString("0.00", f)));
    }
    finally
    {
        if (Environment.GetEnvironmentVariable("SEARCH_BENCH_KEEP") == "1")
        {
            Console.WriteLine($"  (kept in {work})");
        }
        else
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
playwright.Dispose();
return 0;

static double Percentile(List<double> values, double p)
{
    var sorted = values.Order().ToList();
    return sorted[Math.Min(sorted.Count - 1, (int)Math.Floor(sorted.Count * p))];
}

static string Kb(double bytes) => (bytes / 1024).ToString("0.0", CultureInfo.InvariantCulture) + " KB";

/// <summary>Synthetic fiches shaped like the real one (four required sections, risks as h3), about 500 words each.</summary>
sealed class Corpus
{
    private readonly string[] _vocabulary;
    private readonly double[] _cumulative;
    private readonly Random _random;

    public Corpus(string[] words, int seed)
    {
        _random = new Random(seed);
        _vocabulary = words.OrderBy(_ => _random.Next()).Take(30_000).ToArray();
        _cumulative = new double[_vocabulary.Length];
        var sum = 0.0;
        for (var i = 0; i < _vocabulary.Length; i++)
        {
            sum += 1.0 / (i + 1);
            _cumulative[i] = sum;
        }
    }

    private string Word()
    {
        var x = _random.NextDouble() * _cumulative[^1];
        var i = Array.BinarySearch(_cumulative, x);
        return _vocabulary[i < 0 ? ~i : i];
    }

    private string Words(int n) => string.Join(' ', Enumerable.Range(0, n).Select(_ => Word()));

    private string Paragraph(int n)
    {
        var text = Words(n);
        return char.ToUpperInvariant(text[0]) + text[1..] + ".";
    }

    public string Fiche(int i)
    {
        var md = new StringBuilder()
            .Append("---\n")
            .Append($"title: \"{Paragraph(4).TrimEnd('.')} {i}\"\n")
            .Append($"description: \"{Paragraph(18)}\"\n")
            .Append("type: fiche-procedure\nlast_reviewed: 2026-01-15\nnext_review: 2027-01-15\nreviewed_by: \"Dr Exemple\"\nversion: \"1.0\"\n")
            .Append("sources:\n  - { title: \"Source d’exemple\", publisher: \"Banc d’essai\", year: 2025 }\n---\n\n")
            .Append("## Qu’est-ce que c’est ?\n\n").Append(Paragraph(70)).Append("\n\n")
            .Append($"## En quoi consiste {Words(2)} ?\n\n")
            .Append($"### {Paragraph(3).TrimEnd('.')}\n\n").Append(Paragraph(60)).Append("\n\n")
            .Append($"### {Paragraph(3).TrimEnd('.')}\n\n").Append(Paragraph(80)).Append("\n\n")
            .Append($"## Quelles sont les suites {Words(1)} ?\n\n").Append(Paragraph(60)).Append("\n\n")
            .Append($"## Quels sont les risques {Words(1)} ?\n\n");
        for (var r = 0; r < 4; r++)
        {
            md.Append($"### {Paragraph(3).TrimEnd('.')} (rare)\n\n").Append(Paragraph(40)).Append("\n\n");
        }
        return md.ToString();
    }

    /// <summary>Queries as patients type them: one or two words, a word being typed, a typo.</summary>
    public List<(string Query, bool Typing)> Queries(int n)
    {
        var queries = new List<(string, bool)>();
        for (var i = 0; i < n; i++)
        {
            var w = Word();
            queries.Add((i % 4) switch
            {
                0 => (w, false),
                1 => ($"{w} {Word()}", false),
                2 => (w[..Math.Max(3, w.Length - 2)], true),
                _ => (w.Length >= 5 ? w[..2] + w[3..] : w, false),
            });
        }
        return queries;
    }
}
