using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace FichesSite.Search;

/// <summary>One page in the index: its title and its path in the site.</summary>
public sealed record IndexedPage(string Title, string Path, IReadOnlyList<PageSection> Sections);

/// <summary>
/// The search index: pages, their sections, the pages whose title holds each term, and for every term the sections
/// whose heading or text holds it. Written as a script that assigns a global (<see cref="GlobalName"/>), loaded by a
/// plain &lt;script src&gt;: no fetch, no worker, no WebAssembly, so search works from file:// and under a strict
/// Content-Security-Policy. The format is read by theme/assets/js/search.js:
/// <code>
/// { "version": 2,
///   "pages":    [[title, path], …],
///   "sections": [[page, heading, anchor, snippet], …],
///   "titles":   { term: [page, …], … },
///   "terms":    { term: "postings", … } }
/// </code>
/// Postings are kept small because they are most of the index: one base-36 number per section holding the term,
/// (section − previous section) × 8 + 4 if the heading holds it + the number of times the text does, at most 3
/// (ranking damps counts anyway). A string per term also loads faster than nested arrays: the browser decodes
/// only the postings of the words searched. Everything is sorted (pages by path, terms ordinally), so the same
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

    /// <summary>For every term: the pages whose title holds it and, per section, how often its heading and its text do.</summary>
    public SortedDictionary<string, (SortedSet<int> TitlePages, SortedDictionary<int, (int Heading, int Text)> Sections)> Terms()
    {
        var terms = new SortedDictionary<string, (SortedSet<int>, SortedDictionary<int, (int, int)>)>(StringComparer.Ordinal);
        (SortedSet<int> TitlePages, SortedDictionary<int, (int Heading, int Text)> Sections) Entry(string term)
        {
            if (!terms.TryGetValue(term, out var entry))
            {
                entry = ([], []);
                terms[term] = entry;
            }
            return entry;
        }
        for (var p = 0; p < _pages.Count; p++)
        {
            foreach (var term in FrenchNormalizer.Terms(_pages[p].Title))
            {
                Entry(term).TitlePages.Add(p);
            }
        }
        var s = 0;
        foreach (var (_, section) in Sections)
        {
            foreach (var term in FrenchNormalizer.Terms(section.Heading))
            {
                var postings = Entry(term).Sections;
                postings[s] = postings.TryGetValue(s, out var c) ? (c.Heading + 1, c.Text) : (1, 0);
            }
            foreach (var term in FrenchNormalizer.Terms(section.Text))
            {
                var postings = Entry(term).Sections;
                postings[s] = postings.TryGetValue(s, out var c) ? (c.Heading, c.Text + 1) : (0, 1);
            }
            s++;
        }
        return terms;
    }

    public string ToScript()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteNumber("version", 2);
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
            var terms = Terms();
            json.WriteStartObject("titles");
            foreach (var (term, (titlePages, _)) in terms.Where(t => t.Value.TitlePages.Count > 0))
            {
                json.WriteStartArray(term);
                foreach (var p in titlePages)
                {
                    json.WriteNumberValue(p);
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
            json.WriteStartObject("terms");
            foreach (var (term, (_, sections)) in terms)
            {
                json.WriteString(term, EncodePostings(sections));
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        // JSON.parse of a string literal loads a large index about twice as fast as the same object written as code
        // (browsers parse JSON with a simpler grammar). The JSON has no raw line breaks; only \ and ' need escaping.
        var literal = Encoding.UTF8.GetString(buffer.ToArray()).Replace("\\", "\\\\").Replace("'", "\\'");
        return $"// Search index written by the build (src/Search/SearchIndexStage.cs); read by search.js.\nwindow.{GlobalName} = JSON.parse('{literal}');\n";
    }

    /// <summary>Postings as search.js decodes them: see the format above.</summary>
    public static string EncodePostings(SortedDictionary<int, (int Heading, int Text)> sections)
    {
        var encoded = new StringBuilder();
        var previous = 0;
        foreach (var (section, (heading, text)) in sections)
        {
            var value = (long)(section - previous) * 8 + (heading > 0 ? 4 : 0) + Math.Min(text, 3);
            encoded.Append(encoded.Length > 0 ? " " : "").Append(Base36(value));
            previous = section;
        }
        return encoded.ToString();
    }

    private static string Base36(long value)
    {
        const string digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        var chars = new Stack<char>();
        do
        {
            chars.Push(digits[(int)(value % 36)]);
            value /= 36;
        }
        while (value > 0);
        return new string(chars.ToArray());
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
