using FichesSite.Content;
using FichesSite.Pipeline;

namespace FichesSite.Tests;

/// <summary>
/// input/site.yml and input/contracts.yml, read by hand from their YAML tree: every key reaches its setting, defaults
/// stay where a key is left out, and a typo or a value of the wrong kind is an error on its line.
/// </summary>
public sealed class ConfigFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fiches-config-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private (T? Value, DiagnosticBag Diagnostics) Read<T>(string yaml, Func<string, string, DiagnosticBag, T?> read)
    {
        var path = Path.Combine(_folder, "config.yml");
        File.WriteAllText(path, yaml);
        var diagnostics = new DiagnosticBag(warningsAreErrors: false);
        return (read(path, "input/config.yml", diagnostics), diagnostics);
    }

    [Fact]
    public void Every_key_of_site_yml_reaches_its_setting()
    {
        var (site, diagnostics) = Read("""
            name: "Fiches — Exemple"
            language: fr
            base_url: https://fiches.exemple.invalid/
            organisation:
              name: Hôpital Exemple
              phone: 01 00 00 00 00
              phone_hours: de 9 h à 17 h
              address: 1 rue de l’Exemple
            feedback: avis@hopital-exemple.invalid
            readability:
              kandel_moles_min: 55.5
              lix_max: 40
            """, SiteConfigFile.Read);

        Assert.Empty(diagnostics.All);
        Assert.NotNull(site);
        Assert.Equal(("Fiches — Exemple", "fr", "https://fiches.exemple.invalid/"), (site.Name, site.Language, site.BaseUrl));
        Assert.Equal(("Hôpital Exemple", "01 00 00 00 00", "de 9 h à 17 h", "1 rue de l’Exemple"),
            (site.Organisation.Name, site.Organisation.Phone, site.Organisation.PhoneHours, site.Organisation.Address));
        Assert.Equal((55.5, 40.0), (site.Readability.KandelMolesMin, site.Readability.LixMax));
        Assert.Equal((true, "avis@hopital-exemple.invalid"), (site.Feedback!.IsMail, site.Feedback.Target));
    }

    [Fact]
    public void Keys_left_out_keep_their_defaults()
    {
        var (site, diagnostics) = Read("name: Exemple\nbase_url: ~\nreadability:\n", SiteConfigFile.Read);

        Assert.Empty(diagnostics.All);
        Assert.NotNull(site);
        Assert.Null(site.BaseUrl);
        Assert.Null(site.Feedback);
        Assert.Equal(("fr", 60.0, 45.0), (site.Language, site.Readability.KandelMolesMin, site.Readability.LixMax));
    }

    [Theory]
    [InlineData("site.yml", "name: Exemple\norganisation:\n  phone: 01\n  phonehours: 9 h\n", 4, "champ inconnu « phonehours »", "Vouliez-vous écrire « phone_hours » ?")]
    [InlineData("site.yml", "name: Exemple\nreadability:\n  lix_max: quarante\n", 3, "« quarante » n’est pas un nombre", "par exemple 60")]
    [InlineData("site.yml", "name: Exemple\norganisation: Hôpital Exemple\n", 2, "un groupe de champs « nom: valeur » est attendu ici", "indentation")]
    [InlineData("site.yml", "name: [Exemple]\n", 1, "une valeur simple est attendue ici", "indentation")]
    [InlineData("site.yml", "name: 'Exemple\n", 1, "configuration illisible", "guillemets")]
    [InlineData("contracts.yml", "fiche:\n  sections:\n    - heading: Risques\n      min_subsection: 1\n", 4, "champ inconnu « min_subsection »", "Vouliez-vous écrire « min_subsections » ?")]
    [InlineData("contracts.yml", "fiche:\n  sections:\n    - heading: Risques\n      risk_figures: oui\n", 4, "« oui » n’est ni true ni false", "true")]
    [InlineData("contracts.yml", "fiche:\n  sections:\n    - heading: Risques\n      min_subsections: 1.5\n", 4, "« 1.5 » n’est pas un nombre entier", "entier")]
    [InlineData("contracts.yml", "fiche:\n  sections: Risques\n", 2, "une liste est attendue ici", "indentation")]
    [InlineData("contracts.yml", "fiche:\n  layout: fiche\nfiche:\n  layout: page\n", 3, "un même champ est écrit deux fois", "indentation")]
    public void A_wrong_key_or_value_is_an_error_on_its_line(string file, string yaml, int line, string message, string fix)
    {
        var (config, diagnostics) = file == "site.yml" ? Read<object>(yaml, SiteConfigFile.Read) : Read<object>(yaml, ContractsFile.Read);

        Assert.Null(config);
        var error = Assert.Single(diagnostics.All);
        Assert.Equal(("input/config.yml", line), (error.File, error.Line));
        Assert.StartsWith(YamlConfigFile.Unreadable, error.Message);
        Assert.Contains(message, error.Message);
        Assert.Contains(fix, error.Fix);
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        var (site, diagnostics) = Read("# rien encore\n", SiteConfigFile.Read);

        Assert.Null(site);
        Assert.Contains("le fichier est vide", Assert.Single(diagnostics.All).Message);
    }

    [Fact]
    public void Every_key_of_contracts_yml_reaches_its_rule()
    {
        var (contracts, diagnostics) = Read("""
            page:
              required_fields: [title]
            fiche-examen:
              layout: fiche
              procedure_type: NoninvasiveProcedure
              required_fields: [title, description]
              sections:
                - heading: "Qu’est-ce que c’est"
                  schema_property: howPerformed
                - heading: "Quels sont les risques"
                  min_subsections: 2
                  subsection_label: risque
                  risk_figures: true
            """, ContractsFile.Read);

        Assert.Empty(diagnostics.All);
        Assert.NotNull(contracts);
        Assert.Equal(["page", "fiche-examen"], contracts.Keys);
        Assert.Equal(("page", "title"), (contracts["page"].Layout, Assert.Single(contracts["page"].RequiredFields)));
        var examen = contracts["fiche-examen"];
        Assert.Equal(("fiche", "NoninvasiveProcedure"), (examen.Layout, examen.ProcedureType));
        Assert.Equal(["title", "description"], examen.RequiredFields);
        Assert.Equal(2, examen.Sections.Count);
        Assert.Equal(("Qu’est-ce que c’est", 0, "sous-section", false, "howPerformed"),
            (examen.Sections[0].Heading, examen.Sections[0].MinSubsections, examen.Sections[0].SubsectionLabel, examen.Sections[0].RiskFigures, examen.Sections[0].SchemaProperty));
        Assert.Equal(("Quels sont les risques", 2, "risque", true, (string?)null),
            (examen.Sections[1].Heading, examen.Sections[1].MinSubsections, examen.Sections[1].SubsectionLabel, examen.Sections[1].RiskFigures, examen.Sections[1].SchemaProperty));
    }

    // The same typo in two types: each error names its own value's line, not the first line that reads alike.
    [Theory]
    [InlineData("examen:\n  procedure_type: PercutaneusProcedure\nfiche:\n  procedure_type: PercutaneusProcedure\n", 4,
        "« procedure_type: PercutaneusProcedure » inconnu pour le type « fiche ».", "« PercutaneousProcedure »")]
    [InlineData("examen:\n  sections:\n    - heading: Suites\n      schema_property: followUp\nfiche:\n  sections:\n    - heading: Suites\n      schema_property: followUp\n", 8,
        "« schema_property: followUp » inconnu pour le type « fiche ».", "« followup »")]
    public void A_name_outside_schema_org_is_an_error_on_its_line_naming_the_nearest(string yaml, int line, string message, string nearest)
    {
        var (contracts, diagnostics) = Read(yaml, ContractsFile.Read);

        Assert.Null(contracts);
        Assert.Equal(2, diagnostics.All.Count);
        var error = diagnostics.All.Single(e => e.Message.EndsWith("« fiche ».", StringComparison.Ordinal));
        Assert.Equal(("input/config.yml", line, message), (error.File, error.Line, error.Message));
        Assert.StartsWith($"Vouliez-vous écrire {nearest} ? Les valeurs possibles (schema.org) sont : ", error.Fix);
    }

    [Fact]
    public void An_empty_value_of_contracts_yml_is_an_empty_list_or_the_default()
    {
        var (contracts, diagnostics) = Read("page:\n  layout:\n  required_fields:\n  sections: []\n", ContractsFile.Read);

        Assert.Empty(diagnostics.All);
        Assert.NotNull(contracts);
        Assert.Equal(("page", 0, 0), (contracts["page"].Layout, contracts["page"].RequiredFields.Count, contracts["page"].Sections.Count));
    }

    [Fact]
    public void The_theme_words_read_yaml_s_empty_value_as_the_configuration_does_and_keep_a_quoted_one()
    {
        var (strings, diagnostics) = Read("a:\n  tilde: ~\n  upper: NULL\n  nothing:\n  quoted: \"~\"\n  word: Rechercher\n", FichesSite.Rendering.ThemeStrings.Load);

        Assert.Empty(diagnostics.All);
        Assert.NotNull(strings);
        Assert.Equal(new Dictionary<string, string> { ["tilde"] = "", ["upper"] = "", ["nothing"] = "", ["quoted"] = "~", ["word"] = "Rechercher" }, strings.Map("a"));
    }

    [Fact]
    public void Every_key_of_brand_reaches_its_setting_with_its_line()
    {
        var (site, diagnostics) = Read("""
            name: Exemple
            brand:
              logo: marque/logo.svg
              logo_alt: Centre hospitalier Exemple
              primary: "#1D5A8C"
              primary_dark: "#abc"
              font:
                family: Exemple Sans
                file: marque/police.woff2
                bold_file: marque/police-gras.woff2
            """, SiteConfigFile.Read);

        Assert.Empty(diagnostics.All);
        var brand = site!.Brand!;
        Assert.Equal(("marque/logo.svg", 3, "Centre hospitalier Exemple"), (brand.Logo, brand.LogoLine, brand.LogoAlt));
        Assert.Equal(("#1d5a8c", 5, "#aabbcc", 6), (brand.Primary.ToString(), brand.PrimaryLine, brand.PrimaryDark.ToString(), brand.PrimaryDarkLine));
        Assert.Equal(("Exemple Sans", "marque/police.woff2", 9, "marque/police-gras.woff2", 10),
            (brand.Font!.Family, brand.Font.File, brand.Font.FileLine, brand.Font.BoldFile, brand.Font.BoldFileLine));
    }

    [Theory]
    [InlineData("brand:\n  primary: \"red;}body{display:none\"\n", 2, "seule une couleur hexadécimale")]
    [InlineData("brand:\n  primary_dark: rebeccapurple\n", 2, "seule une couleur hexadécimale")]
    [InlineData("brand:\n  primary: #1d5a8c\n", 2, "« # » commence un commentaire")]
    [InlineData("brand:\n  logo: marque/logo.svg\n", 2, "« logo_alt » manque")]
    [InlineData("brand:\n  font:\n    family: Exemple\n", 3, "« file » manque")]
    [InlineData("brand:\n  font:\n    family: \"a\\\"b\"\n    file: p.woff2\n", 3, "nom de police")]
    [InlineData("brand:\n  primry: \"#1d5a8c\"\n", 2, "Vouliez-vous écrire « primary » ?")]
    public void A_wrong_brand_setting_is_an_error_on_its_line(string yaml, int line, string message)
    {
        var (site, diagnostics) = Read("name: Exemple\n" + yaml, SiteConfigFile.Read);

        Assert.Null(site);
        var error = Assert.Single(diagnostics.All);
        Assert.Equal(line + 1, error.Line);
        Assert.Contains(message, error.Message + " " + error.Fix);
    }
}
