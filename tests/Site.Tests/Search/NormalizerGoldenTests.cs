using System.Text.RegularExpressions;
using Jint;
using FichesSite.Search;

namespace FichesSite.Tests.Search;

/// <summary>
/// One golden file, two implementations: the C# normaliser that builds the index and the JavaScript one that reads
/// the patient's query must give the same words and terms for every line of normalizer-golden.tsv.
/// </summary>
public sealed class NormalizerGoldenTests
{
    public static string GoldenPath => Path.Combine(TestSite.RepositoryRoot, "tests", "Site.Tests", "Search", "normalizer-golden.tsv");

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var line in File.ReadAllLines(GoldenPath).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var columns = line.Split('\t');
            Assert.True(columns.Length == 3, $"normalizer-golden.tsv: « {line} » needs three tab-separated columns");
            data.Add(columns[0], columns[1], columns[2]);
        }
        return data;
    }

    public static string Unescape(string input) =>
        Regex.Replace(input, @"\\u([0-9a-fA-F]{4})", m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString());

    [Fact]
    public void The_golden_file_has_enough_cases() => Assert.True(Cases().Count >= 30);

    [Theory]
    [MemberData(nameof(Cases))]
    public void CSharp_normaliser_matches_the_golden_file(string input, string words, string terms)
    {
        var text = Unescape(input);
        Assert.Equal(words, string.Join(' ', FrenchNormalizer.Words(text)));
        Assert.Equal(terms, string.Join(' ', FrenchNormalizer.Terms(text)));
    }

    [Fact]
    public void JavaScript_normaliser_matches_the_golden_file()
    {
        var engine = SearchScripts.Load();
        var failures = new List<string>();
        foreach (var (input, words, terms) in Cases().Select(row => ((string)row[0], (string)row[1], (string)row[2])))
        {
            engine.SetValue("input", Unescape(input));
            var jsWords = engine.Evaluate("FichesSearch.words(input).join(' ')").AsString();
            var jsTerms = engine.Evaluate("FichesSearch.terms(input).join(' ')").AsString();
            if (jsWords != words || jsTerms != terms)
            {
                failures.Add($"{input}: expected [{words}] [{terms}], JavaScript gave [{jsWords}] [{jsTerms}]");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
