namespace FichesSite.Tests.Collection;

/// <summary>
/// A site without themes (themes.yml empty or absent, as a site starts) still published themes/index.html: a page
/// « Les thèmes » with an empty list, linked from no page (the home page and the site map show themes only when
/// there are some) yet listed in sitemap.xml for search engines. Every page the build makes is reached from another.
/// </summary>
public sealed class OrphanPagesTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Every_page_but_the_home_and_404_pages_is_linked_from_another(bool withThemes)
    {
        using var site = new TestSite();
        if (!withThemes)
        {
            File.WriteAllText(Path.Combine(site.Input, "data", "themes.yml"), "# Aucun thème pour l’instant.\n");
            var sheet = Path.Combine(site.Input, "fiches", "cimentoplastie-metastases-osseuses.md");
            File.WriteAllText(sheet, File.ReadAllText(sheet).Replace("themes: [cancerologie]\n", "", StringComparison.Ordinal));
        }
        var result = site.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Take(5)));

        var linked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in site.HtmlPages())
        {
            foreach (var href in site.Page(page).QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).Where(h => !h.Contains(':') && !h.StartsWith('#')))
            {
                var target = new Uri(new Uri("http://site.invalid/" + page), href).AbsolutePath.TrimStart('/');
                if (target != page)
                {
                    linked.Add(target);
                }
            }
        }
        var orphans = site.HtmlPages().Where(p => p is not ("index.html" or "404.html") && !linked.Contains(p)).ToList();
        Assert.True(orphans.Count == 0, "linked from no page: " + string.Join(", ", orphans));
    }
}
