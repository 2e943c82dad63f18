using System.Text.Json;
using AngleSharp.Dom;

namespace FichesSite.Tests.StructuredData;

/// <summary>
/// The schema.org JSON-LD of a sheet, parsed with System.Text.Json and checked against what the
/// page itself shows: title, dates, reviewer, and the text of the sections it takes.
/// </summary>
public sealed class StructuredDataTests
{
    private const string FichePath = "fiches/cimentoplastie-metastases-osseuses/index.html";

    [Fact]
    public void A_fiche_is_a_medical_web_page_about_a_procedure_that_matches_the_page()
    {
        using var site = new TestSite();
        Assert.True(site.Build().Succeeded);
        var page = site.Page(FichePath);
        using var json = JsonLd(page);
        var root = json.RootElement;

        Assert.Equal("https://schema.org", root.GetProperty("@context").GetString());
        Assert.Equal("MedicalWebPage", root.GetProperty("@type").GetString());
        Assert.Equal("fr", root.GetProperty("inLanguage").GetString());
        Assert.Equal(page.DocumentElement.GetAttribute("lang"), root.GetProperty("inLanguage").GetString());
        Assert.Equal(page.QuerySelector("h1")!.TextContent, root.GetProperty("name").GetString());
        Assert.Equal(page.QuerySelector("meta[name=description]")!.GetAttribute("content"), root.GetProperty("description").GetString());
        Assert.Equal(page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"), root.GetProperty("url").GetString());
        Assert.Equal("https://fiches.hopital-exemple.invalid/fiches/cimentoplastie-metastases-osseuses/", root.GetProperty("url").GetString());
        Assert.Equal(page.QuerySelector(".about dd time")!.GetAttribute("datetime"), root.GetProperty("lastReviewed").GetString());
        Assert.Equal("2026-01-15", root.GetProperty("lastReviewed").GetString());
        var reviewer = root.GetProperty("reviewedBy");
        Assert.Equal("Organization", reviewer.GetProperty("@type").GetString());
        Assert.Equal(page.QuerySelectorAll(".about dd")[2].TextContent, reviewer.GetProperty("name").GetString());
        Assert.Equal("https://schema.org/Patient", root.GetProperty("audience").GetString());
        // The publisher is the organisation of site.yml, as the footer names it; the specialty that of the sheet's service.
        var publisher = root.GetProperty("publisher");
        Assert.Equal("MedicalOrganization", publisher.GetProperty("@type").GetString());
        Assert.Equal(page.QuerySelector("footer .contact strong")!.TextContent, publisher.GetProperty("name").GetString());
        Assert.Equal("https://schema.org/Radiography", root.GetProperty("specialty").GetString());

        var procedure = root.GetProperty("about");
        Assert.Equal("MedicalProcedure", procedure.GetProperty("@type").GetString());
        Assert.Equal(page.QuerySelector("h1")!.TextContent, procedure.GetProperty("name").GetString());
        Assert.Equal("https://schema.org/PercutaneousProcedure", procedure.GetProperty("procedureType").GetString());
        Assert.Equal(Normalize(SectionText(page, "En quoi consiste")), Normalize(procedure.GetProperty("howPerformed").GetString()!));
        Assert.Equal(Normalize(SectionText(page, "Quelles sont les suites")), Normalize(procedure.GetProperty("followup").GetString()!));
        Assert.StartsWith("Type d’anesthésie\nLe geste est le plus souvent réalisé sous anesthésie générale", procedure.GetProperty("howPerformed").GetString());
        Assert.EndsWith("ne nécessite pas de chirurgie au décours.", procedure.GetProperty("followup").GetString());
    }

    [Fact]
    public void A_sheet_whose_service_gives_no_specialty_has_none()
    {
        using var site = new TestSite();
        var services = Path.Combine(site.Input, "data", "services.yml");
        File.WriteAllText(services, File.ReadAllText(services).Replace("  specialty: Radiography\n", "", StringComparison.Ordinal));
        Assert.True(site.Build().Succeeded);

        using var json = JsonLd(site.Page(FichePath));

        Assert.False(json.RootElement.TryGetProperty("specialty", out _));
        Assert.True(json.RootElement.TryGetProperty("publisher", out _));
    }

    [Fact]
    public void Pages_that_are_not_procedures_carry_no_structured_data()
    {
        using var site = new TestSite();
        Assert.True(site.Build().Succeeded);

        Assert.All(site.HtmlPages().Where(p => p != FichePath), p => Assert.Empty(site.Page(p).QuerySelectorAll("script[type='application/ld+json']")));
    }

    [Fact]
    public void A_title_with_a_closing_script_tag_stays_inside_the_json()
    {
        using var site = new TestSite();
        var fiche = site.AddFiche("revision-bientot.md");
        const string hostile = "</script><script>alert(1)</script> & « fiche »";
        File.WriteAllText(fiche, File.ReadAllText(fiche).Replace("title: \"Fiche à relire bientôt\"", "title: \"</script><script>alert(1)</script> & « fiche »\""));

        Assert.True(site.Build().Succeeded);
        var html = File.ReadAllText(Path.Combine(site.Output, "fiches", "revision-bientot", "index.html"));
        var page = site.Page("fiches/revision-bientot/index.html");

        var scripts = page.QuerySelectorAll("script:not([src])").ToList();
        Assert.Equal("application/ld+json", Assert.Single(scripts).GetAttribute("type"));
        using var json = JsonLd(page);
        Assert.Equal(hostile, json.RootElement.GetProperty("name").GetString());
        Assert.Equal(hostile, page.QuerySelector("h1")!.TextContent);
        Assert.Contains("\\u003C/script\\u003E\\u003Cscript\\u003Ealert(1)", html);
        Assert.Contains("« fiche »", html); // French stays legible
    }

    [Fact]
    public void A_procedure_type_outside_schema_org_is_refused_with_its_line()
    {
        using var site = new TestSite();
        var contracts = Path.Combine(site.Input, "contracts.yml");
        File.WriteAllText(contracts, File.ReadAllText(contracts).Replace("procedure_type: PercutaneousProcedure", "procedure_type: PercutaneusProcedure"));
        var line = Array.FindIndex(File.ReadAllLines(contracts), l => l.Contains("procedure_type: Percutaneus", StringComparison.Ordinal)) + 1;

        var result = site.Build();

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.EndsWith("/input/contracts.yml", error.File);
        Assert.Equal(line, error.Line);
        Assert.Contains("« procedure_type: PercutaneusProcedure » inconnu", error.Message);
        Assert.Contains("Vouliez-vous écrire « PercutaneousProcedure » ?", error.Fix);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void Without_a_base_url_the_json_ld_has_no_url_rather_than_a_relative_one()
    {
        using var site = new TestSite();
        var siteYml = Path.Combine(site.Input, "site.yml");
        File.WriteAllLines(siteYml, File.ReadAllLines(siteYml).Where(l => !l.StartsWith("base_url:", StringComparison.Ordinal)));
        Assert.True(site.Build().Succeeded);

        using var json = JsonLd(site.Page(FichePath));

        Assert.False(json.RootElement.TryGetProperty("url", out _));
        Assert.Equal("MedicalWebPage", json.RootElement.GetProperty("@type").GetString());
    }

    private static JsonDocument JsonLd(IDocument page) =>
        JsonDocument.Parse(Assert.Single(page.QuerySelectorAll("head script[type='application/ld+json']")).TextContent);

    /// <summary>
    /// The text of an h2 section of the sheet as written: everything after the heading up to the next h2,
    /// without what the glossary adds to its terms (the hidden definition after each marked term).
    /// </summary>
    private static string SectionText(IDocument page, string headingStart)
    {
        var heading = page.QuerySelectorAll(".fiche-content h2").Single(h => h.TextContent.StartsWith(headingStart, StringComparison.Ordinal));
        var text = new System.Text.StringBuilder();
        for (var node = heading.NextSibling; node is not null && node is not IElement { LocalName: "h2" }; node = node.NextSibling)
        {
            var copy = node.Clone(deep: true);
            if (copy is IElement element)
            {
                foreach (var added in element.QuerySelectorAll(".terme-definition").ToList())
                {
                    added.Remove();
                }
            }
            text.Append(' ').Append(copy.TextContent);
        }
        return text.ToString();
    }

    private static string Normalize(string text) => string.Join(' ', text.Split([' ', '\n', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries));
}
