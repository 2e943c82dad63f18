using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using FichesSite.Pipeline;

namespace FichesSite.Search;

/// <summary>What the index writes of one term: the pages whose title holds it, and its encoded postings.</summary>
/// <param name="Postings">The encoded postings (<see cref="SearchIndex.PostingDigits"/>), as the ASCII bytes the index file holds.</param>
public sealed record IndexTerm(string Term, IReadOnlyList<int> TitlePages, ReadOnlyMemory<byte> Postings);

/// <summary>
/// The search index: pages, their sections, the pages whose title holds each term, and for every term the sections
/// whose heading or text holds it. Written as a script that assigns a global (<see cref="GlobalName"/>), loaded by a
/// plain &lt;script src&gt;: no fetch, no worker, no WebAssembly, so search works from file:// and under a strict
/// Content-Security-Policy. The format is read by theme/assets/js/search.js. A small index is one script:
/// <code>
/// { "version": 6,
///   "pages":    [[title, path], …],                 [title, path, service] for a sheet: its service's name
///   "sections": [[page, heading, anchor, snippet], …],
///   "titles":   { term: [page, …], … },
///   "terms":    { term: "postings", … },
///   "services": [name, …], "pageServices": [i, …] }    when pages have services: each page's, -1 for none
/// </code>
/// Past a size (see <see cref="ToFiles"/>) the main script keeps only what maps sections to pages, and the terms, the
/// pages' titles and paths and the sections' words go to scripts loaded on demand:
/// <code>
/// { "version": 6,
///   "sectionCounts": [count, …],                 sections of each page, in page order: sections are numbered page
///                                                after page, so this is the whole section → page mapping
///   "blockPages":    n,                          pages per block of sections
///   "chunks":        [key, …],                   chunks of terms, <see cref="ChunkPath"/>
///   "services": …, "pageServices": … }           as in one script
/// assets/search-index/&lt;key&gt;.js   window.FICHES_INDEX_TERMS['key'] =
///                                  { "terms": { term: "postings", … }, "titles": { term: [page, …], … } }
/// assets/search-index/s-&lt;b&gt;.js     window.FICHES_INDEX_SECTIONS[b] =
///                                  { "pages": [[title, path], …], "sections": [[heading, anchor, snippet], …] }
///                                  pages b × n to b × n + n − 1 and their sections, in order (<see cref="BlockPath"/>)
/// </code>
/// The engine ranks with the postings alone, then loads the blocks of the pages it shows. Version 3 had no blocks:
/// its split main script still held every section's heading, anchor and snippet, and grew with the site; version 4
/// kept every title term in the main script, a third of it, and version 5 every page's title and path, most of the
/// rest: version 6 puts the title terms in their chunks and the pages in their blocks, so that the main script of a
/// large site is a few tens of KB and a query's first result waits for one block, not for every page's title.
/// Postings are kept small because they are most of the index: one number per section holding the term,
/// (section − previous section) × 8 + 4 if the heading holds it + the number of times the text does, at most 3
/// (ranking damps counts anyway), written in base 32 with one character per digit and no separator
/// (<see cref="PostingDigits"/>). A string per term also loads faster than nested arrays: the browser decodes
/// only the postings of the words searched, with one table look-up per character. Everything is sorted (pages by path, terms ordinally), so the same
/// input gives the same bytes.
/// </summary>
public sealed class SearchIndex
{
    public const string GlobalName = "FICHES_INDEX";
    public const int Version = 6;
    public const int SnippetLength = 120;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Keeps accents readable and escapes < > & ' (a hostile title can never close a tag).
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    private readonly IReadOnlyList<IndexedPage> _pages;

    public SearchIndex(IEnumerable<IndexedPage> pages) => _pages = pages.OrderBy(p => p.Path, StringComparer.Ordinal).ToList();

    // The sections in index order, with the index of their page.
    private IEnumerable<(int Page, PageSection Section)> Sections =>
        _pages.SelectMany((page, p) => page.Sections.Select(section => (p, section)));

    /// <summary>For every term, in ordinal order: the pages whose title holds it and its encoded postings.</summary>
    public IReadOnlyList<IndexTerm> Terms() => [.. InOrder(UnorderedTerms())];

    private static IEnumerable<IndexTerm> InOrder(IEnumerable<IndexTerm> terms) => terms.OrderBy(t => t.Term, StringComparer.Ordinal);

