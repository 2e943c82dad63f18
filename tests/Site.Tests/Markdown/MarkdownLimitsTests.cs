using System.Text;
using CsCheck;
using FichesSite.Markdown;
using Markdig.Renderers;

namespace FichesSite.Tests;

/// <summary>
/// A page's Markdown nests at most <see cref="MarkdownLimits.DeepestNesting"/> levels and holds at most
/// <see cref="MarkdownLimits.MostFormattingSigns"/> formatting signs in a block: what is accepted, Markdig renders (its
/// own limit, an English exception, is never met), and what is refused is refused at a line of the construct at
/// fault, however deep it goes, without a crash.
/// </summary>
public sealed class MarkdownLimitsTests
{
    private static readonly Markdig.MarkdownPipeline Pipeline = MarkdownSetup.Create(CalloutWords.Names);

    private static string Repeat(string text, int times) => new StringBuilder(text.Length * times).Insert(0, text, times).ToString();

    // A construct that nests `depth` times, and how many lines it takes.
    // Blocks up to 100,000 deep (a regression of the bound crashes the test run); inlines, which Markdig takes longer
    // over, up to 3,000.
    private static readonly Gen<(string Text, int Lines)> Nested = Gen.Int[1, 100_000].SelectMany(depth => Gen.OneOf(
        Gen.OneOf("> ", ">", "- ", "* ", "1. ", "> - ", "- > ").Select(open => (Repeat(open, depth) + "texte", 1)),
        Gen.Const((Repeat("*a _b ", depth % 3_000) + "c" + Repeat("_ d*", depth % 3_000), 1)),
        Gen.Const((Repeat("[a ", depth % 3_000) + "b" + Repeat("](c)", depth % 3_000), 1)),
        Gen.Const((Repeat("**[*", depth % 3_000) + "b" + Repeat("*](c)**", depth % 3_000), 1)),
        // One line per level (their text grows with the depth, so not as deep).
        Gen.Const((string.Concat(Enumerable.Range(0, Math.Min(depth, 400)).Select(level => new string(' ', 2 * level) + "- a\n")), Math.Min(depth, 400))),
        Gen.Const((string.Concat(Enumerable.Range(0, Math.Min(depth, 400)).Select(level => Repeat("> ", level + 1) + "a\n")), Math.Min(depth, 400)))));

    [Fact]
    public void What_is_accepted_renders_and_what_is_refused_is_refused_within_the_construct() =>
        Gen.Select(Gen.Int[0, 5], Nested).Sample((paragraphs, nested) =>
        {
            var before = Repeat("Un paragraphe ordinaire.\n\n", paragraphs);
            var text = before + nested.Text + "\n";
            var tree = MarkdownLimits.Parse(text, Pipeline, out var refusal);
            if (tree is null)
            {
                var first = 2 * paragraphs;
                Assert.InRange(refusal!.Line, first, first + nested.Lines - 1);
                return;
            }
            Assert.Equal(-1, MarkdownLimits.FirstTooDeep(tree));
            var renderer = new HtmlRenderer(new StringWriter());
            Pipeline.Setup(renderer);
            renderer.Render(tree); // Markdig's renderer throws past its own limit
        }, iter: 20, print: t => t.Item2.Text.Length > 500 ? t.Item2.Text[..500] + "…" : t.Item2.Text);

    [Fact]
    public void What_sheets_write_is_far_from_the_limit()
    {
        const string sheet = """
            > [!IMPORTANT]
            > Avant le geste :
            > - arrêtez **les anticoagulants [selon l’avis](https://exemple.invalid/) *du médecin***,
            >   1. la veille ;
            >      - et le matin, *sauf **avis contraire***.
            """;
        Assert.NotNull(MarkdownLimits.Parse(sheet, Pipeline, out _));
        Assert.NotNull(MarkdownLimits.Parse(Repeat("> ", 8) + "citation dans huit citations", Pipeline, out _));
    }

    [Fact]
    public void A_quote_one_level_past_the_limit_is_refused_at_its_line()
    {
        Assert.NotNull(MarkdownLimits.Parse(Repeat(">", MarkdownLimits.DeepestNesting - 3) + " a", Pipeline, out _));
        Assert.Null(MarkdownLimits.Parse("a\n\nb\n\n" + Repeat(">", MarkdownLimits.DeepestNesting) + " a", Pipeline, out var refusal));
        Assert.Equal(4, refusal!.Line);
        Assert.StartsWith("texte imbriqué sur plus de", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Formatting_signs_are_counted_per_block_of_lines_and_refused_at_the_line_past_the_limit()
    {
        var half = Repeat("[a](b) ", MarkdownLimits.MostFormattingSigns / 8); // four signs a link
        Assert.NotNull(MarkdownLimits.Parse(half + "\n" + half + "\n\n" + half + "\n" + half + "\n", Pipeline, out _));
        Assert.Null(MarkdownLimits.Parse("Titre\n\n" + half + "\n" + half + "\n" + half + "\n", Pipeline, out var refusal));
        Assert.Equal(4, refusal!.Line);
        Assert.StartsWith($"plus de {MarkdownLimits.MostFormattingSigns} signes de mise en forme", refusal.Message, StringComparison.Ordinal);
    }

    // Markdig's pipe tables make objects for every « | » of a page, table or not (some 500 bytes each): the bars of a
    // page are counted as a whole, however they are laid out, and a page past the limit is refused at the line where
    // it is crossed, before Markdig sees it.
    [Fact]
    public void Table_bars_are_counted_per_page_and_refused_at_the_line_past_the_limit() =>
        Gen.Select(Gen.Int[1, 400], Gen.Int[0, 3], Gen.Bool).Sample((perLine, blankEvery, escaped) =>
        {
            var line = "| " + Repeat(escaped ? "\\| " : "a | ", perLine - 1) + "\n";
            var lines = MarkdownLimits.MostTableBars / perLine + 1;
            var text = new StringBuilder("a | b\n--|--\n");
            for (var i = 0; i < lines; i++)
            {
                text.Append(line);
                if (blankEvery > 0 && i % blankEvery == 0)
                {
                    text.Append('\n');
                }
            }
            var allowed = Repeat(line, (MarkdownLimits.MostTableBars - 3) / perLine);

            Assert.NotNull(MarkdownLimits.Parse("a | b\n--|--\n" + allowed, Pipeline, out _));
            Assert.Null(MarkdownLimits.Parse(text.ToString(), Pipeline, out var refusal));
            Assert.StartsWith($"plus de {MarkdownLimits.MostTableBars} barres", refusal!.Message, StringComparison.Ordinal);
            var crossing = text.ToString().Split('\n').Select((l, i) => (l, i)).Aggregate((Count: 0, Line: -1), (acc, x) =>
                acc.Line >= 0 ? acc : (acc.Count + x.l.Count(c => c == '|'), acc.Count + x.l.Count(c => c == '|') > MarkdownLimits.MostTableBars ? x.i : -1));
            Assert.Equal(crossing.Line, refusal.Line);
        }, iter: 30);

    [Fact]
    public void What_sheets_write_holds_few_table_bars()
    {
        // A table of 6 columns and 300 rows is far longer than any sheet's, and still allowed.
        var table = "| a | b | c | d | e | f |\n|---|---|---|---|---|---|\n" + Repeat("| 1 | 2 | 3 | 4 | 5 | 6 |\n", 300);
        Assert.NotNull(MarkdownLimits.Parse(table, Pipeline, out _));
    }
}
