using AngleSharp.Dom;
using FichesSite.Pdf;

namespace FichesSite.Tests.Rendering;

/// <summary>The repository's content plus a sheet of each other kind, built once.</summary>
public sealed class ActionsSite : IDisposable
{
    public ActionsSite()
    {
        Site.AddFiche("fiche-conseils.md");
        Site.AddFiche("fiche-examen.md");
        var result = Site.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
    }

    public TestSite Site { get; } = new();

    public IEnumerable<string> Sheets => Site.HtmlPages().Where(p => p.StartsWith("fiches/", StringComparison.Ordinal));

    public void Dispose() => Site.Dispose();
}

/// <summary>
/// Every sheet's actions bar, near its top (after the title and review dates, before the contents): « Imprimer », a
/// button hidden until theme/assets/js/imprimer.js shows it (it does nothing without the script), and the PDF
/// handout's link, which is there only once the pdf command has made the file. No inline script or handler; only sheets
/// load the script. The browser side (shown, calls print) is in Browser/SheetActionsBrowserTests.
/// </summary>
public sealed class SheetActionsTests(ActionsSite built) : IClassFixture<ActionsSite>
{
    [Fact]
    public void Every_sheet_has_the_print_button_hidden_until_its_script_shows_it()
    {
        Assert.Equal(3, built.Sheets.Count());
        foreach (var sheet in built.Sheets)
        {
            var page = built.Site.Page(sheet);
            var actions = Assert.Single(page.QuerySelectorAll("main .actions"));
            var button = Assert.Single(actions.QuerySelectorAll("button"));
            Assert.Equal("button", button.GetAttribute("type"));
            Assert.Equal("imprimer", button.ClassName);
            Assert.True(button.HasAttribute("hidden"), $"{sheet}: the print button shows without the script that makes it work");
            Assert.Equal("Imprimer", button.TextContent);
            Assert.Empty(page.QuerySelectorAll("[onclick], [style]"));

            // Near the top: right after the title's review line, before the contents and the text.
            var article = page.QuerySelector("article.fiche")!;
            var order = article.Children.Select(c => c.ClassName ?? c.LocalName).ToList();
            Assert.True(order.IndexOf("actions") < order.IndexOf("fiche-content"), $"{sheet}: {string.Join(", ", order)}");
            Assert.Equal("h1", article.Children[0].LocalName);
            if (page.QuerySelector("nav.toc") is { } toc)
            {
                Assert.Equal(DocumentPositions.Following, actions.CompareDocumentPosition(toc) & DocumentPositions.Following);
            }

            var scripts = page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!).ToList();
            Assert.Single(scripts, s => s.EndsWith("/assets/js/imprimer.js", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Pages_other_than_sheets_have_no_actions_nor_their_script()
    {
        foreach (var path in built.Site.HtmlPages().Where(p => !p.StartsWith("fiches/", StringComparison.Ordinal)))
        {
            var page = built.Site.Page(path);
            Assert.Empty(page.QuerySelectorAll(".actions, button.imprimer"));
            Assert.DoesNotContain(page.QuerySelectorAll("script[src]"), s => s.GetAttribute("src")!.EndsWith("imprimer.js", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_pdf_link_joins_the_actions_only_once_the_pdf_command_made_the_file()
    {
        foreach (var sheet in built.Sheets)
        {
            var file = Path.Combine(built.Site.Output, sheet);
            var html = File.ReadAllText(file);
            Assert.Empty(built.Site.Page(sheet).QuerySelectorAll(".actions a, a[href$='.pdf']"));

            // What the pdf command does to the page once the PDF is written (PdfHandoutTests does it with Chromium).
            var shown = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(HandoutLinks.ShowIn(html, 58_000)!);
            var link = Assert.Single(shown.QuerySelectorAll("main .actions .handout a"));
            Assert.EndsWith(".pdf", link.GetAttribute("href"), StringComparison.Ordinal);
            Assert.Equal("application/pdf", link.GetAttribute("type"));
            Assert.StartsWith("Télécharger la fiche (PDF, ", link.TextContent, StringComparison.Ordinal);
        }
    }
}
