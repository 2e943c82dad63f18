using System.Text.Json;

namespace FichesSite.Tests.Collection;

/// <summary>
/// The kinds of sheet contracts.yml declares besides the procedure sheet: an exam sheet and after-care advice, each
/// shown on a fixture of structure only. Each is held to its own sections, listed by its service, and is a
/// MedicalWebPage naming its publisher.
/// </summary>
public sealed class SheetKindsTests
{
    [Theory]
    [InlineData("fiche-examen.md", "Après l’examen")]
    [InlineData("fiche-conseils.md", "Quand appeler")]
    public void A_sheet_of_each_kind_is_built_listed_and_described(string fixture, string lastSection)
    {
        using var site = new TestSite();
        site.AddFiche(fixture);
        var result = site.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));

        var path = "fiches/" + Path.GetFileNameWithoutExtension(fixture) + "/index.html";
        var page = site.Page(path);
        Assert.Equal(lastSection, page.QuerySelectorAll(".fiche-content h2").Last().TextContent);
        Assert.NotNull(page.QuerySelector(".service-contact"));
        var listed = site.Page("services/radiologie-interventionnelle/index.html").QuerySelectorAll("main .fiche-list a").Select(a => a.GetAttribute("href"));
        Assert.Contains("../../" + path, listed);
        using var json = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.Equal("MedicalWebPage", json.RootElement.GetProperty("@type").GetString());
        Assert.Equal("MedicalOrganization", json.RootElement.GetProperty("publisher").GetProperty("@type").GetString());
        Assert.False(json.RootElement.TryGetProperty("about", out _)); // neither kind declares a procedure type
    }

    [Theory]
    [InlineData("fiche-examen.md", "## Comment se préparer ?", "« Comment se préparer")]
    [InlineData("fiche-conseils.md", "## Quand appeler", "« Quand appeler")]
    public void Each_kind_is_held_to_its_own_sections(string fixture, string heading, string words)
    {
        using var site = new TestSite();
        var file = site.AddFiche(fixture);
        File.WriteAllText(file, File.ReadAllText(file).Replace(heading, "## Autre chose", StringComparison.Ordinal));

        var result = site.Build();

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Message.Contains("la section obligatoire") && e.Message.Contains(words) && e.Message.Contains("manque"));
    }
}
