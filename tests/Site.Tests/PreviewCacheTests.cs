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

    private static BuildOptions Options(TestSite site) => new(site.Input, site.Theme, site.Output, Today: TestSite.Today);

    [Fact]
    public void A_title_changed_in_the_header_alone_reaches_the_sheet_and_the_home_page()
    {
        using var site = new TestSite();
        var cache = new BuildCache();
        Assert.True(SiteBuilder.Build(Options(site), cache).Succeeded);
        var source = Path.Combine(site.Input, Sheet);
        var text = File.ReadAllText(source);
        const string OldTitle = "Cimentoplastie en cas de métastases osseuses";
        Assert.Contains($"title: \"{OldTitle}\"", text, StringComparison.Ordinal);

        // The body, the header's length and every line number stay the same: only the header's words differ.
        File.WriteAllText(source, text.Replace($"title: \"{OldTitle}\"", "title: \"Cimentoplastie (titre modifié)\"", StringComparison.Ordinal));
        Assert.True(SiteBuilder.Build(Options(site), cache).Succeeded);

        Assert.Equal("Cimentoplastie (titre modifié)", site.Page(SheetPage).QuerySelector("h1")!.TextContent);
        Assert.Contains(site.Page("index.html").QuerySelectorAll("a"), a => a.TextContent.Contains("titre modifié", StringComparison.Ordinal));
    }

    [Fact]
    public void A_body_edit_reaches_its_page_in_a_rebuild()
    {
        using var site = new TestSite();
        var cache = new BuildCache();
        Assert.True(SiteBuilder.Build(Options(site), cache).Succeeded);
        var source = Path.Combine(site.Input, Sheet);
        File.AppendAllText(source, "\nUne phrase ajoutée pendant l’aperçu.\n");

        Assert.True(SiteBuilder.Build(Options(site), cache).Succeeded);

        Assert.Contains("Une phrase ajoutée pendant l’aperçu.", site.Page(SheetPage).Body!.TextContent, StringComparison.Ordinal);
    }
}
