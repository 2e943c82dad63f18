using CsCheck;
using FichesSite.Text;

namespace FichesSite.Tests.Content;

/// <summary>
/// A required text that shows nothing (spaces and invisible format characters: zero-width space, word joiner, soft
/// hyphen, byte order mark…) is as missing as an empty one: a title, a service's name, the logo's text alternative,
/// a glossary term and a source's title are refused on their line. HiddenCharacters.IsBlank is the one test.
/// </summary>
public sealed class BlankTextTests
{
    private static readonly char[] Invisible = [' ', '\u00A0', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u180E', '\u2028'];

    private static readonly Gen<string> Blank = Gen.Char[new string(Invisible)].Array[1, 4].Select(c => new string(c));

    // Without U+2028, which YAML reads as a line end (the quoted value would not close: another error).
    private static readonly Gen<string> BlankInYaml = Gen.Char[new string(Invisible.Where(c => c != '\u2028').ToArray())].Array[1, 4].Select(c => new string(c));

    [Fact]
    public void Blank_holds_for_invisible_texts_only()
    {
        Blank.Sample(text => Assert.True(HiddenCharacters.IsBlank(text), $"« {text} » ({string.Join(' ', text.Select(c => $"U+{(int)c:X4}"))})"));
        Gen.Select(Blank, Gen.Char['a', 'z'], Blank).Sample((before, letter, after) => Assert.False(HiddenCharacters.IsBlank(before + letter + after)));
        Assert.True(HiddenCharacters.IsBlank(null));
    }

    public static TheoryData<string, string, string, string> Fields => new()
    {
        // file, the start of the line whose value is replaced, the key it keeps, what the message names
        { "fiches/cimentoplastie-metastases-osseuses.md", "title: ", "title: ", "title" },
        { "fiches/cimentoplastie-metastases-osseuses.md", "  - title: ", "  - title: ", "title" },
        { "data/services.yml", "  name: ", "  name: ", "name" },
        { "site.yml", "  logo_alt: ", "  logo_alt: ", "logo_alt" },
    };

    [Theory]
    [MemberData(nameof(Fields))]
    public void A_required_text_that_shows_nothing_is_refused(string file, string lineStart, string key, string field)
    {
        BlankInYaml.Sample(blank =>
        {
            using var site = new TestSite();
            var path = Path.Combine(site.Input, file);
            var text = File.ReadAllText(path);
            // The first line that starts so gets the blank value, quoted, and nothing else changes.
            var at = text.StartsWith(lineStart, StringComparison.Ordinal) ? 0 : text.IndexOf("\n" + lineStart, StringComparison.Ordinal) + 1;
            Assert.True(at >= 0 && text.AsSpan(at).StartsWith(lineStart), $"no line starts with « {lineStart} » in {file}");
            var end = text.IndexOf('\n', at);
            File.WriteAllText(path, text[..at] + key + "\"" + blank + "\"" + text[end..]);

            var result = site.Build();

            Assert.False(result.Succeeded, $"« {field}: {blank} » accepted");
            Assert.Contains(result.Errors, e => e.Message.Contains(field, StringComparison.Ordinal) || e.Fix.Contains(field, StringComparison.Ordinal));
        }, iter: 3);
    }

    [Fact]
    public void An_empty_feedback_setting_is_refused_rather_than_silently_dropped()
    {
        using var site = new TestSite();
        File.AppendAllText(Path.Combine(site.Input, "site.yml"), "\nfeedback: \"\\u200B\"\n"); // « feedback: » alone (null) still means none

        var error = Assert.Single(site.Build().Errors);

        Assert.Contains("« feedback » est vide", error.Message, StringComparison.Ordinal);
    }
}
