using CsCheck;
using FichesSite.Content;
using FichesSite.Markdown.Sections;
using FichesSite.Pipeline;
using Markdig.Syntax;

namespace FichesSite.Tests.Markdown.Sections;

/// <summary>
/// The contract reads the page's sections as the section model cut them, and nothing else: a section is a top-level
/// h1–h3 with the blocks up to the next; an h2 or h3 inside a quote, an alert or a list is refused at its line and is
/// no section (not matched, not counted); a section is empty when it shows nothing of its own.
/// </summary>
public sealed class ContentContractStageTests
{
    private static readonly SectionRule Before = new() { Heading = "Avant" };
    private static readonly SectionRule After = new() { Heading = "Après" };

    private static List<string> Messages(IReadOnlyList<Diagnostic> diagnostics, string words) =>
        diagnostics.Where(d => d.Message.Replace('\u202F', ' ').Contains(words, StringComparison.Ordinal)).Select(d => $"{d.Line}: {d.Message}").ToList();

    [Theory]
    [InlineData("> ## Après\n>\n> Texte.\n")]
    [InlineData("> [!NOTE]\n> ## Après\n> Texte.\n")]
    [InlineData("- ## Après\n\n  Texte.\n")]
    [InlineData("1. Texte.\n2. ## Après\n")]
    public void A_required_section_inside_a_quote_or_a_list_is_refused_at_its_line_and_matches_nothing(string contained)
    {
        var markdown = "## Avant\n\nTexte.\n\n" + contained;
        var line = markdown.Split('\n').ToList().FindIndex(l => l.Contains("## Après", StringComparison.Ordinal)) + 1;

        var (model, diagnostics) = ParsedPage.Checked(markdown, [Before, After]);

        Assert.Equal(["", "Avant"], model.Sections.Select(s => s.Heading));
        Assert.Equal([$"{line}: le titre « Après » est dans une citation, un encadré ou une liste : il ne compte pas comme section."],
            Messages(diagnostics, "dans une citation"));
        Assert.Equal(["1: la section obligatoire « Après… » manque."], Messages(diagnostics, "manque"));
    }

    [Fact]
    public void A_heading_below_h3_inside_a_quote_is_a_block_of_its_section()
    {
        var (_, diagnostics) = ParsedPage.Checked("## Avant\n\n### Détail\n\n> #### Note\n> Texte.\n\n## Après\n\nTexte.\n", [Before, After]);

        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData("[suite]: https://example.org/suite\n\n### Détail\n\n#### Plus bas\n", true)]
    [InlineData("### Détail\n\n", true)]
    [InlineData("### Détail\n\nTexte.\n", false)]
    [InlineData("> Une citation.\n", false)]
    [InlineData("---\n", false)]
    public void A_section_is_empty_when_its_blocks_are_only_headings_and_link_definitions(string body, bool empty)
    {
        var (_, diagnostics) = ParsedPage.Checked($"## Avant\n\n{body}\n## Après\n\nTexte.\n", [Before, After]);

        Assert.Equal(empty ? ["1: la section obligatoire « Avant » est vide."] : [], Messages(diagnostics, "est vide"));
    }

    [Fact]
    public void Only_the_top_level_h3_of_a_section_count_as_its_subsections()
    {
        SectionRule risks = new() { Heading = "Les risques", MinSubsections = 2, SubsectionLabel = "risque" };
        const string markdown = "## Les risques\n\nTexte.\n\n### Un\n\nTexte.\n\n> ### Deux\n\n#### Trois\n\n- ### Quatre\n\n## Autre\n\n### Cinq\n";

        var (_, diagnostics) = ParsedPage.Checked(markdown, [risks]);

        Assert.Equal(["1: la section « Les risques » doit contenir au moins 2 risque en sous-titre (###), elle en a 1."],
            Messages(diagnostics, "sous-titre"));
        Assert.Equal([9, 13], Messages(diagnostics, "dans une citation").Select(m => int.Parse(m.Split(':')[0])));
    }

