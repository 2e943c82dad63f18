using System.Text;
using FichesSite.Search;
using OurStemmer = FichesSite.Search.FrenchLightStemmer;
using Xunit.Abstractions;

namespace FichesSite.Tests.Search;

/// <summary>
/// Our hand-written Savoy stemmer against Lucene.Net's FrenchLightStemmer (the reference implementation of the same
/// algorithm), on real French words: Debian's wfrench list (/usr/share/dict/french, installed by .ci/run).
///
/// What is compared: both stemmers are given the word as our index sees it, folded by FrenchNormalizer (lower case,
/// no accents). Lucene's stemmer also accepts accented input, but our pipeline never stems accented text: folding
/// comes first so that « metastase » typed without accents meets « métastase ». The second figure (stemming the
/// accented word with Lucene, then folding) is printed for information only: it measures what folding first costs.
/// </summary>
public sealed class FrenchStemmerOracleTests(ITestOutputHelper output)
{
    private const string WordList = "/usr/share/dict/french";
    private const int SampleSize = 20_000;

    [Fact]
    public void Agrees_with_Lucene_on_at_least_99_percent_of_20000_French_words()
    {
        Assert.True(File.Exists(WordList), $"{WordList} is missing: install Debian's wfrench package (apt-get install -y wfrench), as .ci/run does.");
        var all = File.ReadAllLines(WordList, Encoding.UTF8).Where(w => w.Length > 0 && !w.Contains(' ')).ToList();
        // A fixed, evenly spread sample: the same words on every run.
        var step = Math.Max(1, all.Count / SampleSize);
        var sample = all.Where((_, i) => i % step == 0).Take(SampleSize).ToList();
        Assert.True(sample.Count >= 5000, $"only {sample.Count} words in {WordList}");

        var lucene = new Lucene.Net.Analysis.Fr.FrenchLightStemmer();
        var compared = 0;
        var disagreements = new List<string>();
        var accentedAgreement = 0;
        foreach (var word in sample)
        {
            foreach (var folded in FrenchNormalizer.Words(word))
            {
                compared++;
                var ours = OurStemmer.Stem(folded);
                var theirs = LuceneStem(lucene, folded);
                if (ours != theirs)
                {
                    disagreements.Add($"{word} → {folded}: ours {ours}, Lucene {theirs}");
                }
                var lowered = word.ToLowerInvariant();
                if (FrenchNormalizer.Words(LuceneStem(lucene, lowered)).FirstOrDefault() == ours)
                {
                    accentedAgreement++;
                }
            }
        }
        var agreement = 1.0 - (double)disagreements.Count / compared;
        output.WriteLine($"{compared} folded words from {sample.Count} entries of {WordList}: agreement with Lucene {agreement:P2}, {disagreements.Count} disagreement(s).");
        output.WriteLine($"For information, Lucene stemming the accented word then folding gives our stem for {(double)accentedAgreement / compared:P2} of them.");
        foreach (var line in disagreements.Take(200))
        {
            output.WriteLine("  " + line);
        }
        Assert.True(agreement >= 0.99, $"agreement {agreement:P2} < 99 %:\n" + string.Join("\n", disagreements.Take(50)));
    }

    private static string LuceneStem(Lucene.Net.Analysis.Fr.FrenchLightStemmer lucene, string word)
    {
        var buffer = word.ToCharArray();
        var length = lucene.Stem(buffer, buffer.Length);
        return new string(buffer, 0, length);
    }
}
