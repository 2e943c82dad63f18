using CsCheck;

namespace FichesSite.Tests.Content;

/// <summary>
/// A header's text fields (title, description, reviewer…) are shown in lists, search results and the browser's tab:
/// one holding a control character or a forced writing direction is refused on its line, whatever else it holds.
/// </summary>
public sealed class FrontMatterTextTests
{
    private static readonly char[] Spoofing = ['\u061C', '\u200E', '\u200F', '\u0000', '\u0007', '\u001B', '\u007F', '\u0085', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];

    [Fact]
    public void A_title_that_reverses_its_letters_is_refused_on_its_line()
    {
        using var site = new TestSite();
        File.WriteAllText(Path.Combine(site.Input, "pages", "essai.md"), "---\ntitle: \"Fiche \u202Eeuqitamrof\"\ndescription: Une page d’essai.\n---\n\nTexte.\n");

        var error = Assert.Single(site.Build().Errors);

        Assert.Equal(2, error.Line);
        Assert.Contains("le champ « title » contient un caractère invisible ou de contrôle (U+202E)", error.Message);
    }

    [Fact]
    public void A_source_s_publisher_with_such_a_character_is_refused_on_its_line()
    {
        using var site = new TestSite();
        var fiche = Path.Combine(site.Input, "fiches", "cimentoplastie-metastases-osseuses.md");
        File.WriteAllText(fiche, File.ReadAllText(fiche).Replace("    publisher: \"Service", "    publisher: \"\\u202ESer\\u0007vice", StringComparison.Ordinal));

        var error = Assert.Single(site.Build().Errors);

        Assert.Equal(15, error.Line);
        Assert.Contains("le champ « publisher » de la source n° 1 contient un caractère invisible ou de contrôle (U+202E)", error.Message);
    }

    [Fact]
    public void A_glossary_term_with_such_a_character_is_refused_on_its_line()
    {
        using var site = new TestSite();
        var glossary = Path.Combine(site.Input, "data", "glossaire.yml");
        File.AppendAllText(glossary, "\n- terme: \"mot\\u2066caché\"\n  definition: Une définition.\n");
        var line = File.ReadAllLines(glossary).Length - 1;

        var error = Assert.Single(site.Build().Errors);

        Assert.Equal(line, error.Line);
        Assert.Contains("le champ « terme » contient un caractère invisible ou de contrôle (U+2066)", error.Message);
    }

    [Fact]
    public void Any_such_character_anywhere_in_a_text_field_is_refused_and_ordinary_french_is_not()
    {
        var french = Gen.String[Gen.Char["abcdeéèêàçôîù’«» ?!:;0123456789-"], 1, 30];
        Gen.Select(french, Gen.Int[0, Spoofing.Length], french, Gen.OneOf("title", "description")).Sample((before, which, after, key) =>
        {
            var spoof = which < Spoofing.Length;
            var value = before.Trim() + (spoof ? Spoofing[which].ToString() : "") + after;
            using var site = new TestSite();
            var yaml = value.Replace("\\", "\\\\").Replace("\"", "\\\"");
            var header = key == "title"
                ? $"title: \"x{EscapeControls(yaml)}\"\ndescription: Une page d’essai.\n"
                : $"title: Essai\ndescription: \"x{EscapeControls(yaml)}\"\n";
            File.WriteAllText(Path.Combine(site.Input, "pages", "essai.md"), $"---\n{header}---\n\nTexte.\n");

            var refused = site.Build().Errors.Any(e => e.Message.Contains($"le champ « {key} » contient un caractère invisible", StringComparison.Ordinal));

            Assert.Equal(spoof, refused);
        }, iter: 40);
    }

    // In double quotes YAML writes a control character as an escape, as an editor saving one would have to.
    private static string EscapeControls(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString()));
}