    // Every term of the pages, in no particular order. Pages and sections are visited in index order, so each term's
    // postings are written as they come, one number per section: nothing per occurrence is kept.
    private List<IndexTerm> UnorderedTerms()
    {
        var terms = new GlobalTerms(_pages);
        var titlePages = new List<int>?[terms.Count];
        for (var p = 0; p < _pages.Count; p++)
        {
            foreach (var number in _pages[p].TitleTermNumbers)
            {
                (titlePages[terms.Of(p, number)] ??= []).Add(p);
            }
        }
        // All postings go into one array, each term's bytes after the previous term's: a large site has hundreds of
        // thousands of terms, most in one or two sections, and an object and a growing array per term made the index's
        // cost follow the vocabulary. So the sections are read twice: once to count each term's bytes, once to write them.
        var postings = new TermPostings[terms.Count];
        ForEachPosting(terms, postings, static (ref term, number, _) => term.End += DigitCount(number), bytes: null);
        var used = 0;
        for (var id = 0; id < postings.Length; id++)
        {
            var length = postings[id].End;
            postings[id] = new TermPostings { Start = used, End = used };
            used += length;
        }
        var bytes = new byte[used];
        ForEachPosting(terms, postings, static (ref term, number, bytes) => term.End += WriteNumber(bytes.AsSpan(term.End), number), bytes);
        var made = new List<IndexTerm>();
        for (var id = 0; id < postings.Length; id++)
        {
            // A term of the cache that no page of the index holds (a page left out of it) has neither postings nor titles.
            var (start, end) = (postings[id].Start, postings[id].End);
            if (end > start || titlePages[id] is not null)
            {
                made.Add(new IndexTerm(terms.Text(id), (IReadOnlyList<int>?)titlePages[id] ?? [], bytes.AsMemory(start, end - start)));
            }
        }
        return made;
    }

    // Where a term's postings lie in the index's one array of postings; LastSection while they are written.
    private struct TermPostings
    {
        public int Start;
        public int End;
        public int LastSection;
    }

    private delegate void PostingHandler(ref TermPostings term, long number, byte[]? bytes);

    // Hands each term's postings, in order, as the numbers the file writes: (section − previous section) × 8 + code.
    // The terms are shared out between the cores by number, each core reading every page and handing only its own
    // terms, so that a term's postings are handled in order by one core.
    private void ForEachPosting(GlobalTerms terms, TermPostings[] postings, PostingHandler handle, byte[]? bytes)
    {
        for (var id = 0; id < postings.Length; id++)
        {
            postings[id].LastSection = 0;
        }
        var parts = Math.Max(1, Environment.ProcessorCount);
        Parallel.For(0, parts, part =>
        {
            var s = 0;
            for (var p = 0; p < _pages.Count; p++)
            {
                foreach (var sectionTerms in _pages[p].SectionTermNumbers)
                {
                    foreach (var packed in sectionTerms)
                    {
                        var id = terms.Of(p, packed >> 3);
                        if (id % parts != part)
                        {
                            continue;
                        }
                        ref var term = ref postings[id];
                        handle(ref term, (long)(s - term.LastSection) * 8 + (packed & 7), bytes);
                        term.LastSection = s;
                    }
                    s++;
                }
            }
        });
    }

    /// <summary>
    /// One number per distinct term of the index's pages. The pages of a build share one <see cref="TermCache"/>,
    /// whose numbers serve as they are; pages made apart, each with its own, have their terms joined by text.
    /// </summary>
    private sealed class GlobalTerms
    {
        private readonly int[][]? _ofCache; // by the page's cache: its number → the global one; null when shared
        private readonly int[] _cacheOfPage = [];
        private readonly TermCache? _shared;
        private readonly List<string> _texts = [];

        public GlobalTerms(IReadOnlyList<IndexedPage> pages)
        {
            var indexOf = new Dictionary<TermCache, int>(ReferenceEqualityComparer.Instance);
            var caches = new List<TermCache>();
            foreach (var page in pages)
            {
                if (indexOf.TryAdd(page.Cache, caches.Count))
                {
                    caches.Add(page.Cache);
                }
            }
            if (caches.Count <= 1)
            {
                _shared = caches.SingleOrDefault();
                Count = _shared?.Count ?? 0;
                return;
            }
            var byText = new Dictionary<string, int>(StringComparer.Ordinal);
            _ofCache = new int[caches.Count][];
            for (var c = 0; c < caches.Count; c++)
            {
                _ofCache[c] = new int[caches[c].Count];
                for (var number = 0; number < _ofCache[c].Length; number++)
                {
                    var text = caches[c].Term(number);
                    if (!byText.TryGetValue(text, out var id))
                    {
                        id = byText[text] = _texts.Count;
                        _texts.Add(text);
                    }
                    _ofCache[c][number] = id;
                }
            }
            _cacheOfPage = [.. pages.Select(p => indexOf[p.Cache])];
            Count = _texts.Count;
        }

