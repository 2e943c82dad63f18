using CsCheck;
using FichesSite.Tests.Paths;

namespace FichesSite.Tests;

/// <summary>
/// « layout: » names a layout of the theme, nothing else (ThemeTemplates.LayoutProblem): a path, an extension or any
/// other text never has a file read as a template, and the error names the page, the line and the layouts there are.
/// </summary>
public sealed class LayoutNameTests
{
    private static TestSite SiteWithLayout(string layout, out string page)
    {
        var site = new TestSite();
        Confinement.PlantSecrets(site);
        // A template outside the theme that would print the secret if it were ever used as a layout.
        File.WriteAllText(Path.Combine(site.Root, "dehors", "piege.liquid"), Confinement.Secret + "{{ content }}");
        File.WriteAllText(Path.Combine(site.Input, "pages", "piege.liquid"), Confinement.Secret + "{{ content }}");
        page = Path.Combine(site.Input, "pages", "essai.md");
        File.WriteAllText(page, $"---\ntitle: Essai\ndescription: Une page d’essai.\nlayout: \"{layout.Replace("\\", "\\\\").Replace("\"", "\\\"")}\"\n---\n\n## Essai\n\nDu texte.\n");
        return site;
    }

    [Theory]
    [InlineData("../../input/pages/piege")]
    [InlineData("../../dehors/piege")]
    [InlineData("/etc/passwd")]
    [InlineData("../layouts/page")]
    [InlineData("page.liquid")]
    [InlineData("page/")]
    [InlineData("./page")]
    [InlineData("PAGE")]
    [InlineData("inexistant")]
    public void A_layout_that_is_not_a_layout_of_the_theme_is_refused_at_its_line(string layout)
    {
        using var site = SiteWithLayout(layout, out var page);

        var result = Confinement.BuildAndCheck(site);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal(page.Replace('\\', '/'), Path.GetFullPath(error.File).Replace('\\', '/'));
        Assert.Equal(4, error.Line);
        Assert.Contains("fiche, glossary, home", error.Fix);
    }

    [Fact]
    public void A_contract_s_layout_that_the_theme_lacks_is_one_error_at_its_line_of_contracts_yml()
    {
        using var site = new TestSite();
        var contracts = Path.Combine(site.Input, "contracts.yml");
        var lines = File.ReadAllLines(contracts);
        var line = Array.FindIndex(lines, l => l.Trim() == "layout: fiche") + 1;
        lines[line - 1] = lines[line - 1].Replace("layout: fiche", "layout: ../../input/pages/piege", StringComparison.Ordinal);
        File.WriteAllLines(contracts, lines);

        var error = Assert.Single(site.Build().Errors);

        Assert.EndsWith("contracts.yml", error.File);
        Assert.Equal(line, error.Line);
        Assert.Contains("n’est pas un nom de gabarit", error.Message);
    }

    [Fact]
    public void A_layout_of_the_theme_is_used()
    {
        using var site = SiteWithLayout("search", out _);

        var result = Confinement.BuildAndCheck(site);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public void Random_layout_values_name_a_layout_of_the_theme_or_are_refused()
    {
        string[] layouts = ["base", "fiche", "glossary", "home", "not-found", "page", "search", "sitemap"];
        var value = Gen.OneOf(Gen.OneOf(layouts), Gen.OneOf("..", "/", "\\", ".", "liquid", "piege", "pages", "input", "dehors", "%2e%2e", "~", " ", "\u0000")
            .Array[1, 6].Select(parts => string.Join(Gen.OneOf("/", "", ".").Single(), parts)));
        value.Sample(layout =>
        {
            using var site = SiteWithLayout(layout, out _);

            var result = Confinement.BuildAndCheck(site);

            Assert.Equal(layouts.Contains(layout) && layout != "base", result.Succeeded && layout != "base");
        }, iter: 40, threads: 1);
    }
}
