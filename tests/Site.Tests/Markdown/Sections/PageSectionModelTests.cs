using CsCheck;
using FichesSite.Content;
using FichesSite.Markdown.Sections;
using Markdig.Syntax;

namespace FichesSite.Tests.Markdown.Sections;

/// <summary>
/// The section model made once per page: top-level h1–h3 cut the body, everything else is a block of the section it
/// stands in, and each consumer's cut (<see cref="PageSectionModel.Parts"/>, <see cref="PageSectionModel.H2Parts"/>) is
/// what a walk of the tree gives.
/// </summary>
public sealed class PageSectionModelTests
{
    private static (MarkdownDocument Tree, PageSectionModel Model) Model(string markdown, IReadOnlyList<SectionRule>? rules = null) =>
        ParsedPage.Sections(markdown, rules);

    [Fact]
    public void Top_level_h1_to_h3_start_sections_and_deeper_or_nested_headings_are_blocks()
    {
        const string markdown = "Intro.\n\n## Avant\n\nÀ jeun.\n\n#### Détail\n\nTexte.\n\n### Chez vous\n\n> ## Dans une citation\n\n## Après\n";
        var (_, model) = Model(markdown);

        Assert.Equal([0, 2, 3, 2], model.Sections.Select(s => s.Level));
        Assert.Equal(["", "Avant", "Chez vous", "Après"], model.Sections.Select(s => s.Heading));
        Assert.Equal(["", "avant", "chez-vous", "apres"], model.Sections.Select(s => s.Anchor));
        Assert.Equal([0, 3, 11, 15], model.Sections.Select(s => s.Line));
        Assert.Equal([1, 3, 1, 0], model.Sections.Select(s => s.Blocks.Count));
        Assert.Null(model.Sections[0].HeadingBlock);
        Assert.IsType<QuoteBlock>(model.Sections[2].Blocks[0]);
        // The quoted h2 is no section: the model lists it for the contract to refuse; the top-level h4 is a plain block.
        Assert.Equal(["Dans une citation"], model.Contained.Select(h => h.Text));
    }

    [Fact]
    public void An_h2_carries_every_rule_whose_words_start_it_in_contract_order()
    {
        SectionRule risks = new() { Heading = "Les risques", RiskFigures = true };
        SectionRule rare = new() { Heading = "Les risques rares", SchemaProperty = "followup" };
        SectionRule after = new() { Heading = "Après" };
        var (_, model) = Model("## Les RISQUES rares !\n\nTexte.\n\n### Les risques\n\n## apres l'examen\n\n## Autre\n", [risks, rare, after]);

        // An h3 matches no rule, even one whose words start it.
        Assert.Equal([[], [risks, rare], [], [after], []], model.Sections.Select(s => s.Rules.ToList()));
    }

    [Fact]
    public void A_part_takes_the_sections_it_does_not_cut_at_with_their_headings()
    {
        var (tree, model) = Model("Intro.\n\n## A\n\nun\n\n### B\n\ndeux\n\n## C\n");

        var parts = model.H2Parts;

        Assert.Equal(["", "A", "C"], parts.Select(p => p.Section.Heading));
        Assert.Equal([tree[2], tree[3], tree[4]], parts[1].Blocks);
        Assert.Empty(parts[2].Blocks);
    }

    // Random bodies: paragraphs, headings of every level, and containers (quotes, lists) that may hold headings.
    private static readonly Gen<string> Word = Gen.OneOf(Gen.Const("avant"), Gen.Const("risques"), Gen.Const("Après"), Gen.Const("5 %"), Gen.Const("é"));

    private static readonly Gen<string> Line = Word.Array[1, 4].Select(words => string.Join(' ', words));

    private static readonly Gen<string> Block = Gen.OneOf(
        Line,
        Gen.Select(Gen.Int[1, 6], Line, (level, text) => $"{new string('#', level)} {text}"),
        Gen.Select(Gen.Int[1, 3], Line, (level, text) => $"> {new string('#', level)} {text}\n> {text}"),
        Line.Select(text => $"- {text}\n- ## {text}"),
        Gen.Const("```\n## pas un titre\n```"),
        Gen.Const("---"));

    private static readonly Gen<string> Body = Block.Array[0, 12].Select(blocks => string.Join("\n\n", blocks) + "\n");

    public static TheoryData<string> Cuts => ["h1-h2", "h2-h3", "h2", "h1-h3"];

    private static Func<int, bool> Cut(string name) => name switch
    {
        "h1-h2" => level => level <= 2,
        "h2-h3" => level => level is 2 or 3,
        "h2" => level => level == 2,
        _ => level => level <= 3,
    };

    [Fact]
    public void The_sections_partition_the_top_level_blocks_in_order()
    {
        Body.Sample(markdown =>
        {
            var (tree, model) = Model(markdown);
            var flattened = model.Sections.SelectMany(s => s.HeadingBlock is null ? s.Blocks : [s.HeadingBlock, .. s.Blocks]).ToList();
            Assert.Equal(tree.ToList(), flattened);
            Assert.Equal(0, model.Sections[0].Level);
            Assert.All(model.Sections.Skip(1), s => Assert.InRange(s.Level, 1, 3));
        });
    }

    [Theory]
    [MemberData(nameof(Cuts))]
    public void Each_cut_equals_a_naive_walk_of_the_tree(string cut)
    {
        var startsPart = Cut(cut);
        Body.Sample(markdown =>
        {
            var (tree, model) = Model(markdown);
            var expected = new List<(HeadingBlock? Heading, List<Block> Blocks)> { (null, []) };
            foreach (var block in tree)
            {
                if (block is HeadingBlock { Level: <= 3 } heading && startsPart(heading.Level))
                {
                    expected.Add((heading, []));
                }
                else
                {
                    expected[^1].Blocks.Add(block);
                }
            }

            // The h2 cut, which two stages read, is made once with the model.
            IReadOnlyList<SectionPart>[] cuts = cut == "h2" ? [model.Parts(startsPart), model.H2Parts] : [model.Parts(startsPart)];
            foreach (var parts in cuts)
            {
                Assert.Equal(expected.Select(e => e.Heading), parts.Select(p => p.Section.HeadingBlock));
                Assert.Equal(expected.Select(e => e.Blocks), parts.Select(p => p.Blocks.ToList()));
            }
        });
    }
}
