using AngleSharp.Html.Parser;
using CsCheck;
using FichesSite.Markdown;
using FichesSite.Pipeline;

namespace FichesSite.Tests.Intranet;

/// <summary>
/// The rule of « ::: interne » blocks (Markdown/InternalBlocks), on generated pages: whatever the blocks hold and
/// wherever they stand, the public page has none of their text and all of the rest, and the intranet page has all of
/// it, each block's text under its label. Then every malformed block is refused, on both sites, at its line.
/// </summary>
public sealed class InternalBlocksTests
{
    private const string Label = ParsedForTarget.Label;
    private static readonly HtmlParser Parser = new();

    private static (string? Html, IReadOnlyList<Diagnostic> Errors) Render(string markdown, BuildTarget target) => ParsedForTarget.Render(markdown, target);

    // A word no other text holds, numbered: public ones start with « pub », internal ones with « int ».
    private static readonly Gen<string> Filler = Gen.OneOf("Texte", "d’essai", "**gras**", "*italique*", "à 38,5 °C", "`code`", "[lien](https://exemple.invalid/)", "« cité »");

    private static Gen<string> Line(string prefix) =>
        Gen.Select(Filler.Array[0, 3], Gen.Int[0, 99_999]).Select((words, n) => string.Join(' ', words.Append($"{prefix}{n}x")));

    // One block of the page: public text, or an internal block at one of the places a block may stand.
    private static readonly Gen<string> Part = Gen.OneOf(
        Line("pub").Select(l => l + "\n"),
        Line("pub").Select(l => $"- {l}\n"),
        Gen.Select(Line("int").Array[1, 3], Gen.Int[0, 3]).Select((lines, place) =>
        {
            var body = string.Join("\n\n", lines);
            return place switch
            {
                0 => $"::: interne\n{body}\n:::\n",
                1 => $"- {Line("pub").Single()}\n\n  ::: interne\n  {body.Replace("\n", "\n  ")}\n  :::\n",
                2 => $"> citation pub0x\n>\n> ::: interne\n> {body.Replace("\n", "\n> ")}\n> :::\n",
                _ => $"::: INTERNE\n- {body.Replace("\n\n", "\n- ")}\n:::\n",
            };
        }));

    private static IEnumerable<string> Words(string text, string prefix) =>
        System.Text.RegularExpressions.Regex.Matches(text, $@"\b{prefix}\d+x\b").Select(m => m.Value);

    [Fact]
    public void The_public_page_holds_no_internal_word_and_every_public_one_and_the_intranet_page_holds_all_labelled()
    {
        // Public text first: a page made only of internal blocks is refused (it would be empty on the public site).
        Gen.Select(Line("pub"), Part.Array[1, 8]).Select((first, parts) => first + "\n\n" + string.Join("\n", parts)).Sample(markdown =>
        {
            var internalWords = Words(markdown, "int").ToHashSet();
            var publicWords = Words(markdown, "pub").ToHashSet();

            var (published, errors) = Render(markdown, BuildTarget.Public);
            Assert.True(published is not null, string.Join("\n", errors));
            Assert.DoesNotContain(internalWords, w => published!.Contains(w, StringComparison.Ordinal));
            Assert.DoesNotContain(publicWords, w => !published!.Contains(w, StringComparison.Ordinal));
            Assert.DoesNotContain(Label, published, StringComparison.Ordinal);

            var (intranet, _) = Render(markdown, BuildTarget.Intranet);
            var page = Parser.ParseDocument("<main>" + intranet + "</main>");
            foreach (var word in internalWords)
            {
                var block = page.QuerySelectorAll("div.interne").FirstOrDefault(b => b.TextContent.Contains(word, StringComparison.Ordinal));
                Assert.True(block is not null, $"« {word} » is not in a labelled block:\n{intranet}");
                Assert.Equal(Label, block!.QuerySelector(":scope > p.interne-label")?.TextContent);
            }
            Assert.DoesNotContain(publicWords, w => !intranet!.Contains(w, StringComparison.Ordinal));
        }, iter: 200);
    }

    public static TheoryData<string, int, string> Malformed => new()
    {
        { "Avant.\n\n::: interne\nsans fin\n", 3, "jamais fermé" },
        { "::: interne\nun\n:::\n\n::: note\ndeux\n:::\n", 5, "« ::: note » inconnu" },
        { "::: internes\ntexte\n:::\n", 1, "vouliez-vous écrire « ::: interne »" },
        { ":::\ntexte\n:::\n", 1, "sans nom" },
        { "::: interne Poste 12\ntexte\n:::\n", 1, "après « ::: interne »" },
        { "::: interne\n## Un titre\n:::\n", 2, "titre dans un bloc" },
        { "::: interne\n> [!CONSEIL]\n> texte\n:::\n", 2, "encadré" },
        { "::: interne\ntexte\n\n[repere]: https://exemple.invalid/interne\n:::\n\nVoir [repere].\n", 4, "définition de lien" },
        { ":::: interne\n::: interne\ntexte\n:::\n::::\n", 2, "dans un autre bloc" },
        { "Texte.\n\n::: interne\n:::\n", 3, "bloc « ::: interne » vide" },
        { "::: interne\nun\n:::\n\n::: interne\ndeux\n:::\n", 1, "ne contient que des blocs" },
        { "Texte.\n\n> [!CONSEIL]\n> Appelez.\n>\n> ::: interne\n> Poste.\n> :::\n", 6, "dans un encadré" },
        { "Texte.\n\n::: \u0456nterne\ntexte\n:::\n", 3, "pas latine" },
        { "Texte.\nEt ::: interne au milieu.\n", 2, "hors d’une ligne qui ouvre ou ferme" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void A_malformed_block_is_refused_at_its_line_on_both_sites(string markdown, int line, string message)
    {
        foreach (var target in new[] { BuildTarget.Public, BuildTarget.Intranet })
        {
            var (html, errors) = Render(markdown, target);
            Assert.Null(html);
            Assert.Contains(errors, e => e.Line == line && e.Message.Contains(message, StringComparison.Ordinal));
        }
    }
}
