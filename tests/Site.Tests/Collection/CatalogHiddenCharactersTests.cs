using CsCheck;
using FichesSite.Content;
using FichesSite.Pipeline;

namespace FichesSite.Tests.Collection;

/// <summary>
/// The texts of services.yml and themes.yml (a service's name, phone, hours, address and intro, a theme's name and
/// description) are shown on every sheet of the service, in lists, breadcrumbs and page titles, like a sheet's title.
/// The rule every text an author writes outside a page's body follows (Text/HiddenCharacters: front matter, sources,
/// glossary) holds for them too: a control character or a forced writing direction (U+202E reads the name backwards,
/// U+200F moves the phone's digits around) is an error at the field's line, not a site that shows it.
/// </summary>
public sealed class CatalogHiddenCharactersTests
{
    private static readonly string[] Hidden = ["\u202E", "\u202D", "\u200F", "\u200E", "\u2066", "\u2069", "\u061C", "\u0007", "\u001B", "\u0085"];

    [Fact]
    public void A_hidden_character_in_any_text_of_a_service_or_theme_is_an_error_at_its_line()
    {
        var gen =
            from themes in Gen.Bool
            from field in themes ? Gen.OneOf(Gen.Const("name"), Gen.Const("description")) : Gen.OneOf(Gen.Const("name"), Gen.Const("phone"), Gen.Const("hours"), Gen.Const("address"), Gen.Const("intro"))
            from hidden in Gen.Int[0, Hidden.Length - 1]
            from at in Gen.Int[0, 12]
            select (themes, field, hidden: Hidden[hidden], at);
        gen.Sample(c =>
        {
            var fields = c.themes
                ? new Dictionary<string, string> { ["name"] = "Cancérologie", ["description"] = "Les fiches du cancer." }
                : new Dictionary<string, string> { ["name"] = "Radiologie", ["phone"] = "01 00 00 00 01", ["hours"] = "de 9 h à 17 h", ["address"] = "Bâtiment A", ["intro"] = "Le service." };
            var value = fields[c.field];
            var at = Math.Min(c.at, value.Length);
            fields[c.field] = value[..at] + c.hidden + value[at..];
            // Escaped in double quotes, as YAML allows, so that the file itself holds no raw control character.
            var yaml = "entree:\n" + string.Concat(fields.Select(f => $"  {f.Key}: \"{Escaped(f.Value)}\"\n"));

            var (catalog, diagnostics) = CatalogFiles.Load(yaml, c.themes);

            Assert.Null(catalog);
            var error = Assert.Single(diagnostics.All, d => d.Severity == Severity.Error);
            Assert.Equal(2 + fields.Keys.ToList().IndexOf(c.field), error.Line);
            Assert.Contains($"« {c.field} » contient un caractère invisible", error.Message);
        }, iter: 200, threads: 1);
    }

    private static string Escaped(string text) =>
        string.Concat(text.Select(ch => ch < ' ' || ch > '~' && (ch < '\u00A0' || char.GetUnicodeCategory(ch) == System.Globalization.UnicodeCategory.Format) ? $"\\u{(int)ch:X4}" : ch.ToString()));
}
