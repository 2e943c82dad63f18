using System.Text.RegularExpressions;
using CsCheck;
using FichesSite.Build;
using FichesSite.Content;
using YamlDotNet.RepresentationModel;

namespace FichesSite.Tests;

/// <summary>
/// « new &lt;kind&gt; "&lt;title&gt;" » starts a sheet from its kind's contract: every required field and section to
/// write, each marked « [À compléter : …] »; the build refuses the sheet at each mark's line until it is written, and
/// builds it once every mark is replaced. It never replaces a file, and any title is refused or kept as typed.
/// </summary>
public sealed partial class NewSheetCommandTests
{
    public static TheoryData<string> Kinds() => new("fiche-procedure", "fiche-examen", "fiche-conseils");

    private static (int ExitCode, string Output) New(TestSite site, string kind, string title)
    {
        var output = new StringWriter();
        var exitCode = NewSheetCommand.Run(site.Input, kind, title, output, output);
        return (exitCode, output.ToString());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_new_sheet_holds_its_contract_s_sections_is_refused_at_each_mark_and_builds_once_they_are_written(string kind)
    {
        using var site = new TestSite();
        var (exitCode, output) = New(site, kind, "Après l’examen : « que faire ? »");
        Assert.Equal(0, exitCode);
        var path = Path.Combine(site.Input, "fiches", "apres-l-examen-que-faire.md");
        Assert.Contains("apres-l-examen-que-faire.md", output);
        var text = File.ReadAllText(path);

        var contract = ContractsFile.Read(Path.Combine(site.Input, "contracts.yml"), "contracts.yml", new Pipeline.DiagnosticBag())![kind];
        Assert.Equal(contract.Sections.Select(s => s.Heading), H2().Matches(text).Select(m => m.Groups[1].Value));
        var marks = text.Split('\n').Select((line, i) => (Line: i + 1, Count: Regex.Matches(line, @"\[À compléter").Count)).Where(l => l.Count > 0).ToList();
        Assert.NotEmpty(marks);

        var refused = site.Build();
        Assert.False(refused.Succeeded);
        var errors = refused.Errors.Where(e => e.File.EndsWith("apres-l-examen-que-faire.md", StringComparison.Ordinal)).ToList();
        Assert.All(errors, e => Assert.Contains("encore présent", e.Message));
        Assert.Equal(marks.SelectMany(m => Enumerable.Repeat(m.Line, m.Count)), errors.Select(e => e.Line).Order());
        Assert.Equal(errors.Count, refused.Errors.Count());

        File.WriteAllText(path, Written(text));
        var built = site.Build();
        Assert.True(built.Succeeded, string.Join("\n", built.Errors));
        Assert.Equal("Après l’examen : « que faire ? »", site.Page("fiches/apres-l-examen-que-faire/index.html").QuerySelector("h1")!.TextContent);
    }

    // What an author would write in place of each mark.
    private static string Written(string text)
    {
        var counter = 0;
        text = Regex.Replace(text, @"^(description|service|last_reviewed|next_review|reviewed_by): .*$", m => m.Groups[1].Value switch
        {
            "description" => "description: \"Une fiche d’essai.\"",
            "service" => "service: radiologie-interventionnelle",
            "last_reviewed" => "last_reviewed: 2026-01-15",
            "next_review" => "next_review: 2027-01-15",
            _ => "reviewed_by: \"Relecteur d’essai\"",
        }, RegexOptions.Multiline);
        text = text.Replace("{ title: \"[À compléter : le titre de la source]\", publisher: \"[À compléter : son éditeur]\", year: \"[À compléter : son année]\" }",
            "{ title: \"Source d’essai\", publisher: \"Éditeur d’essai (exemple)\", year: 2025 }");
        return Regex.Replace(text, @"\[À compléter : [^\]]*\]", _ => $"Texte d’essai {++counter}");
    }

    [Fact]
    public void A_title_whose_address_is_taken_in_any_case_or_accent_is_refused_and_nothing_is_replaced()
    {
        using var site = new TestSite();
        Assert.Equal(0, New(site, "fiche-examen", "Après l’IRM").ExitCode);
        var path = Path.Combine(site.Input, "fiches", "apres-l-irm.md");
        var before = File.ReadAllBytes(path);

        foreach (var title in new[] { "Après l’IRM", "APRES L'IRM", "apres l irm" })
        {
            var (exitCode, output) = New(site, "fiche-procedure", title);
            Assert.Equal(1, exitCode);
            Assert.Contains("a déjà l’adresse de la nouvelle fiche « fiches/apres-l-irm.md »", output);
        }
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(1, New(site, "fiche-procedure", "Cimentoplastie métastases osseuses").ExitCode);
    }

    [Fact]
    public void An_unknown_kind_is_refused_with_the_nearest_one()
    {
        using var site = new TestSite();
        var (exitCode, output) = New(site, "fiche-exam", "Une fiche");
        Assert.Equal(1, exitCode);
        Assert.Contains("Vouliez-vous dire « fiche-examen »", output);
        Assert.Equal(1, New(site, "page", "Une page").ExitCode);
        Assert.False(File.Exists(Path.Combine(site.Input, "fiches", "une-fiche.md")));
    }

    [Fact]
    public void Any_title_is_refused_or_kept_as_typed_in_a_file_of_the_sheets_folder()
    {
        using var site = new TestSite();
        var fiches = Path.Combine(site.Input, "fiches");
        var title = Gen.OneOf(Gen.String, Gen.String[Gen.Char["\"\\'’«» :#[]{}!&*|>%@`\n\u202E/.é"], 0, 40]);
        title.Sample(t =>
        {
            var before = Directory.GetFiles(fiches).ToHashSet();
            var (exitCode, output) = New(site, "fiche-conseils", t);
            var added = Directory.GetFiles(fiches).Where(f => !before.Contains(f)).ToList();
            if (exitCode != 0)
            {
                Assert.Empty(added);
                Assert.Contains("erreur", output);
                return;
            }
            try
            {
                var file = Assert.Single(added);
                Assert.Null(SourceNames.Problem("fiches/" + Path.GetFileName(file)));
                var yaml = new YamlStream();
                yaml.Load(new StringReader(File.ReadAllText(file).Split("\n---\n")[0][4..]));
                Assert.Equal(t.Trim(), ((YamlScalarNode)((YamlMappingNode)yaml.Documents[0].RootNode).Children[new YamlScalarNode("title")]).Value);
            }
            finally
            {
                added.ForEach(File.Delete);
            }
        }, iter: 300, threads: 1); // one folder for every sample: one at a time
    }

    [Theory]
    [InlineData("Scanner\u2028suite")]
    [InlineData("Scan\u00ADner")]
    [InlineData("Scanner\u200B")]
    public void A_title_with_a_line_separator_or_an_unseen_character_is_refused(string title)
    {
        using var site = new TestSite();
        var (exitCode, output) = New(site, "fiche-examen", title);
        Assert.Equal(1, exitCode);
        Assert.Contains("caractère invisible", output);
    }

    [Fact]
    public void A_sheets_folder_that_links_out_of_the_content_folder_is_not_written_to()
    {
        using var site = new TestSite();
        var outside = Path.Combine(site.Root, "ailleurs");
        Directory.CreateDirectory(outside);
        Directory.Move(Path.Combine(site.Input, "fiches"), Path.Combine(outside, "fiches"));
        Directory.CreateSymbolicLink(Path.Combine(site.Input, "fiches"), Path.Combine(outside, "fiches"));

        var (exitCode, output) = New(site, "fiche-examen", "Hors du dossier");

        Assert.Equal(1, exitCode);
        Assert.Contains("mène hors du dossier de contenu", output);
        Assert.False(File.Exists(Path.Combine(outside, "fiches", "hors-du-dossier.md")));
    }

    [GeneratedRegex("^## (.+)$", RegexOptions.Multiline)]
    private static partial Regex H2();
}
