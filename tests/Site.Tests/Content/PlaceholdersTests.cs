using CsCheck;
using FichesSite.Content;

namespace FichesSite.Tests;

/// <summary>
/// A « [À compléter : …] » mark is found wherever it is and however it is typed (case, accents, composed or not,
/// spaces), and nothing else is: a link whose text starts with the words, or the words without their bracket.
/// </summary>
public sealed class PlaceholdersTests
{
    private static readonly string[] Spellings = ["À compléter", "à compléter", "A COMPLETER", "a completer", "A\u0300 comple\u0301ter", "à-compléter", " À  compléter", "À COMPLÉTER"];

    private static readonly Gen<string> Line = Gen.String[Gen.Char["abc éà,.;:()!?"], 0, 30];

    [Fact]
    public void A_mark_typed_any_way_is_found_at_its_line_and_words_or_link_texts_are_not()
    {
        Gen.Select(Line.Array[1, 8], Gen.Int[0, Spellings.Length - 1], Gen.Int[0, 7], Gen.Int[0, 2]).Sample((lines, spelling, at, form) =>
        {
            var index = at % lines.Length;
            var mark = form switch
            {
                0 => $"[{Spellings[spelling]} : la suite]",
                1 => $"[{Spellings[spelling]}",
                _ => $"[{Spellings[spelling]} avant de venir](questionnaire.pdf)",
            };
            var text = string.Join("\n", lines.Select((l, i) => i == index ? l + mark + " " + l : l));
            var found = Placeholders.Find(text);
            if (form == 2)
            {
                Assert.Empty(found);
                return;
            }
            var (line, written) = Assert.Single(found);
            Assert.Equal(index + 1, line);
            Assert.StartsWith(mark, written + lines[index]);
        });
    }

    [Fact]
    public void A_mark_left_open_is_shown_up_to_a_bound_however_long_its_line()
    {
        var found = Placeholders.Find("[À compléter : " + new string('x', 100_000) + "\n[à compléter]");
        Assert.Equal([1, 2], found.Select(f => f.Line));
        Assert.True(found[0].Text.Length <= 161, $"{found[0].Text.Length} characters");
        Assert.EndsWith("…", found[0].Text);
        Assert.Equal("[à compléter]", found[1].Text);
    }

    [Theory]
    [InlineData("Le questionnaire à compléter avant l’examen.")]
    [InlineData("[Le questionnaire](x.pdf) à compléter.")]
    [InlineData("[À compléter avant de venir][questionnaire]")]
    [InlineData("[Àcompléter]")]
    public void Ordinary_text_holds_no_mark(string text) => Assert.Empty(Placeholders.Find(text));

    [Fact]
    public void A_page_with_a_mark_is_refused_at_its_line_with_no_other_message()
    {
        using var site = new TestSite();
        File.WriteAllText(Path.Combine(site.Input, "pages", "essai.md"),
            "---\ntitle: Essai\ndescription: \"[à compléter]\"\n---\n\nTexte.\n\n[A COMPLETER : la fin]\n");

        var result = site.Build();

        Assert.False(result.Succeeded);
        Assert.Equal([3, 8], result.Errors.Select(e => e.Line));
        Assert.All(result.Errors, e => Assert.EndsWith("pages/essai.md", e.File.Replace('\\', '/')));
    }

    [Theory]
    [InlineData("site.yml", "name: \"[À compléter : le nom du site]\"")]
    [InlineData("data/services.yml", "  hours: \"[À compléter : les horaires]\"")]
    [InlineData("data/glossaire.yml", "  definition: \"[à compléter]\"")]
    public void A_mark_in_a_data_file_stops_the_build_at_its_line(string file, string line)
    {
        using var site = new TestSite();
        var path = Path.Combine(site.Input, file);
        var lines = File.ReadAllLines(path).ToList();
        var key = line.Trim().Split(':')[0] + ":";
        var at = lines.FindIndex(l => l.TrimStart().StartsWith(key, StringComparison.Ordinal));
        Assert.True(at >= 0, $"no {key} in {file}");
        lines[at] = lines[at][..(lines[at].Length - lines[at].TrimStart().Length)] + line.TrimStart();
        File.WriteAllLines(path, lines);

        var result = site.Build();

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Contains("encore présent", error.Message);
        Assert.Equal(at + 1, error.Line);
        Assert.EndsWith(file, error.File.Replace('\\', '/'));
    }
}
