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
//
// Phone profile (issue 24): SEARCH_BENCH_CPU=4 throttles Chromium's main thread 4× through the DevTools protocol
// (Emulation.setCPUThrottlingRate, as Lighthouse's mobile profile does) on every page, and prints the same figures.
// Both profiles then measure the first result as a patient meets it on the search page (recherche/index.html):
// click into the field, type a query, time from the first key to the first result in the DOM (see FirstKey below).

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
var cpuRate = double.TryParse(Environment.GetEnvironmentVariable("SEARCH_BENCH_CPU"), NumberStyles.Float, f, out var rate) && rate > 1 ? rate : 1;
// Queries of the first-key measurement (each on a freshly loaded search page, typed at keyDelay ms per key).
var firstKeyQueries = int.TryParse(Environment.GetEnvironmentVariable("SEARCH_BENCH_FIRST_KEY"), out var fk) ? fk : 100;
var keyDelay = int.TryParse(Environment.GetEnvironmentVariable("SEARCH_BENCH_KEY_MS"), out var kd) ? kd : 0;
Console.WriteLine($"profile: CPU {(cpuRate > 1 ? $"throttled {cpuRate.ToString(f)}× (Emulation.setCPUThrottlingRate)" : "not throttled")}; load average {LoadAverage()}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
if (cpuRate > 1)
{
    // Does the rate survive a navigation? A fixed loop timed unthrottled, throttled, after a navigation without setting
    // the rate again, then with it set again. The benchmark sets it after every navigation whatever this prints.
    var probe = await browser.NewPageAsync();
    var blank = new Uri(Path.Combine(root, "theme", "assets", "js", "search.js")).AbsoluteUri;
    const string loop = "() => { const t = performance.now(); let x = 0; for (let i = 0; i < 2e7; i++) { x = (x + i * 7) % 1000003; } return performance.now() - t + x * 0; }";
    async Task<double> Loop()
    {
        var best = double.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            best = Math.Min(best, await probe.EvaluateAsync<double>(loop));
        }
        return best;
    }
    await probe.GotoAsync(blank);
    var plain = await Loop();
    await ThrottleAsync(probe, cpuRate);
    var throttled = await Loop();
    await probe.GotoAsync(blank + "?again");
    var afterNavigation = await Loop();
    await ThrottleAsync(probe, cpuRate);
    var setAgain = await Loop();
    await probe.CloseAsync();
    Console.WriteLine($"throttling check, a fixed loop (best of 3): {plain:0} ms unthrottled, {throttled:0} ms throttled, {afterNavigation:0} ms after a navigation, {setAgain:0} ms set again");
}
var firstKeyRows = new List<string>();
Console.WriteLine("fiches | build s | index raw | gzip | raw/fiche | gzip/fiche | main script | chunks | blocks | main load ms (median of 5) | engine ms | chunk loads (median ms) | query median ms | p95 ms | queries | keystroke median ms | p95 ms | keystrokes | block loads (median ms) | blocks of a query: median ms | p95 ms | shown (query + its blocks): median ms | p95 ms | keystroke shown: median ms | p95 ms");
foreach (var count in counts)
{
    // SEARCH_BENCH_SITES=DIR keeps each site in DIR/<count> and, when it is there already, measures it again without
    // building it, with the theme's current scripts copied over (to try a change of search.js; not of the index).
    var sites = Environment.GetEnvironmentVariable("SEARCH_BENCH_SITES");
    var work = sites is null ? Directory.CreateTempSubdirectory("search-bench-").FullName : Path.Combine(Path.GetFullPath(sites), count.ToString(f));
    var reuse = sites is not null && File.Exists(Path.Combine(work, "_site", "index.html"));
    try
    {
        var corpus = new Corpus(words, seed: 42);
        var input = Path.Combine(work, "input");
        var output = Path.Combine(work, "_site");
        var buildSeconds = double.NaN;
        if (reuse)
        {
            foreach (var script in Directory.GetFiles(Path.Combine(root, "theme", "assets", "js"), "*.js"))
            {
                File.Copy(script, Path.Combine(output, "assets", "js", Path.GetFileName(script)), overwrite: true);
            }
            for (var i = 0; i < count; i++)
            {
                corpus.Fiche(i); // the same draws as a build, so that the queries are the same
            }
        }
        else
        {
            Directory.CreateDirectory(Path.Combine(input, "fiches"));
            Directory.CreateDirectory(Path.Combine(input, "pages"));
            Directory.CreateDirectory(Path.Combine(input, "data"));
            foreach (var file in new[] { "site.yml", "contracts.yml", "data/services.yml", "data/themes.yml" })
            {
                File.Copy(Path.Combine(root, "input", file), Path.Combine(input, file), overwrite: true);
            }
            foreach (var sourcePage in Directory.GetFiles(Path.Combine(root, "input", "pages")))
            {
                File.Copy(sourcePage, Path.Combine(input, "pages", Path.GetFileName(sourcePage)), overwrite: true);
            }
            // The brand files site.yml names (its logo).
            Directory.CreateDirectory(Path.Combine(input, "marque"));
            foreach (var brandFile in Directory.GetFiles(Path.Combine(root, "input", "marque")))
            {
                File.Copy(brandFile, Path.Combine(input, "marque", Path.GetFileName(brandFile)), overwrite: true);
            }
            for (var i = 0; i < count; i++)
            {
                File.WriteAllText(Path.Combine(input, "fiches", $"fiche-{i:D5}.md"), corpus.Fiche(i));
            }
            var clock = Stopwatch.StartNew();
            var result = SiteBuilder.Build(new BuildOptions(input, Path.Combine(root, "theme"), output));
            buildSeconds = clock.Elapsed.TotalSeconds;
            if (!result.Succeeded)
            {
                Console.Error.WriteLine(string.Join("\n", result.Diagnostics.Take(10)));
                return 1;
            }
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
        // SEARCH_BENCH_QUERIES=0 measures the first key only. The first-key queries are the first of the same list.
        var mainQueries = int.TryParse(Environment.GetEnvironmentVariable("SEARCH_BENCH_QUERIES"), out var n) ? n : 200;
        var queries = corpus.Queries(Math.Max(mainQueries, firstKeyQueries));
        if (Environment.GetEnvironmentVariable("SEARCH_BENCH_KEEP") == "1")
        {
            File.WriteAllLines(Path.Combine(work, "queries.tsv"), queries.Select(q => $"{q.Query}\t{(q.Typing ? 1 : 0)}"));
        }
        if (mainQueries > 0)
        {
            var page = await browser.NewPageAsync();
            // A page at the site's root with the two search scripts only: the home page of 10,000 sheets weighs 4 MB and,
            // throttled, takes seconds to load before every query (the times below are taken in the page, either way).
            File.WriteAllText(Path.Combine(output, "search-bench.html"), "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>search-bench</title>" +
                "<script src=\"assets/js/search-normalize.js\" defer></script><script src=\"assets/js/search.js\" defer></script></head><body></body></html>");
            var indexPage = new Uri(Path.Combine(output, "search-bench.html")).AbsoluteUri;
            await page.GotoAsync(indexPage);
            await ThrottleAsync(page, cpuRate);
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
            foreach (var (query, typing) in queries.Take(mainQueries))
            {
                await page.GotoAsync(indexPage);
                await ThrottleAsync(page, cpuRate);
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
                $"{mainQueries} ({timings[5]:0} results)", timings[8].ToString("0.00", f), timings[9].ToString("0.00", f), timings[10].ToString("0", f),
                $"{blockTimes.Count} ({(blockTimes.Count > 0 ? Percentile(blockTimes, 0.5) : 0).ToString("0.0", f)})",
                Percentile(queryBlockTimes, 0.5).ToString("0.0", f), Percentile(queryBlockTimes, 0.95).ToString("0.0", f),
                Percentile(shownTimes, 0.5).ToString("0.00", f), Percentile(shownTimes, 0.95).ToString("0.00", f),
                Percentile(keystrokeShownTimes, 0.5).ToString("0.00", f), Percentile(keystrokeShownTimes, 0.95).ToString("0.00", f)));
        }
        if (firstKeyQueries > 0)
        {
            firstKeyRows.Add(await FirstKeyAsync(browser, output, queries.Take(firstKeyQueries).Select(q => q.Query).ToList(), count, cpuRate, keyDelay));
        }
    }
    finally
    {
        if (Environment.GetEnvironmentVariable("SEARCH_BENCH_KEEP") == "1" || sites is not null)
        {
            Console.WriteLine($"  (kept in {work})");
        }
        else
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
if (firstKeyRows.Count > 0)
{
    Console.WriteLine();
    Console.WriteLine($"first result after the first key, search page from file://, typed at {keyDelay} ms a key:");
    Console.WriteLine("fiches | queries (with a result) | first result in the DOM: median ms | p95 ms | max ms | next frame: median ms | p95 ms | keystrokes typed before it: median | p95 | scripts loaded: median | p95 | first key to main script run: median ms | p95 ms | first result with its sections: median ms | p95 ms | first result after the last key before it: median ms | p95 ms | second key after the first: median ms | p95 ms");
    firstKeyRows.ForEach(Console.WriteLine);
}
Console.WriteLine($"load average at the end: {LoadAverage()}");
playwright.Dispose();
return 0;

// The phone profile: Chromium's main thread slowed rate× (Lighthouse's mobile profile uses 4), set on the page's
// renderer through the DevTools protocol. Set again after each navigation (see the check printed at start).
static async Task ThrottleAsync(IPage page, double rate)
{
    if (rate <= 1)
    {
        return;
    }
    // One session per page, kept attached: a DevTools session that detaches takes its emulation with it.
    if (!CdpSessions.Of.TryGetValue(page, out var cdp))
    {
        cdp = await page.Context.NewCDPSessionAsync(page);
        CdpSessions.Of.Add(page, cdp);
    }
    await cdp.SendAsync("Emulation.setCPUThrottlingRate", new Dictionary<string, object> { ["rate"] = rate });
}

/*
 * The first result as a patient meets it: the search page (recherche/index.html) freshly loaded from file:// as the
 * rest of the benchmark (the site works from the file system, and no server's latency or cache then blurs the
 * page's own work; a phone would also wait for the network), a click into the header's field (which starts loading
 * the main index script), at once the query typed key by key: by default as fast as the page takes keys, so that
 * the figure is the page's work, not the patient's pace; with SEARCH_BENCH_KEY_MS, key i sent i × keyDelay ms after
 * the first by the clock, whether or not the page has handled the keys before, as a patient types on (a typist who
 * waited for each key's events to be handled would type slower exactly when the page is busy; a single letter is
 * not searched, so at a human pace the first result waits for the second key), then the
 * time from the first key's keydown (its event timeStamp: when the browser received it, even if the page was busy)
 * to the first result (an <li>) in the results list, seen by a MutationObserver. Everything the page loads after the click
 * counts: the main index script, the chunks, the blocks, the search and the rendering. Also timed: the first
 * result with its sections (headings, snippets) shown. A query whose typing ends with no result shown within 10 s
 * is counted apart. Each query runs on a fresh page (nothing loaded, engine cold).
 */
static async Task<string> FirstKeyAsync(IBrowser browser, string output, List<string> queries, int count, double cpuRate, int keyDelay)
{
    var f = CultureInfo.InvariantCulture;
    var page = await browser.NewPageAsync();
    var searchPage = new Uri(Path.Combine(output, "recherche", "index.html")).AbsoluteUri;
    var first = new List<double>();
    var frame = new List<double>();
    var keysBefore = new List<double>();
    var scripts = new List<double>();
    var mainRun = new List<double>();
    var whole = new List<double>();
    var afterLast = new List<double>();
    var secondKey = new List<double>();
    foreach (var query in queries)
    {
        await page.GotoAsync(searchPage);
        await ThrottleAsync(page, cpuRate);
        await page.EvaluateAsync("""
            () => {
              const list = document.getElementById('recherche-resultats');
              const seen = window.__firstKey = { key: -1, second: -1, keys: 0, result: -1, keysBefore: -1, frame: -1, main: -1, whole: -1, last: -1 };
              document.addEventListener('keydown', (e) => {
                if (seen.key < 0) { seen.key = e.timeStamp; } else if (seen.second < 0) { seen.second = e.timeStamp; }
                if (seen.result < 0) { seen.last = e.timeStamp; }
                seen.keys++;
              }, true);
              new MutationObserver(() => {
                if (seen.result < 0 && list.querySelector('li')) {
                  seen.result = performance.now();
                  seen.keysBefore = seen.keys;
                  requestAnimationFrame(() => { seen.frame = performance.now(); });
                }
                // A result with its sections (heading, snippet), once their block is loaded: the page may show the
                // titles of the pages found first.
                if (seen.whole < 0 && list.querySelector('li ul li')) { seen.whole = performance.now(); }
              }).observe(list, { childList: true, subtree: true });
              // When the main index script has run (window.FICHES_INDEX set), polled once per frame.
              const poll = () => { if (window.FICHES_INDEX) { seen.main = performance.now(); } else { requestAnimationFrame(poll); } };
              requestAnimationFrame(poll);
            }
            """);
        await page.ClickAsync("#recherche-champ");
        if (keyDelay > 0)
        {
            await TypeOnTheClockAsync(page, query, keyDelay);
        }
        else
        {
            await page.Keyboard.TypeAsync(query);
        }
        try
        {
            await page.WaitForFunctionAsync("() => window.__firstKey.frame >= 0 && window.__firstKey.whole >= 0", null, new() { Timeout = 10_000, PollingInterval = 20 });
        }
        catch (TimeoutException)
        {
            continue;
        }
        var seen = await page.EvaluateAsync<double[]>("""
            () => {
              const s = window.__firstKey;
              return [s.result - s.key, s.frame - s.key, s.keysBefore, document.querySelectorAll('script[src*="search-index"]').length, s.main - s.key, s.whole - s.key, s.result - s.last, s.second < 0 ? -1 : s.second - s.key];
            }
            """);
        first.Add(seen[0]);
        frame.Add(seen[1]);
        keysBefore.Add(seen[2]);
        scripts.Add(seen[3]);
        mainRun.Add(seen[4]);
        whole.Add(seen[5]);
        afterLast.Add(seen[6]);
        if (seen[7] >= 0)
        {
            secondKey.Add(seen[7]);
        }
    }
    await page.CloseAsync();
    if (first.Count == 0)
    {
        return $"{count.ToString(f)} | {queries.Count} (0) | - | - | - | - | - | - | - | - | - | - | - | - | - | - | - | - | -";
    }
    return string.Join(" | ",
        count.ToString(f), $"{queries.Count} ({first.Count})",
        Percentile(first, 0.5).ToString("0", f), Percentile(first, 0.95).ToString("0", f), first.Max().ToString("0", f),
        Percentile(frame, 0.5).ToString("0", f), Percentile(frame, 0.95).ToString("0", f),
        Percentile(keysBefore, 0.5).ToString("0", f), Percentile(keysBefore, 0.95).ToString("0", f),
        Percentile(scripts, 0.5).ToString("0", f), Percentile(scripts, 0.95).ToString("0", f),
        Percentile(mainRun, 0.5).ToString("0", f), Percentile(mainRun, 0.95).ToString("0", f),
        Percentile(whole, 0.5).ToString("0", f), Percentile(whole, 0.95).ToString("0", f),
        Percentile(afterLast, 0.5).ToString("0", f), Percentile(afterLast, 0.95).ToString("0", f),
        secondKey.Count == 0 ? "-" : Percentile(secondKey, 0.5).ToString("0", f), secondKey.Count == 0 ? "-" : Percentile(secondKey, 0.95).ToString("0", f));
}

// Each key sent at its time on the clock, not once the page has handled the one before (Playwright's own Delay
// waits for that); the keys' events still reach the page in order, since each is sent over one connection.
static async Task TypeOnTheClockAsync(IPage page, string query, int keyDelay)
{
    var clock = Stopwatch.StartNew();
    var keys = new List<Task>();
    // One key per character as a reader sees it (a letter outside the BMP or with a combining mark is one key).
    var characters = StringInfo.GetTextElementEnumerator(query);
    for (var i = 0; characters.MoveNext(); i++)
    {
        var due = TimeSpan.FromMilliseconds(i * keyDelay) - clock.Elapsed;
        if (due > TimeSpan.Zero)
        {
            await Task.Delay(due);
        }
        keys.Add(page.Keyboard.TypeAsync(characters.GetTextElement()));
    }
    await Task.WhenAll(keys);
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

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
            .Append("type: fiche-procedure\nservice: radiologie-interventionnelle\nlast_reviewed: 2026-01-15\nnext_review: 2027-01-15\nreviewed_by: \"Dr Exemple\"\nversion: \"1.0\"\n")
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

/// <summary>The DevTools session of each page, kept for the page's life (see ThrottleAsync).</summary>
static class CdpSessions
{
    public static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IPage, ICDPSession> Of = new();
}
