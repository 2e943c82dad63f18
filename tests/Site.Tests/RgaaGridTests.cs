using System.Reflection;
using System.Text.RegularExpressions;
using FichesSite.Pipeline;
using FichesSite.Rendering;
using YamlDotNet.RepresentationModel;

namespace FichesSite.Tests;

/// <summary>
/// The accessibility statement rests on docs/grille-rgaa.yml, the 106 criteria of RGAA 4.1 each marked as checked by
/// named tests, argued by hand, not applicable or not met. The conformance level that the « Accessibilité » page and
/// the footer announce is the one the grid gives, and every test the grid names exists.
/// </summary>
public sealed partial class RgaaGridTests
{
    // RGAA 4.1: its 13 themes and how many criteria each holds (106 in all).
    private static readonly int[] CriteriaPerTheme = [9, 2, 3, 13, 8, 2, 5, 10, 4, 14, 13, 11, 12];

    private sealed record Criterion(string Number, string Title, string Status, IReadOnlyList<string> Tests, string? Argument);

    private static IReadOnlyList<Criterion> Grid(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return ((YamlSequenceNode)stream.Documents[0].RootNode).Children.Cast<YamlMappingNode>().Select(entry =>
        {
            string? Field(string key) => entry.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;
            var tests = entry.Children.TryGetValue(new YamlScalarNode("tests"), out var list)
                ? ((YamlSequenceNode)list).Children.Select(t => ((YamlScalarNode)t).Value!).ToList()
                : [];
            return new Criterion(Field("critere")!, Field("titre") ?? "", Field("statut") ?? "", tests, Field("argument"));
        }).ToList();
    }

    private static IReadOnlyList<Criterion> RepositoryGrid() => Grid(File.ReadAllText(Path.Combine(TestSite.RepositoryRoot, "docs", "grille-rgaa.yml")));

    // RGAA's rule: every applicable criterion met is « totalement conforme »; half of them or more, « partiellement ».
    private static (string Level, int Rate, int Met, int NotMet, int NotApplicable) Result(IReadOnlyList<Criterion> grid)
    {
        var met = grid.Count(c => c.Status == "conforme");
        var notMet = grid.Count(c => c.Status == "non-conforme");
        var rate = met + notMet == 0 ? 100 : met * 100 / (met + notMet);
        var level = notMet == 0 ? "totalement conforme" : rate >= 50 ? "partiellement conforme" : "non conforme";
        return (level, rate, met, notMet, grid.Count - met - notMet);
    }

    [Fact]
    public void The_grid_holds_the_106_criteria_of_rgaa_4_1_in_order()
    {
        var expected = CriteriaPerTheme.SelectMany((count, theme) => Enumerable.Range(1, count).Select(n => $"{theme + 1}.{n}"));
        Assert.Equal(expected, RepositoryGrid().Select(c => c.Number));
        Assert.All(RepositoryGrid(), c => Assert.EndsWith("?", c.Title.Trim()));
    }

    [Fact]
    public void Each_criterion_is_met_with_its_proof_or_says_why_not()
    {
        foreach (var criterion in RepositoryGrid())
        {
            Assert.Contains(criterion.Status, new[] { "conforme", "non-applicable", "non-conforme" });
            if (criterion.Status == "conforme")
            {
                Assert.True(criterion.Tests.Count > 0 || !string.IsNullOrWhiteSpace(criterion.Argument), $"{criterion.Number}: met, with neither test nor argument");
            }
            else
            {
                Assert.False(string.IsNullOrWhiteSpace(criterion.Argument), $"{criterion.Number}: {criterion.Status} without its reason");
            }
        }
    }

    [Fact]
    public void Every_test_the_grid_names_is_a_test_of_this_suite()
    {
        var tests = typeof(RgaaGridTests).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(method => method.GetCustomAttributes<FactAttribute>(inherit: true).Any())
                .Select(method => type.Name + "." + method.Name))
            .ToHashSet(StringComparer.Ordinal);
        var named = RepositoryGrid().SelectMany(c => c.Tests.Select(test => (c.Number, test))).ToList();
        Assert.NotEmpty(named);
        Assert.All(named, n => Assert.True(tests.Contains(n.test), $"critère {n.Number}: no test {n.test}"));
    }

    [Fact]
    public void The_accessibility_page_and_the_footer_announce_what_the_grid_gives()
    {
        var (level, rate, met, notMet, notApplicable) = Result(RepositoryGrid());
        var page = File.ReadAllText(Path.Combine(TestSite.RepositoryRoot, "input", "pages", "accessibilite.md"));

        Assert.Equal(level, StatedLevel().Match(page).Groups[1].Value);
        Assert.Contains($"{rate} % des critères applicables", page, StringComparison.Ordinal);
        Assert.Contains($"{met} critères conformes, {notMet} non conforme", page, StringComparison.Ordinal);
        Assert.Contains($"{notApplicable} critères ne s’appliquent pas", page, StringComparison.Ordinal);
        var strings = ThemeStrings.Load(Path.Combine(TestSite.RepositoryTheme, "i18n", "fr.yml"), "fr.yml", new DiagnosticBag(warningsAreErrors: false))!;
        Assert.EndsWith(": " + level, (string)strings.Values["accessibility_status"], StringComparison.Ordinal);
    }

    [Fact]
    public void One_criterion_not_met_makes_the_site_partially_conformant_and_half_of_them_not_conformant()
    {
        Criterion Of(string status) => new("1.1", "?", status, [], "raison");
        Assert.Equal("totalement conforme", Result([Of("conforme"), Of("non-applicable")]).Level);
        Assert.Equal(("partiellement conforme", 66), Result([Of("conforme"), Of("conforme"), Of("non-conforme")]) is var r ? (r.Level, r.Rate) : default);
        Assert.Equal("non conforme", Result([Of("conforme"), Of("non-conforme"), Of("non-conforme")]).Level);
    }

    [GeneratedRegex(@"Ce site est \*\*([^*]+)\*\*")]
    private static partial Regex StatedLevel();
}
