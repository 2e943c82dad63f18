using FichesSite.Pipeline;

namespace FichesSite.Tests.Collection;

/// <summary>
/// A sheet's service and themes, and the data files that declare them: each mistake is a French error at its file and
/// line, with the fix (and the nearest name), and the previous site stays as it was.
/// </summary>
public sealed class CatalogErrorsTests
{
    private const string Sheet = "fiches/cimentoplastie-metastases-osseuses.md";

    private static Diagnostic SingleError(TestSite site)
    {
        var result = site.Build();
        Assert.False(result.Succeeded);
        return Assert.Single(result.Errors);
    }

    private static void EditSheet(TestSite site, string from, string to)
    {
        var path = Path.Combine(site.Input, Sheet);
        var text = File.ReadAllText(path);
        Assert.Contains(from, text);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_service_is_named_at_its_line_with_the_nearest_one()
    {
        using var site = new TestSite();
        EditSheet(site, "service: radiologie-interventionnelle", "service: radiologie-interventionelle");

        var error = SingleError(site);

        Assert.EndsWith("input/" + Sheet, error.File);
        Assert.Equal(5, error.Line);
        Assert.Contains("service inconnu « radiologie-interventionelle »", error.Message);
        Assert.Contains("Vouliez-vous écrire « radiologie-interventionnelle » ?", error.Fix);
    }

    [Fact]
    public void An_unknown_or_repeated_theme_is_named_at_its_line()
    {
        using var site = new TestSite();
        EditSheet(site, "themes: [cancerologie]", "themes: [cancerologi, cancerologie, cancerologie]");

        var errors = site.Build().Errors.ToList();

        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal(6, e.Line));
        Assert.Contains(errors, e => e.Message.Contains("thème inconnu « cancerologi »") && e.Fix.Contains("« cancerologie »"));
        Assert.Contains(errors, e => e.Message.Contains("le thème « cancerologie » est donné deux fois"));
    }

    [Fact]
    public void A_sheet_without_a_service_is_refused_by_its_contract()
    {
        using var site = new TestSite();
        EditSheet(site, "service: radiologie-interventionnelle\n", "");

        var error = SingleError(site);

        Assert.Contains("le champ « service » est obligatoire pour une page de type « fiche-procedure »", error.Message);
    }

    [Theory]
    [InlineData("Radiologie:\n  name: R\n  phone: \"01\"\n", 1, "« Radiologie » ne peut pas nommer un service")]
    [InlineData("radiologie:\n  name: R\n", 1, "le service « radiologie » n’a pas de champ « phone »")]
    [InlineData("radiologie:\n  phone: \"01 00\"\n", 1, "le service « radiologie » n’a pas de champ « name »")]
    [InlineData("radiologie:\n  name: R\n  phone: standard\n", 1, "le téléphone du service « radiologie » ne contient aucun chiffre")]
    [InlineData("radiologie:\n  name: R\n  phone: \"01\"\n  specialty: Radiology\n", 4, "spécialité inconnue « Radiology »")]
    [InlineData("radiologie:\n  name: R\n  phone: \"01\"\n  telephone: \"02\"\n", 4, "champ inconnu « telephone »")]
    [InlineData("page-2:\n  name: R\n  phone: \"01\"\n", 1, "« page-2 » ne peut pas nommer un service : c’est le nom des pages suivantes d’une liste")]
    [InlineData("radiologie:\n  name: R\n  phone: \"01\"\n  intro: \"Une phrase. Une phrase. Une phrase. Une phrase. Une phrase. Une phrase. Une phrase. Une phrase. Une phrase. Une phrase. Une phrase. Une phrase. Une phrase. Une phrase. Une phrase. Une phrase. Une phrase. Une phrase. Une phrase. Une phrase. Une phrase. Une phrase. Une phrase. Une phrase. Une phrase. Une phrase. Une phrase. Une phrase. Une phrase. Une phrase. \"\n", 1, "le champ « intro » de « radiologie » fait 360 caractères")]
    public void A_mistake_in_services_yml_is_named_at_its_line(string yaml, int line, string words)
    {
        using var site = new TestSite();
        File.WriteAllText(Path.Combine(site.Input, "data", "services.yml"), yaml);

        var errors = site.Build().Errors.ToList();

        Assert.Contains(errors, e => e.File.EndsWith("input/data/services.yml", StringComparison.Ordinal) && e.Line == line && e.Message.Contains(words));
    }

    [Fact]
    public void A_page_written_where_the_collection_s_pages_go_is_refused()
    {
        using var site = new TestSite();
        File.WriteAllText(Path.Combine(site.Input, "pages", "services.md"), "---\ntitle: Nos services\ndescription: Une page.\n---\n\nTexte.\n");

        var errors = site.Build().Errors.ToList();

        Assert.Contains(errors, e => e.File.EndsWith("input/pages/services.md", StringComparison.Ordinal) && e.Message.Contains("réservée aux pages que le site fait lui-même"));
    }
}
