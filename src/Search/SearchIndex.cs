using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace FichesSite.Search;

/// <summary>One page in the index: its title and its path in the site.</summary>
public sealed record IndexedPage(string Title, string Path, IReadOnlyList<PageSection> Sections);

/// <summary>
/// The search index: pages, their sections, and for every term the pages whose title holds it and the sections whose
/// heading or text holds it, with counts. Written as a script that assigns a global (<see cref="GlobalName"/>), loaded
/// by a plain &lt;script src&gt;: no fetch, no worker, no WebAssembly, so search works from file:// and under a strict
/// Content-Security-Policy. The format is read by theme/assets/js/search.js:
/// <code>
/// { "version": 1,
///   "pages":    [[title, path], …],
///   "sections": [[page, heading, anchor, snippet], …],
///   "terms":    { term: [[page, …], [section, heading count, text count, …]], … } }
/// </code>
/// Everything is sorted (pages by path, terms ordinally), so the same input gives the same bytes.
/// </summary>
public sealed class SearchIndex
{
    public const string GlobalName = "FICHES_INDEX";
    public const int SnippetLength = 160;

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
            json.WriteNumber("version", 1);
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
            json.WriteStartObject("terms");
            foreach (var (term, (titlePages, sections)) in Terms())
            {
                json.WriteStartArray(term);
                json.WriteStartArray();
                foreach (var p in titlePages)
                {
                    json.WriteNumberValue(p);
                }
                json.WriteEndArray();
                json.WriteStartArray();
                foreach (var (s, (heading, text)) in sections)
                {
                    json.WriteNumberValue(s);
                    json.WriteNumberValue(heading);
                    json.WriteNumberValue(text);
                }
                json.WriteEndArray();
                json.WriteEndArray();
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return $"// Search index written by the build (src/Search/SearchIndexStage.cs); read by search.js.\nwindow.{GlobalName} = {Encoding.UTF8.GetString(buffer.ToArray())};\n";
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
