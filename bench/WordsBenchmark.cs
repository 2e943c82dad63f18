using System.Diagnostics;
using FichesSite.Content;
using FichesSite.Pipeline;
using FichesSite.Quality.Readability;
using FichesSite.Search;
using FichesSite.Text;

namespace FichesSite.Bench;

/// <summary>
/// Time per word of the steps every word of every sheet goes through, in one process, steady state (the first of
/// seven rounds includes compilation): cutting text into words, the glossary's look-up, syllables, a readability
/// count (words, glossary, syllables, sentences), the search normaliser alone, with stemming, and with its term
/// numbers, and the search index made from every sheet (each paragraph a section; terms, postings and scripts). The
/// paragraphs are those of an N-sheet corpus, synthetic (bench/Corpus.cs, a small vocabulary repeated) or realistic
/// (« zipf », bench/ZipfCorpus.cs), written to a temporary folder.
/// </summary>
public static class WordsBenchmark
{
    private const int Rounds = 7;

    /// <param name="zipf">The realistic corpus (<see cref="ZipfCorpus"/>) instead of the synthetic one.</param>
    public static void Run(string repository, int sheets, bool zipf = false)
    {
        var folder = Directory.CreateTempSubdirectory("fiches-words-").FullName;
        try
        {
            Corpus.Write(repository, folder, sheets, zipf ? ZipfCorpus.Load() : null);
            var glossary = GlossaryFile.Load(Path.Combine(folder, GlossaryTerms.DataFile), "glossaire.yml", new DiagnosticBag(false))
                ?? throw new InvalidOperationException("the corpus's glossary did not load");
            // Paragraphs roughly as the stages see them: no headings, tables or header; list marks taken out.
            var paragraphs = Directory.GetFiles(Path.Combine(folder, "fiches"), "*.md")
                .SelectMany(f => File.ReadAllText(f).Split("\n\n"))
                .Where(p => !p.StartsWith('#') && !p.StartsWith('|') && !p.StartsWith("---", StringComparison.Ordinal))
                .Select(p => p.Replace("- ", " ", StringComparison.Ordinal))
                .ToArray();
            var words = new List<WordSpan>();
            long total = 0;
            foreach (var paragraph in paragraphs)
            {
                words.Clear();
                FrenchWords.Scan(paragraph, words);
                total += words.Count;
            }
            Console.WriteLine($"{sheets} sheets: {paragraphs.Length} paragraphs, {total} words; ns per word, {Rounds} rounds");
            var indexCache = new TermCache();
            var pages = paragraphs.Chunk(Math.Max(1, paragraphs.Length / sheets))
                .Select((sections, i) => new IndexedPage($"Fiche {i}", $"fiches/{i}/index.html",
                    [.. sections.Select((text, s) => new PageSection($"Section {s}", $"s{s}", text))], indexCache))
                .ToList();
            var scorer = new ReadabilityScorer(glossary);
            for (var round = 1; round <= Rounds; round++)
            {
                var scan = PerWord(total, () =>
                {
                    foreach (var p in paragraphs)
                    {
                        words.Clear();
                        FrenchWords.Scan(p, words);
                    }
                });
                var match = PerWord(total, () =>
                {
                    foreach (var p in paragraphs)
                    {
                        words.Clear();
                        FrenchWords.Scan(p, words);
                        for (var i = 0; i < words.Count; i++)
                        {
                            glossary.MatchAt(p, words, i, out _);
                        }
                    }
                });
                var syllables = PerWord(total, () =>
                {
                    foreach (var p in paragraphs)
                    {
                        words.Clear();
                        FrenchWords.Scan(p, words);
                        foreach (var w in words)
                        {
                            FrenchSyllables.Count(p.AsSpan(w.Start, w.Length));
                        }
                    }
                });
                var readability = PerWord(total, () =>
                {
                    foreach (var p in paragraphs)
                    {
                        scorer.Count(p, words);
                    }
                });
                var normalise = PerWord(total, () =>
                {
                    foreach (var p in paragraphs)
                    {
                        FrenchNormalizer.ForEachWord(p, 0, static (w, s) => { });
                    }
                });
                var stems = PerWord(total, () =>
                {
                    foreach (var p in paragraphs)
                    {
                        FrenchNormalizer.ForEachWord(p, 0, static (w, s) =>
                        {
                            Span<char> stem = stackalloc char[w.Length];
                            w.CopyTo(stem);
                            FrenchLightStemmer.StemInPlace(stem);
                        });
                    }
                });
                var terms = new TermCache();
                var codes = new Dictionary<int, int>();
                var search = PerWord(total, () =>
                {
                    foreach (var p in paragraphs)
                    {
                        FrenchNormalizer.ForEachWord(p, (terms, codes), static (w, s) => s.codes[s.terms.TermId(w)] = 1);
                    }
                });
                var index = PerWord(total, () => new SearchIndex(pages).ToFiles(SearchIndexStage.DefaultSplitAboveBytes));
                Console.WriteLine($"  round {round}: scan {scan:F0}, scan + glossary {match:F0}, scan + syllables {syllables:F0}, "
                    + $"readability count {readability:F0}, search words {normalise:F0}, stems {stems:F0}, search words and terms {search:F0}, search index {index:F0}");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static double PerWord(long words, Action work)
    {
        var clock = Stopwatch.StartNew();
        work();
        return clock.Elapsed.TotalNanoseconds / words;
    }
}
