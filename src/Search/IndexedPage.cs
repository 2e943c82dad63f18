using System.Runtime.InteropServices;
using System.Text;
using FichesSite.Markdown.Sections;
using FichesSite.Text;

namespace FichesSite.Search;

/// <summary>One page in the index: its title and its path in the site, and their search terms.</summary>
/// <remarks>
/// Normalising and stemming are most of the index's cost: done once per page, in parallel by the stage, and kept by
/// the preview for pages that did not change. Only what the index writes is kept (each term once per section, with
/// its code), not every word, and as numbers of the build's <see cref="TermCache"/>: the stage holds every page of the
/// site at once, and a term string with its code per entry weighed many times more.
/// </remarks>
public sealed class IndexedPage
{
    // Per section, each of its terms once: the term's number × 8 + its code.
    private readonly int[][] _sectionTerms;

    /// <summary>A page from its sections, each with its whole text.</summary>
    public IndexedPage(string title, string path, IReadOnlyList<PageSection> sections, TermCache? cache = null)
        : this(title, path, cache ?? new TermCache(), reader => { foreach (var s in sections) reader.Add(s.Heading, s.Anchor, s.Text, s.Text); })
    {
    }

    /// <summary>
    /// A page from its section model (see <see cref="PageSections"/>), without a string of any section's whole text; an
    /// internal block's text comes after <paramref name="internalLabel"/>.
    /// </summary>
    public IndexedPage(string title, string path, PageSectionModel model, string description, TermCache cache, string internalLabel)
        : this(title, path, cache, reader => reader.AddAll(model, description, internalLabel))
    {
    }

    private IndexedPage(string title, string path, TermCache cache, Action<SectionReader> readSections)
    {
        Cache = cache;
        Title = title;
        Path = path;
        var titleTerms = new List<int>();
        FrenchNormalizer.ForEachWord(title, (titleTerms, cache), static (word, s) =>
        {
            var term = s.cache.TermId(word);
            if (!s.titleTerms.Contains(term))
            {
                s.titleTerms.Add(term);
            }
        });
        TitleTermNumbers = titleTerms;
        var reader = new SectionReader(cache);
        readSections(reader);
        Sections = [.. reader.Sections];
        _sectionTerms = [.. reader.Terms];
    }

    public string Title { get; }

    public string Path { get; }

    /// <summary>The name of the page's service (a sheet's), which a result shows under its title; null for other pages.</summary>
    public string? Service { get; init; }

    /// <summary>The sections, each text cut to its snippet.</summary>
    public IReadOnlyList<PageSection> Sections { get; }

    /// <summary>The distinct terms of the title.</summary>
    public IEnumerable<string> TitleTerms => TitleTermNumbers.Select(Cache.Term);

    /// <summary>The distinct terms of the title, as numbers in <see cref="Cache"/>.</summary>
    internal IReadOnlyList<int> TitleTermNumbers { get; }

    /// <summary>The build's term numbers that <see cref="SectionTermNumbers"/> refer to.</summary>
    internal TermCache Cache { get; }

    /// <summary>
    /// Per section, each of its terms once (in no particular order: each term's postings are written apart), as its
    /// number in <see cref="Cache"/> × 8 + what a posting says of it: 4 if the heading holds it, plus how often the
    /// text does (at most 3).
    /// </summary>
    internal IReadOnlyList<int[]> SectionTermNumbers => _sectionTerms;

    // Keeps of each section only what the index writes: the snippet of its text, and its terms with their codes.
    private sealed class SectionReader(TermCache cache)
    {
        public List<PageSection> Sections { get; } = [];

        public List<int[]> Terms { get; } = [];

        // Each section's text is read in place from one pooled builder per page: a string of each whole text, which only
        // its terms and a snippet need, was the larger part of what the search terms stage allocated.
        public void AddAll(PageSectionModel model, string description, string internalLabel)
        {
            var text = TextBuilders.Pool.Get();
            try
            {
                AddAll(model, description, internalLabel, text);
            }
            finally
            {
                TextBuilders.Pool.Return(text);
            }
        }

        private void AddAll(PageSectionModel model, string description, string internalLabel, StringBuilder text)
        {
            Span<char> squeezed = stackalloc char[PageSections.OpeningLength];
            foreach (var part in PageSections.Of(model))
            {
                text.Clear();
                PageSections.AppendText(part, description, text, internalLabel);
                var whole = BuilderText.SpanOf(text);
                var opening = PageSections.Opening(whole, squeezed);
                // An opening with nothing in it (no description, a heading first) is not worth a result of its own.
                if (part.Section.Level == 0 && opening.IsEmpty)
                {
                    continue;
                }
                Add(PageSections.HeadingOf(part), part.Section.Anchor, whole, opening);
            }
        }

        /// <param name="opening">The start of the text as <see cref="PageSections.Opening"/> gives it, or the whole text.</param>
        public void Add(string heading, string anchor, ReadOnlySpan<char> text, ReadOnlySpan<char> opening)
        {
            Sections.Add(new PageSection(heading, anchor, SearchIndex.Snippet(opening)));
            Terms.Add(TermsOf(heading, text, cache));
        }
    }

    // One per thread, cleared for each section.
    [ThreadStatic]
    private static Dictionary<int, int>? t_codes;

    // One per thread, empty between calls.
    [ThreadStatic]
    private static TermCache.WordBatch? t_batch;

    private static int[] TermsOf(string heading, ReadOnlySpan<char> text, TermCache cache)
    {
        var codes = (t_codes ??= []);
        codes.Clear();
        FrenchNormalizer.ForEachWord(heading, (codes, cache), static (word, s) =>
        {
            var term = s.cache.TermId(word);
            s.codes[term] = s.codes.GetValueOrDefault(term) | 4;
        });
        // The text's words are looked up in batches (see TermCache.Resolve): most of a page's words.
        var batch = (t_batch ??= new TermCache.WordBatch());
        FrenchNormalizer.ForEachWord(text, (codes, cache, batch), static (word, s) =>
        {
            s.cache.Add(s.batch, word);
            if (s.batch.IsFull)
            {
                Count(s.codes, s.cache, s.batch);
            }
        });
        Count(codes, cache, batch);
        var terms = new int[codes.Count];
        var i = 0;
        foreach (var (term, code) in codes)
        {
            terms[i++] = term << 3 | code;
        }
        return terms;
    }

    // Resolves the batch and counts each of its words in the text (at most 3).
    private static void Count(Dictionary<int, int> codes, TermCache cache, TermCache.WordBatch batch)
    {
        var count = cache.Resolve(batch);
        for (var i = 0; i < count; i++)
        {
            ref var code = ref CollectionsMarshal.GetValueRefOrAddDefault(codes, batch.Numbers[i], out _);
            if ((code & 3) < 3)
            {
                code++;
            }
        }
    }
}
