using System.Text;

namespace FichesSite.Tests.Collection;

/// <summary>
/// Every HTML page stays under 100 KB at 10,000 sheets. The lists of sheets are cut into pages of 50, but the lists of
/// services and themes are not: the list of services (each with its intro), the home page (every service and theme)
/// and the site map (every service and theme) grow with services.yml. A hospital group's site of 10,000 sheets with
/// 500 services (20 sheets each) gets a list of services of 168 KB, a home page and a site map of 122 KB.
/// </summary>
public sealed class CatalogSizeTests
{
    [Fact(Skip = "defect: services/index.html, index.html and plan-du-site/index.html list every service and theme unpaged: "
        + "over 100 KB from about 300 services with an intro (services list) and 420 (home, site map)")]
    public void Pages_stay_under_their_bound_with_hundreds_of_services()
    {
        using var site = new TestSite();
        var intro = "Le service accueille les adultes pour des examens et des traitements, en consultation ou en hospitalisation de jour.";
        var services = new StringBuilder();
        for (var i = 0; i < 500; i++)
        {
            services.Append($"service-{i:000}:\n  name: \"Service de médecine spécialisée n° {i:000}\"\n  phone: \"01 00 00 00 00\"\n  intro: \"{intro}\"\n");
        }
        services.Append("radiologie-interventionnelle:\n  name: \"Radiologie interventionnelle\"\n  phone: \"01 00 00 00 01\"\n");
        File.WriteAllText(Path.Combine(site.Input, "data", "services.yml"), services.ToString());
        var themes = new StringBuilder();
        for (var i = 0; i < 60; i++)
        {
            themes.Append($"theme-{i:00}:\n  name: \"Thème n° {i:00}\"\n  description: \"{intro}\"\n");
        }
        themes.Append("cancerologie:\n  name: \"Cancérologie\"\n");
        File.WriteAllText(Path.Combine(site.Input, "data", "themes.yml"), themes.ToString());

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Take(5)));
        var over = site.HtmlPages()
            .Select(page => (page, bytes: new FileInfo(Path.Combine(site.Output, page)).Length))
            .Where(p => p.bytes > CollectionPagesTests.MaxPageBytes)
            .Select(p => $"{p.page}: {p.bytes} bytes")
            .ToList();
        Assert.True(over.Count == 0, string.Join("\n", over));
    }
}
