using CsCheck;
using FichesSite.Content;
using FichesSite.Pipeline;

namespace FichesSite.Tests.Collection;

/// <summary>
/// One slug declared twice in services.yml or themes.yml, in any of YAML's spellings. YamlDotNet refuses a key written
/// twice only when both are the same node: a tag (« !!str radiologie: », « !x radiologie: ») makes a second node with
/// the same text, which it lets through. Such a file must be a French error at the second key's line, never a crash
/// (SiteCatalog's dictionaries threw ArgumentException « An item with the same key has already been added »).
/// </summary>
public sealed class CatalogDuplicateTests
{
    // Ways of writing a key that YAML takes as the same text, but YamlDotNet as different nodes.
    private static readonly Gen<string> Spelling = Gen.OneOf(Gen.Const(""), Gen.Const("!!str "), Gen.Const("!x "), Gen.Const("!<tag:yaml.org,2002:str> "));

    [Fact]
    public void A_slug_declared_twice_in_any_spelling_is_an_error_at_its_second_line()
    {
        var gen =
            from slug in Gen.OneOf(Gen.Const("radiologie"), Gen.Const("2024"), Gen.Const("yes"), Gen.Const("a-b"))
            from first in Spelling
            from second in Spelling
            from quoted in Gen.Bool
            from themes in Gen.Bool
            where first != second
            select (slug, first, second, quoted, themes);
        gen.Sample(c =>
        {
            var key = c.quoted ? $"\"{c.slug}\"" : c.slug;
            var entry = c.themes ? "{ name: T }" : "{ name: S, phone: \"01\" }";

            var (catalog, diagnostics) = CatalogFiles.Load($"{c.first}{c.slug}: {entry}\n{c.second}{key}: {entry}\n", c.themes);

            Assert.Null(catalog);
            var error = Assert.Single(diagnostics.All, d => d.Severity == Severity.Error);
            Assert.Equal(c.themes ? "themes.yml" : "services.yml", error.File);
            Assert.Equal(2, error.Line);
        }, iter: 200, threads: 1);
    }

    [Fact]
    public void The_build_says_so_in_french_and_leaves_the_site_as_it_was()
    {
        using var site = new TestSite();
        Assert.True(site.Build().Succeeded);
        var home = File.ReadAllBytes(Path.Combine(site.Output, "index.html"));
        File.AppendAllText(Path.Combine(site.Input, "data", "themes.yml"), "!!str cancerologie:\n  name: \"Cancérologie bis\"\n");

        var result = site.Build();

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.EndsWith("input/data/themes.yml", error.File);
        Assert.Contains("« cancerologie » est écrit deux fois", error.Message);
        Assert.Equal(home, File.ReadAllBytes(Path.Combine(site.Output, "index.html")));
    }

    [Fact]
    public void A_field_written_twice_with_a_tag_is_an_error()
    {
        using var site = new TestSite();
        File.WriteAllText(Path.Combine(site.Input, "data", "themes.yml"), "cancerologie:\n  name: \"Cancérologie\"\n  !!str name: \"Autre\"\n");

        var result = site.Build();

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.File.EndsWith("input/data/themes.yml", StringComparison.Ordinal) && e.Line == 3);
    }
}
