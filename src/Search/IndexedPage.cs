namespace FichesSite.Search;

/// <summary>A term of a section, with what a posting says of it: 4 if the heading holds it, plus how often the text does (at most 3).</summary>
public readonly record struct SectionTerm(string Term, int Code);

/// <summary>One page in the index: its title and its path in the site, and their search terms.</summary>
/// <remarks>
/// Normalising and stemming are most of the index's cost: done once per page, in parallel by the stage, and kept by
/// the preview for pages that did not change. Only what the index writes is kept (each term once per section, with
/// its code), not every word: the stage holds every page of the site at once.
/// </remarks>
public sealed class IndexedPage
{
    public IndexedPage(string title, string path, IReadOnlyList<PageSection> sections, TermCache? cache = null)
    {
        cache ??= new TermCache();
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
        var codes = new Dictionary<string, int>(StringComparer.Ordinal); // one for all the sections of the page
        SectionTerms = sections.Select(section => TermsOf(section, cache, codes)).ToArray();
    }

    public string Title { get; }

    public string Path { get; }

    /// <summary>The sections, each text cut to its snippet.</summary>
    public IReadOnlyList<PageSection> Sections { get; }

    /// <summary>The distinct terms of the title.</summary>
    public IReadOnlyList<string> TitleTerms { get; }

    /// <summary>Per section, each of its terms once (in no particular order: each term's postings are written apart).</summary>
    public IReadOnlyList<SectionTerm[]> SectionTerms { get; }

    private static SectionTerm[] TermsOf(PageSection section, TermCache cache, Dictionary<string, int> codes)
    {
        codes.Clear();
        FrenchNormalizer.ForEachWord(section.Heading, (codes, cache), static (word, s) =>
        {
            var term = s.cache.Stem(word);
            s.codes[term] = s.codes.GetValueOrDefault(term) | 4;
        });
        FrenchNormalizer.ForEachWord(section.Text, (codes, cache), static (word, s) =>
        {
            var term = s.cache.Stem(word);
            var code = s.codes.GetValueOrDefault(term);
            if ((code & 3) < 3)
            {
                s.codes[term] = code + 1;
            }
        });
        return codes.Select(c => new SectionTerm(c.Key, c.Value)).ToArray();
    }
}
