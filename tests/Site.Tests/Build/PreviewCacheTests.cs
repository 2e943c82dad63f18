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
    public void A_body_edit_reaches_its_page_in_a_rebuild()
    {
        using var site = RebuiltAfter(text => text + "\nUne phrase ajoutée pendant l’aperçu.\n");

        Assert.Contains("Une phrase ajoutée pendant l’aperçu.", site.Page(SheetPage).Body!.TextContent, StringComparison.Ordinal);
    }

    // Builds a copy of the site with a preview cache, edits the sheet's source, and builds again with the same cache.
    private static TestSite RebuiltAfter(Func<string, string> edit)
    {
        var site = new TestSite();
        var cache = new BuildCache();
        var options = new BuildOptions(site.Input, site.Theme, site.Output, Today: TestSite.Today);
        Assert.True(SiteBuilder.Build(options, cache).Succeeded);
        var source = Path.Combine(site.Input, Sheet);
        File.WriteAllText(source, edit(File.ReadAllText(source)));
        Assert.True(SiteBuilder.Build(options, cache).Succeeded);
        return site;
    }
}
