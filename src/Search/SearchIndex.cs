using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace FichesSite.Search;

/// <summary>One page in the index: its title and its path in the site, and their search terms.</summary>
public sealed record IndexedPage(string Title, string Path, IReadOnlyList<PageSection> Sections)
{
    // Normalising and stemming are most of the index's cost: done once per page, in parallel by the stage,
    // and kept by the preview for pages that did not change.
    public IReadOnlyList<string> TitleTerms { get; } = FrenchNormalizer.Terms(Title);

    public IReadOnlyList<(IReadOnlyList<string> Heading, IReadOnlyList<string> Text)> SectionTerms { get; } =
        Sections.Select(s => (FrenchNormalizer.Terms(s.Heading), FrenchNormalizer.Terms(s.Text))).ToList();
}

/// <summary>What the index knows of one term: the pages whose title holds it, and per section (in order) how often its heading and its text do.</summary>
public sealed record TermEntry(List<int> TitlePages, List<(int Section, int Heading, int Text)> Sections);

/// <summary>
/// The search index: pages, their sections, the pages whose title holds each term, and for every term the sections
/// whose heading or text holds it. Written as a script that assigns a global (<see cref="GlobalName"/>), loaded by a
/// plain &lt;script src&gt;: no fetch, no worker, no WebAssembly, so search works from file:// and under a strict
/// Content-Security-Policy. The format is read by theme/assets/js/search.js:
/// <code>
/// { "version": 3,
///   "pages":    [[title, path], …],
///   "sections": [[page, heading, anchor, snippet], …],
///   "titles":   { term: [page, …], … },
///   "terms":    { term: "postings", … } }         or, once split (see ToFiles): "chunks": [key, …]
/// </code>
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
    public const int SnippetLength = 120;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Keeps accents readable and escapes < > & ' (a hostile title can never close a tag).
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    private readonly IReadOnlyList<IndexedPage> _pages;

    public SearchIndex(IEnumerable<IndexedPage> pages) => _pages = pages.OrderBy(p => p.Path, StringComparer.Ordinal).ToList();

    public IReadOnlyList<IndexedPage> Pages => _pages;

    /// <summary>The sections in index order, with the index of their page.</summary>
    public IEnumerable<(int Page, PageSection Section)> Sections =>
        _pages.SelectMany((page, p) => page.Sections.Select(section => (p, section)));

    /// <summary>For every term, in ordinal order: the pages whose title holds it and, per section, how often its heading and its text do.</summary>
    public IReadOnlyList<KeyValuePair<string, TermEntry>> Terms()
    {
        // Pages and sections are visited in index order, so each list grows at its end: no sorted containers needed.
        var terms = new Dictionary<string, TermEntry>(StringComparer.Ordinal);
        TermEntry Entry(string term)
        {
            if (!terms.TryGetValue(term, out var entry))
            {
                entry = new TermEntry([], []);
                terms[term] = entry;
            }
            return entry;
        }
        var s = 0;
        for (var p = 0; p < _pages.Count; p++)
        {
            foreach (var term in _pages[p].TitleTerms)
            {
                var pages = Entry(term).TitlePages;
                if (pages.Count == 0 || pages[^1] != p)
                {
                    pages.Add(p);
                }
            }
            foreach (var (headingTerms, textTerms) in _pages[p].SectionTerms)
            {
                foreach (var term in headingTerms)
                {
                    Count(Entry(term).Sections, s, heading: 1, text: 0);
                }
                foreach (var term in textTerms)
                {
                    Count(Entry(term).Sections, s, heading: 0, text: 1);
                }
                s++;
            }
        }
        return terms.OrderBy(t => t.Key, StringComparer.Ordinal).ToList();
    }

    private static void Count(List<(int Section, int Heading, int Text)> postings, int section, int heading, int text)
    {
        if (postings.Count > 0 && postings[^1].Section == section)
        {
            var last = postings[^1];
            postings[^1] = (section, last.Heading + heading, last.Text + text);
        }
        else
        {
            postings.Add((section, heading, text));
        }
    }

    /// <summary>The whole index in one script, <see cref="ScriptPath"/>.</summary>
    public string ToScript()
    {
        var terms = Terms();
        return Script(GlobalName, Json(terms, Encoded(terms), chunks: null));
    }

    // Each term's postings, encoded once: the whole index and its chunks both write them.
    private static List<KeyValuePair<string, string>> Encoded(IReadOnlyList<KeyValuePair<string, TermEntry>> terms) =>
        terms.Select(t => new KeyValuePair<string, string>(t.Key, EncodePostings(t.Value.Sections))).ToList();

    /// <summary>
    /// The files of the index: one script while it weighs at most <paramref name="splitAboveBytes"/>; past that, a
    /// main script without the terms (it lists the chunks instead) and one script per chunk of terms, the terms
    /// that share their first two characters (<see cref="ChunkKey"/>), which search.js loads by &lt;script src&gt;
    /// when a query word needs it. The measurements behind the threshold are in docs/search.md.
    /// </summary>
    public IReadOnlyDictionary<string, string> ToFiles(long splitAboveBytes)
    {
        var terms = Terms();
        var postings = Encoded(terms);
        var whole = Script(GlobalName, Json(terms, postings, chunks: null));
        if (Encoding.UTF8.GetByteCount(whole) <= splitAboveBytes)
        {
            return new SortedDictionary<string, string>(StringComparer.Ordinal) { [ScriptPath] = whole };
        }
        var chunks = postings.GroupBy(t => ChunkKey(t.Key)).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [ScriptPath] = Script(GlobalName, Json(terms, postings, chunks.Keys.Order(StringComparer.Ordinal).ToList())),
        };
        foreach (var (key, chunk) in chunks)
        {
            files[ChunkPath(key)] = Script($"{ChunksGlobalName}['{key}']", TermsJson(chunk), $"window.{ChunksGlobalName} = window.{ChunksGlobalName} || {{}};\n");
        }
        return files;
    }

    /// <summary>Where the index goes in the site; base.liquid loads it with a &lt;script src&gt;.</summary>
    public const string ScriptPath = "assets/search-index.js";

    /// <summary>The global that chunk scripts fill, by chunk key.</summary>
    public const string ChunksGlobalName = "FICHES_INDEX_TERMS";

    public static string ChunkPath(string key) => $"assets/search-index/{key}.js";

    /// <summary>
    /// The chunk of a term: its first two characters when they are ASCII letters or digits (a one-character term is
    /// its own chunk), otherwise "_". search.js computes the same key.
    /// </summary>
    public static string ChunkKey(string term)
    {
        var head = term.Length >= 2 ? term[..2] : term;
        return head.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9') ? head : "_";
    }

    private static string Script(string target, byte[] json, string prelude = "")
    {
        // JSON.parse of a string literal loads a large index about twice as fast as the same object written as code
        // (browsers parse JSON with a simpler grammar). The JSON has no raw line breaks; only \ and ' need escaping.
        var literal = Encoding.UTF8.GetString(json).Replace("\\", "\\\\").Replace("'", "\\'");
        return $"// Search index written by the build (src/Search/SearchIndexStage.cs); read by search.js.\n{prelude}window.{target} = JSON.parse('{literal}');\n";
    }

    private byte[] Json(IReadOnlyList<KeyValuePair<string, TermEntry>> terms, IReadOnlyList<KeyValuePair<string, string>> postings, IReadOnlyList<string>? chunks)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteNumber("version", 3);
            json.WriteStartArray("pages");
            foreach (var page in _pages)
            {
                json.WriteStartArray();
                json.WriteStringValue(page.Title);
                json.WriteStringValue(page.Path);
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteStartArray("sections");
            foreach (var (p, section) in Sections)
            {
                json.WriteStartArray();
                json.WriteNumberValue(p);
                json.WriteStringValue(section.Heading);
                json.WriteStringValue(section.Anchor);
                json.WriteStringValue(Snippet(section.Text));
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteStartObject("titles");
            foreach (var (term, entry) in terms.Where(t => t.Value.TitlePages.Count > 0))
            {
                json.WriteStartArray(term);
                foreach (var p in entry.TitlePages)
                {
                    json.WriteNumberValue(p);
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
            if (chunks is null)
            {
                json.WritePropertyName("terms");
                WriteTerms(json, postings);
            }
            else
            {
                json.WriteStartArray("chunks");
                foreach (var key in chunks)
                {
                    json.WriteStringValue(key);
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static byte[] TermsJson(IEnumerable<KeyValuePair<string, string>> terms)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            WriteTerms(json, terms);
        }
        return buffer.ToArray();
    }

    private static void WriteTerms(Utf8JsonWriter json, IEnumerable<KeyValuePair<string, string>> postings)
    {
        json.WriteStartObject();
        foreach (var (term, encoded) in postings)
        {
            json.WriteString(term, encoded);
        }
        json.WriteEndObject();
    }

    /// <summary>
    /// The 64 characters of encoded postings: the first 32 end a number, the last 32 carry on to the next character.
    /// All are safe unescaped in JSON, in a JavaScript string literal and in HTML, so they cost one byte each.
    /// </summary>
    public const string PostingDigits = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";

    /// <summary>Postings as search.js decodes them: see the format above.</summary>
    public static string EncodePostings(IEnumerable<(int Section, int Heading, int Text)> sections)
    {
        var encoded = new StringBuilder();
        var previous = 0;
        foreach (var (section, heading, text) in sections)
        {
            AppendNumber(encoded, (long)(section - previous) * 8 + (heading > 0 ? 4 : 0) + Math.Min(text, 3));
            previous = section;
        }
        return encoded.ToString();
    }

    // Base 32, most significant digit first; every digit but the last is taken from the "carry on" half, so numbers
    // need no separator: a word in most sections costs one character per section (deltas of 1 to 3, times 8, plus 0 to 7).
    private static void AppendNumber(StringBuilder encoded, long value)
    {
        Span<char> buffer = stackalloc char[16];
        var start = buffer.Length;
        buffer[--start] = PostingDigits[(int)(value % 32)];
        value /= 32;
        while (value > 0)
        {
            buffer[--start] = PostingDigits[32 + (int)(value % 32)];
            value /= 32;
        }
        encoded.Append(buffer[start..]);
    }

    /// <summary>The start of a section's text, cut at a word.</summary>
    public static string Snippet(string text)
    {
        if (text.Length <= SnippetLength)
        {
            return text;
        }
        var cut = text.LastIndexOf(' ', SnippetLength);
        return text[..(cut > SnippetLength / 2 ? cut : SnippetLength)] + " …";
    }
}
