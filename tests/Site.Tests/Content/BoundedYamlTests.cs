using System.Text;
using CsCheck;
using FichesSite.Content;
using FichesSite.Pipeline;
using FichesSite.Rendering;

namespace FichesSite.Tests;

/// <summary>
/// Every YAML file the generator reads (a page's header, site.yml, contracts.yml, the glossary, the theme's words)
/// refuses anchors and aliases, and nesting past <see cref="BoundedYaml.DeepestNesting"/> levels, with a French error
/// at the line where they are: through <see cref="BoundedYaml"/>, the one loader.
/// </summary>
public sealed class BoundedYamlTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fiches-yaml-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Repeat(string text, int times) => new StringBuilder(text.Length * times).Insert(0, text, times).ToString();

    // Each reader of a YAML file, as the build calls it: the diagnostics of reading the text as that file.
    private delegate IReadOnlyList<Diagnostic> Reader(string yaml);

    private Reader FileReader(Func<string, string, DiagnosticBag, object?> read) => yaml =>
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".yml");
        File.WriteAllText(path, yaml);
        var diagnostics = new DiagnosticBag();
        read(path, "input/fichier.yml", diagnostics);
        return diagnostics.All;
    };

    // The header's YAML, in a page whose first line is the opening fence: its line n is the page's line n + 1.
    private static IReadOnlyList<Diagnostic> Header(string yaml)
    {
        var diagnostics = new DiagnosticBag();
        new FrontMatterStage(TestSite.Today).Run(new Document("input/pages/essai.md", "essai/index.html", "---\n" + yaml + "\n---\n\nTexte.\n"), SiteProducts.None, diagnostics);
        return diagnostics.All.Select(d => d with { Line = d.Line - 1 }).ToList();
    }

    private IEnumerable<(string Name, Reader Read)> Readers() =>
    [
        ("en-tête", Header),
        ("site.yml", FileReader(SiteConfigFile.Read)),
        ("contracts.yml", FileReader(ContractsFile.Read)),
        ("glossaire", FileReader(GlossaryFile.Load)),
        ("textes du thème", FileReader(ThemeStrings.Load)),
    ];

    // Lines that are no anchor, each with a key of its own (a key given twice is another error, found first).
    private static readonly string[] BenignStyles = ["k{0}: valeur", "# un commentaire", "", "liste{0}: [a, b]", "texte{0}: \"R&D *important* & cie\"", "plain{0}: R&D et 2*3"];

    private static Gen<string[]> Benign(string side) => Gen.Int[0, BenignStyles.Length - 1].Array[0, 8]
        .Select(styles => styles.Select((style, i) => string.Format(BenignStyles[style], side + i)).ToArray());

    // An anchor or an alias, however written: on a value, a list item, a key, a merge, inside a flow list or group.
    private static readonly Gen<string> Anchored = Gen.OneOf(
        "a: &x valeur", "b: *x", "c: [&y 1, 2]", "d: [1, *y]", "<<: *z", "? *k\n: v", "e: { f: &w g }", "&top h: i", "j: !!str &t k",
        "l:\n  - &m n", "o:\n  - *m");

    [Fact]
    public void An_anchor_or_alias_is_refused_at_its_line_in_every_yaml_file() =>
        Gen.Select(Benign("avant"), Anchored, Benign("apres")).Sample((before, anchored, after) =>
        {
            var yaml = string.Join('\n', [.. before, anchored, .. after]);
            var line = before.Length + 1 + (anchored.StartsWith("l:") || anchored.StartsWith("o:") ? 1 : 0);
            foreach (var (name, read) in Readers())
            {
                var refused = read(yaml).FirstOrDefault(d => d.Message.Contains("les ancres et alias YAML", StringComparison.Ordinal));
                Assert.True(refused is { Severity: Severity.Error }, $"{name}: not refused:\n{string.Join('\n', read(yaml))}");
                Assert.Equal(line, refused.Line);
            }
        }, iter: 100, print: t => string.Join('\n', [.. t.Item1, t.Item2, .. t.Item3]));

    [Fact]
    public void Ampersands_and_stars_inside_a_text_are_not_aliases()
    {
        foreach (var (name, read) in Readers())
        {
            var problems = read("texte: \"&x *y\"\nplain: R&D et 2*3\nsimple: '*important*'");
            Assert.DoesNotContain(problems, d => d.Message.Contains("ancres", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_read_and_one_level_more_is_refused_at_its_line()
    {
        var deepest = BoundedYaml.DeepestNesting;
        // The top-level group is the first level.
        BoundedYaml.Load("v: " + Repeat("[", deepest - 1) + "x" + Repeat("]", deepest - 1));
        var flow = Assert.Throws<YamlLimitException>(() => BoundedYaml.Load("v:\n  " + Repeat("[", deepest) + "x" + Repeat("]", deepest)));
        Assert.Equal(2, flow.Line);

        // One indented line per group: the group one level too deep starts on line deepest + 1.
        var block = string.Concat(Enumerable.Range(0, deepest + 1).Select(level => new string(' ', 2 * level) + "a:\n")) + new string(' ', 2 * deepest + 2) + "x\n";
        Assert.Equal(deepest + 1, Assert.Throws<YamlLimitException>(() => BoundedYaml.Load(block)).Line);
        Assert.Contains($"plus de {deepest} niveaux", Assert.Throws<YamlLimitException>(() => BoundedYaml.Load(block)).Reason, StringComparison.Ordinal);
    }

    // Far beyond the limit, where YamlDotNet's recursive reading overflowed the stack: a regression ends the test run.
    [Fact]
    public void Nesting_a_hundred_thousand_deep_is_refused_in_every_yaml_file_without_a_crash() =>
        Gen.Select(Gen.Int[BoundedYaml.DeepestNesting + 1, 100_000], Gen.OneOf("[", "{a: ", "[{b: ", "- ")).Sample((depth, open) =>
        {
            var yaml = "k: v\nv:\n  " + Repeat(open, depth) + "x";
            foreach (var (name, read) in Readers())
            {
                var refused = read(yaml).FirstOrDefault(d => d.Message.Contains("valeurs imbriquées sur plus de", StringComparison.Ordinal));
                Assert.True(refused is { Severity: Severity.Error, Line: 3 }, $"{name}: {string.Join('\n', read(yaml))}");
            }
        }, iter: 10);

    [Fact]
    public void A_yaml_file_longer_than_a_page_is_refused()
    {
        var yaml = "# " + new string('x', BoundedYaml.LongestText) + "\nk: v\n";
        foreach (var (name, read) in Readers().Where(r => r.Name != "en-tête")) // a header is in a page, itself bounded
        {
            Assert.Contains(read(yaml), d => d is { Severity: Severity.Error, Line: 1 } && d.Message.Contains("fichier trop long", StringComparison.Ordinal));
        }
        BoundedYaml.Load("# " + new string('x', BoundedYaml.LongestText - 10) + "\nk: v\n");
    }

    // Words of YamlDotNet's English messages, which a French reason never holds.
    private static readonly string[] EnglishWords = ["while", "expected", "found", "could not", "did not", "scanning", "parsing", "allowed", "character"];

    [Fact]
    public void Every_reason_yaml_gives_for_a_broken_file_is_french()
    {
        var pieces = Gen.OneOf("a", "b: c", ": ", "- ", "  ", "\t", "\n", "[", "]", "{", "}", ",", "\"", "'", "!x ", "!!str ", "? ", "|", ">", "#", "%YAML 1.2\n", "---\n", "...\n", "@", "`");
        pieces.Array[1, 12].Select(p => string.Concat(p)).Sample(text =>
        {
            try
            {
                BoundedYaml.Load(text);
            }
            catch (YamlDotNet.Core.YamlException e)
            {
                var reason = BoundedYaml.Reason(e);
                Assert.False(EnglishWords.Any(w => reason.Contains(w, StringComparison.OrdinalIgnoreCase)),
                    $"« {reason} » for {e.Message}");
            }
        }, iter: 3000);
    }

    [Fact]
    public void A_data_file_far_too_large_is_refused_before_it_is_read()
    {
        using var site = new TestSite();
        var siteYml = Path.Combine(site.Input, "site.yml");
        using (var file = File.AppendText(siteYml))
        {
            file.Write("# " + new string('x', (int)InputFiles.LargestFile) + "\n");
        }

        var error = Assert.Single(site.Build().Errors);

        Assert.EndsWith("site.yml", error.File);
        Assert.Contains("fichier trop volumineux", error.Message);
    }
}
