using FichesSite.Build;

namespace FichesSite.Tests;

/// <summary>
/// The preview's rebuilds reuse each unchanged page's work (BuildCache): an edit to a header alone, or to a body
/// alone, still reaches every page that shows it.
/// </summary>
public sealed class PreviewCacheTests
{
    private const string Sheet = "fiches/cimentoplastie-metastases-osseuses.md";
    private const string SheetPage = "fiches/cimentoplastie-metastases-osseuses/index.html";

    [Fact]
    public void A_title_changed_in_the_header_alone_reaches_the_sheet_and_the_home_page()
    {
        const string OldTitle = "title: \"Cimentoplastie en cas de métastases osseuses\"";
        // The body, the header's length and every line number stay the same: only the header's words differ.
        using var site = RebuiltAfter(text =>
        {
            Assert.Contains(OldTitle, text, StringComparison.Ordinal);
            return text.Replace(OldTitle, "title: \"Cimentoplastie (titre modifié)\"", StringComparison.Ordinal);
        });

        Assert.Equal("Cimentoplastie (titre modifié)", site.Page(SheetPage).QuerySelector("h1")!.TextContent);
        Assert.Contains(site.Page("index.html").QuerySelectorAll("a"), a => a.TextContent.Contains("titre modifié", StringComparison.Ordinal));
    }

    [Fact]
    public void A_sheet_moved_to_another_service_or_theme_moves_between_their_pages_in_a_rebuild()
    {
        using var site = RebuiltAfter(
            text => text
                .Replace("themes: [cancerologie]", "themes: []", StringComparison.Ordinal)
                .Replace("service: radiologie-interventionnelle", "service: urologie", StringComparison.Ordinal),
            // A second service, declared before the first build: the edit moves the sheet to it.
            prepare: input => File.AppendAllText(Path.Combine(input, "data", "services.yml"), "urologie:\n  name: \"Urologie (essai)\"\n  phone: \"01 00 00 00 09\"\n"));

        Assert.Empty(site.Page("services/radiologie-interventionnelle/index.html").QuerySelectorAll("main .fiche-list li"));
        Assert.Single(site.Page("services/urologie/index.html").QuerySelectorAll("main .fiche-list li"));
        Assert.Empty(site.Page("themes/cancerologie/index.html").QuerySelectorAll("main .fiche-list li"));
        Assert.Equal("01 00 00 00 09", site.Page(SheetPage).QuerySelector(".service-contact a[href^='tel:']")!.TextContent);
        Assert.Contains("Urologie (essai)", site.Page(SheetPage).QuerySelector(".breadcrumb")!.TextContent);
    }

    [Fact]
    public void A_body_edit_reaches_its_page_in_a_rebuild()
    {
        using var site = RebuiltAfter(text => text + "\nUne phrase ajoutée pendant l’aperçu.\n");

        Assert.Contains("Une phrase ajoutée pendant l’aperçu.", site.Page(SheetPage).Body!.TextContent, StringComparison.Ordinal);
    }

    // Builds a copy of the site with a preview cache, edits the sheet's source, and builds again with the same cache.
    private static TestSite RebuiltAfter(Func<string, string> edit, Action<string>? prepare = null)
    {
        var site = new TestSite();
        prepare?.Invoke(site.Input);
        var cache = new BuildCache();
        var options = new BuildOptions(site.Input, site.Theme, site.Output, Today: TestSite.Today);
        Assert.True(SiteBuilder.Build(options, cache).Succeeded);
        var source = Path.Combine(site.Input, Sheet);
        File.WriteAllText(source, edit(File.ReadAllText(source)));
        Assert.True(SiteBuilder.Build(options, cache).Succeeded);
        return site;
    }
}