    // Random bodies: paragraphs, link reference definitions, headings of levels 1 to 4 at the top level, in quotes
    // (alerts among them) and in lists, their words starting the contract's headings or not.
    private static readonly Gen<string> HeadingText = Gen.OneOf(Gen.Const("Avant"), Gen.Const("les risques"), Gen.Const("après tout"), Gen.Const("Autre"));

    private static readonly Gen<string> Heading = Gen.Select(Gen.Int[1, 4], HeadingText, (level, text) => $"{new string('#', level)} {text}");

    private static readonly Gen<string> Block = Gen.OneOf(
        Gen.Const("Texte."),
        Gen.Int[0, 3].Select(n => $"[lien{n}]: https://example.org/{n}"),
        Heading,
        Heading,
        Heading.Select(h => $"> {h}"),
        Heading.Select(h => $"> {h}\n> Texte."),
        Heading.Select(h => $"> [!NOTE]\n> {h}"),
        Heading.Select(h => $"- {h}"),
        Heading.Select(h => $"- Texte.\n- {h}\n\n  Texte."));

    private static readonly Gen<string> Body = Block.Array[0, 14].Select(blocks => string.Join("\n\n", blocks) + "\n");

    // Every matched section gets an error naming its line, « vide » or its h3 count, so the errors show which
    // section the contract matched to each rule.
    private static readonly SectionRule[] Rules = new[] { "Avant", "Les risques", "Après" }.Select(h => new SectionRule { Heading = h, MinSubsections = 99 }).ToArray();

    [Fact]
    public void The_contract_sees_the_sections_of_the_model_and_nothing_else()
    {
        Body.Sample(markdown =>
        {
            var (model, diagnostics) = ParsedPage.Checked(markdown, Rules);

            // The h2 sections of the model, each with the blocks up to the next h2 (its h3 and their blocks included).
            var h2 = new List<(Section Section, List<Block> Blocks)>();
            foreach (var section in model.Sections.Skip(1))
            {
                if (section.Level == 2)
                {
                    h2.Add((section, section.Blocks.ToList()));
                }
                else if (h2.Count > 0)
                {
                    h2[^1].Blocks.AddRange([section.HeadingBlock!, .. section.Blocks]);
                }
            }
            var expected = new List<string>();
            var searchFrom = 0;
            var unmatched = 0;
            foreach (var rule in Rules)
            {
                var index = h2.FindIndex(searchFrom, s => s.Section.Rules.Contains(rule));
                if (index < 0)
                {
                    unmatched++;
                    continue;
                }
                searchFrom = index + 1;
                var (section, blocks) = h2[index];
                var empty = blocks.All(b => b is HeadingBlock or LinkReferenceDefinitionGroup);
                expected.Add(empty ? $"{section.Line} vide" : $"{section.Line} en a {blocks.Count(b => b is HeadingBlock { Level: 3 })}");
            }
            var seen = diagnostics
                .Where(d => d.Message.EndsWith("est vide.", StringComparison.Ordinal) || d.Message.Contains("en sous-titre", StringComparison.Ordinal))
                .Select(d => d.Message.EndsWith("est vide.", StringComparison.Ordinal) ? $"{d.Line} vide" : $"{d.Line} en a {d.Message.Split("elle en a ")[1].TrimEnd('.')}")
                .ToList();
            Assert.Equal(expected, seen);
            Assert.Equal(unmatched, diagnostics.Count(d => d.Message.EndsWith("manque.", StringComparison.Ordinal) || d.Message.Contains("est placée avant", StringComparison.Ordinal)));

            // What is refused is what the model left out: h2 and h3 inside a container, found here by a walk of the tree.
            var (tree, _) = ParsedPage.Sections(markdown);
            var contained = tree.Descendants<HeadingBlock>().Where(h => h.Parent != tree && h.Level is 2 or 3).Select(h => h.Line + 1);
            Assert.Equal(contained, diagnostics.Where(d => d.Message.Contains("dans une citation", StringComparison.Ordinal)).Select(d => d.Line));
        });
    }
}