        public int Count { get; }

        public int Of(int page, int number) => _ofCache is null ? number : _ofCache[_cacheOfPage[page]][number];

        public string Text(int id) => _shared is not null ? _shared.Term(id) : _texts[id];
    }

    /// <summary>
    /// The files of the index: one script while it weighs at most <paramref name="splitAboveBytes"/>; past that, a
    /// main script with neither the terms nor the pages (it lists the chunks and counts the sections of each page),
    /// one script per chunk of terms, the terms that share their first two characters (<see cref="ChunkKey"/>) with
    /// the pages whose titles hold them, which search.js loads by &lt;script src&gt; when a query word needs it, and
    /// one script per block of <paramref name="pagesPerBlock"/> consecutive pages holding their titles, paths and
    /// sections' heading, anchor and snippet, which search.js loads for the pages it shows. The measurements behind both sizes are in
    /// docs/search.md.
    /// </summary>
    /// <returns>Each script as the UTF-8 bytes of its file, by site path.</returns>
    public IReadOnlyDictionary<string, byte[]> ToFiles(long splitAboveBytes, int pagesPerBlock = SearchIndexStage.DefaultPagesPerBlock)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pagesPerBlock, 1);
        // Everything is written once as UTF-8, as the files hold it: as strings, a large site's index would weigh
        // twice as much at the end of the build, where its memory peaks.
        var terms = UnorderedTerms();
        // The terms alone already past the limit (a large site): the one-file script is not even built to be measured.
        // Each term's JSON holds at least its characters and its postings (one ASCII byte each): when that sum is past
        // the limit, the terms' JSON is not written either (it would be written only to be thrown away).
        if (terms.Sum(t => (long)t.Term.Length + t.Postings.Length) <= splitAboveBytes
            && TermsJson(InOrder(terms)) is var termsJson && termsJson.Length <= splitAboveBytes)
        {
            var whole = Script(GlobalName, Join(Head(terms, pagesPerBlock: null), "terms", termsJson));
            if (whole.Length <= splitAboveBytes)
            {
                return new SortedDictionary<string, byte[]>(StringComparer.Ordinal) { [SearchIndexStage.ScriptPath] = whole };
            }
        }
        // Terms are put in order within their chunk, as each chunk's script is made: on every core.
        var chunks = terms.GroupBy(t => ChunkKey(t.Term)).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [SearchIndexStage.ScriptPath] = Script(GlobalName, Join(Head(terms, pagesPerBlock), "chunks", KeysJson(chunks.Select(c => c.Key)))),
        };
        // Each chunk and each block is a script of its own, made from data no other touches: on every core.
        var scripts = new List<(string Path, Func<byte[]> Make)>();
        foreach (var chunk in chunks)
        {
            scripts.Add((ChunkPath(chunk.Key), () => Script($"{ChunksGlobalName}['{chunk.Key}']", Json(json => WriteChunk(json, [.. InOrder(chunk)])), $"window.{ChunksGlobalName} = window.{ChunksGlobalName} || {{}};\n")));
        }
        for (var block = 0; block * pagesPerBlock < _pages.Count; block++)
        {
            var (number, pages) = (block.ToString(System.Globalization.CultureInfo.InvariantCulture), _pages.Skip(block * pagesPerBlock).Take(pagesPerBlock).ToList());
            scripts.Add((BlockPath(block), () => Script($"{SectionsGlobalName}[{number}]", Json(json => WriteBlock(json, pages)), $"window.{SectionsGlobalName} = window.{SectionsGlobalName} || {{}};\n")));
        }
        var made = new byte[scripts.Count][];
        Parallel.For(0, scripts.Count, i => made[i] = scripts[i].Make());
        for (var i = 0; i < scripts.Count; i++)
        {
            files[scripts[i].Path] = made[i];
        }
        return files;
    }

    /// <summary>The global that chunk scripts fill, by chunk key.</summary>
    public const string ChunksGlobalName = "FICHES_INDEX_TERMS";

    public static string ChunkPath(string key) => $"{PageAddresses.AssetsFolder}search-index/{key}.js";

    /// <summary>The global that block scripts fill, by block number.</summary>
    public const string SectionsGlobalName = "FICHES_INDEX_SECTIONS";

    /// <summary>
    /// The script of a block of sections. "s-" cannot begin a chunk key (letters and digits, or "_"), so the two kinds
    /// of file share one folder.
    /// </summary>
    public static string BlockPath(int block) => $"{PageAddresses.AssetsFolder}search-index/s-{block.ToString(System.Globalization.CultureInfo.InvariantCulture)}.js";

    /// <summary>
    /// The chunk of a term: its first two characters when they are ASCII letters or digits (a one-character term is
    /// its own chunk), otherwise "_". search.js computes the same key.
    /// </summary>
    public static string ChunkKey(string term)
    {
        var head = term.Length >= 2 ? term[..2] : term;
        return head.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9') ? head : "_";
    }

    private static byte[] Script(string target, ReadOnlySpan<byte> json, string prelude = "")
    {
        // JSON.parse of a string literal loads a large index about twice as fast as the same object written as code
        // (browsers parse JSON with a simpler grammar). The JSON has no raw line breaks; only \ and ' need escaping.
        var start = Encoding.UTF8.GetBytes($"// Search index written by the build (src/Search/SearchIndexStage.cs); read by search.js.\n{prelude}window.{target} = JSON.parse('");
        var end = "');\n"u8;
        var escapes = json.Count((byte)'\\') + json.Count((byte)'\'');
        var script = new byte[start.Length + json.Length + escapes + end.Length];
        start.CopyTo(script, 0);
        var at = start.Length;
        foreach (var b in json)
        {
            if (b is (byte)'\\' or (byte)'\'')
            {
                script[at++] = (byte)'\\';
            }
            script[at++] = b;
        }
        end.CopyTo(script.AsSpan(at));
        return script;
    }

    // The main object with pages, sections and titles, as JSON; the terms or the list of chunks are added by Join.
    // pagesPerBlock null: the sections in full (one script); otherwise their count per page and the block size.
    private byte[] Head(IReadOnlyList<IndexTerm> terms, int? pagesPerBlock) => Json(json =>
        {
            json.WriteStartObject();
            json.WriteNumber("version", Version);
            if (pagesPerBlock is { } blockPages)
            {
                json.WriteStartArray("sectionCounts");
                foreach (var page in _pages)
                {
                    json.WriteNumberValue(page.Sections.Count);
                }
                json.WriteEndArray();
                json.WriteNumber("blockPages", blockPages);
            }
            else
            {
                WritePages(json, _pages);
                json.WriteStartArray("sections");
                foreach (var (p, section) in Sections)
                {
                    json.WriteStartArray();
                    json.WriteNumberValue(p);
                    WriteWords(json, section);
                    json.WriteEndArray();
                }
                json.WriteEndArray();
            }
            if (pagesPerBlock is null)
            {
                WriteTitles(json, InOrder(terms));
            }
            WriteServices(json, _pages);
            json.WriteEndObject();
        });

    // "services": [name, …] (ordinal order) and "pageServices": [i, …] (each page's, -1 for none), in the main script: the
    // search page filters by service while ranking, before any block is loaded. Left out when no page has a service.
    private static void WriteServices(Utf8JsonWriter json, IReadOnlyList<IndexedPage> pages)
    {
        var names = pages.Select(p => p.Service).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        if (names.Count == 0)
        {
            return;
        }
        var numbers = names.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        json.WriteStartArray("services");
        foreach (var name in names)
        {
            json.WriteStringValue(name);
        }
        json.WriteEndArray();
        json.WriteStartArray("pageServices");
        foreach (var page in pages)
        {
            json.WriteNumberValue(page.Service is { } service ? numbers[service] : -1);
        }
        json.WriteEndArray();
    }

    // "titles": { term: [page, …], … }, the terms in the given order that some page's title holds.
    private static void WriteTitles(Utf8JsonWriter json, IEnumerable<IndexTerm> terms)
    {
        json.WriteStartObject("titles");
        foreach (var term in terms.Where(t => t.TitlePages.Count > 0))
        {
            json.WriteStartArray(term.Term);
            foreach (var p in term.TitlePages)
            {
                json.WriteNumberValue(p);
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    // A chunk of terms, in order: { "terms": { term: "postings", … }, "titles": { term: [page, …], … } }. A term's title
    // pages travel with its postings: the main script of a large site would otherwise hold every title term, about a
    // third of it, before the first query.
    private static void WriteChunk(Utf8JsonWriter json, IReadOnlyList<IndexTerm> terms)
    {
        json.WriteStartObject();
        json.WritePropertyName("terms");
        WriteTerms(json, terms);
        WriteTitles(json, terms);
        json.WriteEndObject();
    }

    // A block of sections: [[heading, anchor, snippet], …] of the given pages, in order.
    // A block: { "pages": [[title, path], …], "sections": [[heading, anchor, snippet], …] } of the given pages, in order.
    private static void WriteBlock(Utf8JsonWriter json, IReadOnlyList<IndexedPage> pages)
    {
        json.WriteStartObject();
        WritePages(json, pages);
        json.WriteStartArray("sections");
        foreach (var section in pages.SelectMany(p => p.Sections))
        {
            json.WriteStartArray();
            WriteWords(json, section);
            json.WriteEndArray();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    // "pages": [[title, path], …], with the page's service third when it has one: [title, path, service].
    private static void WritePages(Utf8JsonWriter json, IEnumerable<IndexedPage> pages)
    {
        json.WriteStartArray("pages");
        foreach (var page in pages)
        {
            json.WriteStartArray();
            json.WriteStringValue(page.Title);
            json.WriteStringValue(page.Path);
            if (page.Service is { } service)
            {
                json.WriteStringValue(service);
            }
            json.WriteEndArray();
        }
        json.WriteEndArray();
    }

    // What a result shows of a section, the same in a one-file index and in a block: heading, anchor, snippet.
    private static void WriteWords(Utf8JsonWriter json, PageSection section)
    {
        json.WriteStringValue(section.Heading);
        json.WriteStringValue(section.Anchor);
        json.WriteStringValue(section.Text); // already cut to a snippet by IndexedPage
    }

    // head, a JSON object, with one more property: {…} + "name": value → {…,"name":value}. Property names here are
    // plain ASCII, so they need no escaping.
    private static byte[] Join(byte[] head, string name, byte[] value)
    {
        var property = Encoding.UTF8.GetBytes($",\"{name}\":");
        var joined = new byte[head.Length - 1 + property.Length + value.Length + 1];
        head.AsSpan(0, head.Length - 1).CopyTo(joined);
        property.CopyTo(joined, head.Length - 1);
        value.CopyTo(joined, head.Length - 1 + property.Length);
        joined[^1] = (byte)'}';
        return joined;
    }

    private static byte[] KeysJson(IEnumerable<string> keys) => Json(json =>
        {
            json.WriteStartArray();
            foreach (var key in keys)
            {
                json.WriteStringValue(key);
            }
            json.WriteEndArray();
        });

    private static byte[] TermsJson(IEnumerable<IndexTerm> terms) => Json(json => WriteTerms(json, terms));

    private static void WriteTerms(Utf8JsonWriter json, IEnumerable<IndexTerm> terms)
    {
        json.WriteStartObject();
        foreach (var term in terms)
        {
            json.WriteString(term.Term, term.Postings.Span);
        }
        json.WriteEndObject();
    }

    // One growable buffer per thread, reused from script to script, so that each script allocates only itself, at its
    // final size: a MemoryStream per script grew by doubling and was then copied out, several times the scripts' size
    // in garbage. It keeps the size of the largest script the thread wrote.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_json;

    // What write writes, as UTF-8 JSON, copied out of this thread's buffer at its final size.
    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        var buffer = t_json ??= new ArrayBufferWriter<byte>(64 * 1024);
        buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(json);
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// The 64 characters of encoded postings: the first 32 end a number, the last 32 carry on to the next character.
    /// All are safe unescaped in JSON, in a JavaScript string literal and in HTML, so they cost one byte each.
    /// </summary>
    public const string PostingDigits = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";

    // Base 32, most significant digit first; every digit but the last is taken from the "carry on" half, so numbers
    // need no separator: a word in most sections costs one character per section (deltas of 1 to 3, times 8, plus 0 to 7).
    private static int DigitCount(long value)
    {
        var count = 1;
        while ((value /= 32) > 0)
        {
            count++;
        }
        return count;
    }

    // Writes the number's digits at the start of the span; returns how many.
    private static int WriteNumber(Span<byte> to, long value)
    {
        var count = DigitCount(value);
        to[count - 1] = (byte)PostingDigits[(int)(value % 32)];
        for (var i = count - 2; i >= 0; i--)
        {
            value /= 32;
            to[i] = (byte)PostingDigits[32 + (int)(value % 32)];
        }
        return count;
    }

    /// <summary>The start of a section's text, cut at a word.</summary>
    public static string Snippet(ReadOnlySpan<char> text)
    {
        if (text.Length <= SnippetLength)
        {
            return text.ToString();
        }
        var cut = text[..(SnippetLength + 1)].LastIndexOf(' ');
        return string.Concat(text[..(cut > SnippetLength / 2 ? cut : SnippetLength)], " …");
    }
}
