using System.Runtime.InteropServices;

namespace FichesSite.Search;

/// <summary>A term of a section, with what a posting says of it: 4 if the heading holds it, plus how often the text does (at most 3).</summary>
public readonly record struct SectionTerm(string Term, int Code);

/// <summary>One page in the index: its title and its path in the site, and their search terms.</summary>
/// <remarks>
/// Normalising and stemming are most of the index's cost: done once per page, in parallel by the stage, and kept by
/// the preview for pages that did not change. Only what the index writes is kept (each term once per section, with
/// its code), not every word, and as numbers of the build's <see cref="TermCache"/>: the stage holds every page of the
/// site at once (with a 16-byte SectionTerm per entry, that was some 100 MB at 10,000 sheets).
/// </remarks>
public sealed class IndexedPage
{
    private readonly TermCache _cache;

    // Per section, each of its terms once: the term's number × 8 + its code.
    private readonly int[][] _sectionTerms;

    public IndexedPage(string title, string path, IReadOnlyList<PageSection> sections, TermCache? cache = null)
    {
        _cache = cache ??= new TermCache();
        Title = title;
        Path = path;
        // Only the snippet of a section's text is written; the whole text serves the terms below, then goes.
        Sections = sections.Select(section => section with { Text = SearchIndex.Snippet(section.Text) }).ToArray();
        var titleTerms = new List<string>();
        FrenchNormalizer.ForEachWord(title, (titleTerms, cache), static (word, s) =>
        {
            var term = s.cache.Stem(word);
            if (!s.titleTerms.Contains(term))
            {
                s.titleTerms.Add(term);
            }
        });
        TitleTerms = titleTerms;
        var codes = new Dictionary<int, int>(); // one for all the sections of the page
        _sectionTerms = sections.Select(section => TermsOf(section, cache, codes)).ToArray();
    }

    public string Title { get; }

    public string Path { get; }

    /// <summary>The sections, each text cut to its snippet.</summary>
    public IReadOnlyList<PageSection> Sections { get; }

    /// <summary>The distinct terms of the title.</summary>
    public IReadOnlyList<string> TitleTerms { get; }

    /// <summary>
    /// Per section, each of its terms once (in no particular order: each term's postings are written apart).
    /// Made on each call from the numbers the page keeps: the index reads it once per page.
    /// </summary>
    public IReadOnlyList<SectionTerm[]> SectionTerms =>
        _sectionTerms.Select(terms => Array.ConvertAll(terms, t => new SectionTerm(_cache.Term(t >> 3), t & 7))).ToArray();

    private static int[] TermsOf(PageSection section, TermCache cache, Dictionary<int, int> codes)
    {
        codes.Clear();
        FrenchNormalizer.ForEachWord(section.Heading, (codes, cache), static (word, s) =>
        {
            var term = s.cache.TermId(word);
            s.codes[term] = s.codes.GetValueOrDefault(term) | 4;
        });
        FrenchNormalizer.ForEachWord(section.Text, (codes, cache), static (word, s) =>
        {
            ref var code = ref CollectionsMarshal.GetValueRefOrAddDefault(s.codes, s.cache.TermId(word), out _);
            if ((code & 3) < 3)
            {
                code++;
            }
        });
        var terms = new int[codes.Count];
        var i = 0;
        foreach (var (term, code) in codes)
        {
            terms[i++] = term << 3 | code;
        }
        return terms;
    }
}
