using CsCheck;
using FichesSite.Content;
using YamlDotNet.Core;

namespace FichesSite.Tests;

/// <summary>
/// The simple header parser reads what it accepts exactly as YamlDotNet does (values, kinds, lines), and accepts
/// the headers authors really write, so that the fast path is the one taken.
/// </summary>
public sealed class HeaderYamlTests
{
    // The YAML between the fences, as FrontMatterStage hands it.
    private static string HeaderOf(string page)
    {
        var lines = page.Replace("\r\n", "\n").Split('\n');
        var close = Array.FindIndex(lines, 1, l => l.TrimEnd() == "---");
        return string.Join('\n', lines[1..close]);
    }

    private static readonly string[] RepositoryHeaders = Directory
        .EnumerateFiles(Path.Combine(TestSite.RepositoryRoot, "input"), "*.md", SearchOption.AllDirectories)
        .Order(StringComparer.Ordinal)
        .Select(path => HeaderOf(File.ReadAllText(path)))
        .ToArray();

    // Headers as the authoring guide and the benchmark corpus write them.
    private static readonly string[] WrittenHeaders =
    [
        "title: \"Fiche d’essai n° 0 : Reprise\"\ndescription: \"Région l’équipe.\"\ntype: fiche-procedure\nlast_reviewed: 2026-01-15\n"
            + "next_review: 2030-01-15\nreviewed_by: \"Relecteur d’essai\"\nversion: \"1\"\nsources:\n"
            + "  - { title: \"Corpus synthétique de mesure\", publisher: \"Banc d’essai\", year: 2025 }",
        "# Un commentaire\ntitle: Cimentoplastie\ndescription: 'L''os et la douleur'\n\nsources:\n- title: \"Texte\"\n  year: 2025\n  publisher: HAS\n"
            + "  url: https://exemple.invalid/doc?a=1#part\n- { title: Autre, publisher: SFR, year: 2024 }",
        "title: Fiche\r\ndescription: Texte, avec une virgule ; oui\r\n",
        "title: C#, l'os et 5 %\ndescription: a :b\nversion: 1.0 (exemple)",
        "sources:\n    -   title: Décalé\n        year: 2020\n    - 'Un texte'\n    - du texte\ntitle: Après la liste",
        "title: Fiche\nservice: radiologie\nthemes: [cancerologie, douleur-2, os]\n",
        "title: Fiche\nthemes: []\nservice: a-b",
    ];

    public static TheoryData<string> AcceptedHeaders() => [.. RepositoryHeaders, .. WrittenHeaders];

    [Theory]
    [MemberData(nameof(AcceptedHeaders))]
    public void Headers_authors_write_are_read_by_the_simple_parser_as_YamlDotNet_reads_them(string yaml)
    {
        var simple = SimpleHeaderParser.TryParse(yaml, HeaderYaml.FirstLine);

        Assert.NotNull(simple);
        Assert.Equal(HeaderYaml.LoadWithYamlDotNet(yaml), simple);
    }

    [Fact]
    public void Lines_are_the_page_files_lines()
    {
        var header = SimpleHeaderParser.TryParse("title: A\n\nsources:\n  - title: B\n    year: 2025\n  - { title: C }", HeaderYaml.FirstLine)!;

        Assert.Equal([2, 4], header.Fields.Select(f => f.Line));
        var sources = Assert.IsType<HeaderList>(header.Fields[1].Value);
        Assert.Equal([5, 7], sources.Items.Select(i => i.Line));
        Assert.Equal([5, 6], ((HeaderGroup)sources.Items[0]).Fields.Select(f => f.Line));
    }

    // Forms the simple parser must leave to YamlDotNet: each means something else in YAML, or is an error whose
    // message YamlDotNet gives.
    [Theory]
    [InlineData("title: a: b")]
    [InlineData("title: a #commentaire")]
    [InlineData("title: \"a\\\"b\"")]
    [InlineData("title: \"non fermé")]
    [InlineData("title: 'non fermé")]
    [InlineData("title: suite\n  sur deux lignes")]
    [InlineData("title: |\n  bloc")]
    [InlineData("title: &ancre a\ndescription: *ancre")]
    [InlineData("title: !tag a")]
    [InlineData("title:\n  sous: groupe")]
    [InlineData("title:")]
    [InlineData("title: a\ntitle: b")]
    [InlineData("title: [A, b]")]
    [InlineData("title: [a, \"b\"]")]
    [InlineData("title: [a, null]")]
    [InlineData("title: [a, b] # c")]
    [InlineData("title: {a: b, }")]
    [InlineData("title: { url: https://x.invalid }")]
    [InlineData("\ttitle: a")]
    [InlineData("title: a\u2028b")]
    [InlineData("title: 😀")]
    [InlineData("- a\n- b")]
    [InlineData("titre d’essai")]
    [InlineData("")]
    [InlineData("# rien")]
    [InlineData("sources:\n  -\n    title: a")]
    [InlineData("sources:\n  - title: a\n   year: 2020")]
    [InlineData("\"title\": a")]
    public void Forms_outside_the_simple_subset_are_left_to_YamlDotNet(string yaml)
    {
        Assert.Null(SimpleHeaderParser.TryParse(yaml, HeaderYaml.FirstLine));
    }

    // What a careless edit may put in a header: every YAML sign, quotes, spaces, line breaks, and words.
    private static readonly Gen<string> Piece = Gen.OneOf(
        ":", ": ", " ", "  ", "\n", "\n  ", "\r\n",
        "-", "- ", "#", " #", "\"", "'", "''",
        "\\", "{", "}", "[", "]", ",", "&a",
        "*a", "!", "|", ">", "?", "%", "@",
        "\t", "title", "year", "l’os", "2025", "~", "null", "Yes", "[a, b]",
        "...", "---", "\u00A0", "é");

    // A header from the accepted ones with up to four pieces inserted, or characters deleted, at random places.
    private static readonly Gen<string> Mutated =
        Gen.OneOf<string>([.. RepositoryHeaders, .. WrittenHeaders])
            .SelectMany(header => Gen.Select(Gen.Int[0, header.Length], Piece, Gen.Bool).Array[1, 4].Select(edits =>
            {
                var text = header;
                foreach (var (at, piece, delete) in edits)
                {
                    var position = Math.Min(at, text.Length);
                    text = delete && position < text.Length ? text.Remove(position, 1) : text.Insert(position, piece);
                }
                return text;
            }));

    [Fact]
    public void Whatever_the_simple_parser_accepts_YamlDotNet_reads_the_same()
    {
        var accepted = 0;
        Mutated.Sample(yaml =>
        {
            var simple = SimpleHeaderParser.TryParse(yaml, HeaderYaml.FirstLine);
            if (simple is null)
            {
                return;
            }
            accepted++;
            HeaderGroup? reference;
            try
            {
                reference = HeaderYaml.LoadWithYamlDotNet(yaml);
            }
            catch (Exception e) when (e is YamlException or InvalidOperationException)
            {
                Assert.Fail($"the simple parser read a header YamlDotNet refuses ({e.Message})");
                return;
            }
            Assert.Equal(reference, simple);
        }, iter: 20_000, threads: 1, print: yaml => yaml.Replace("\n", "⏎\n"));
        // The mutations must not all make headers the parser declines: then nothing was compared.
        Assert.True(accepted > 2_000, $"only {accepted} mutated headers were accepted");
    }
}
