using FichesSite.Print;
using System.Text.RegularExpressions;
using FichesSite.Rendering;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace FichesSite.Tests.Pdf;

/// <summary>
/// The PDF handouts, read back with PdfPig: the cementoplasty sheet on at most three A4 pages, with its
/// title, its four risks, « Page 1 / N », version, review date and every printed address; tagged, in
/// French, titled by the sheet, with an outline; and the page's link to it shown with its size.
/// </summary>
[Trait("Category", "Print")]
[Trait("Category", "Browser")]
public sealed partial class PdfHandoutTests(PrintedSite printed) : IClassFixture<PrintedSite>
{
    private const string Slug = "cimentoplastie-metastases-osseuses";
    private const string Title = "Cimentoplastie en cas de métastases osseuses";
    private const string Page = "fiches/" + Slug + "/index.html";

    // A4 is 595 × 842 points.
    private const double A4Width = 595.3, A4Height = 841.9;

    [GeneratedRegex(@"\s")]
    private static partial Regex Spaces();

    /// <summary>Text without any kind of space: PDF text comes back with line breaks where the page wrapped.</summary>
    private static string Squeeze(string text) => Spaces().Replace(text, "");

    [SkippableFact]
    public void Every_sheet_is_printed()
    {
        printed.RequirePdfs();
        var sheets = printed.Site.HtmlPages().Where(p => p.StartsWith("fiches/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(sheets);
        Assert.All(sheets, p => Assert.True(File.Exists(Path.Combine(printed.Site.Output, FichesSite.Content.HandoutPath.For(p))), p));
    }

    [SkippableFact]
    public void The_cementoplasty_sheet_fits_on_three_a4_pages_at_most()
    {
        printed.RequirePdfs();
        using var pdf = PdfDocument.Open(printed.Pdf(Slug));
        Assert.InRange(pdf.NumberOfPages, 1, 3);
        Assert.All(pdf.GetPages(), p =>
        {
            Assert.InRange(p.Width, A4Width - 1, A4Width + 1);
            Assert.InRange(p.Height, A4Height - 1, A4Height + 1);
        });
    }

    [SkippableFact]
    public void Its_text_holds_title_risks_page_numbers_version_review_date_and_addresses()
    {
        printed.RequirePdfs();
        using var pdf = PdfDocument.Open(printed.Pdf(Slug));
        // Addresses are printed without ligatures (print.css), so that they read and copy as typed;
        // other text may use them (« ﬁ »): it is compared once they are unfolded.
        var addresses = string.Concat(pdf.GetPages().Select(p => Squeeze(p.Text)));
        var pages = pdf.GetPages().Select(p => Squeeze(p.Text.Normalize(System.Text.NormalizationForm.FormKC))).ToList();
        var text = string.Concat(pages);
        var html = printed.Site.Page(Page);

        Assert.Contains(Squeeze(Title), text, StringComparison.Ordinal);
        var risks = html.QuerySelectorAll(".fiche-content h3").Select(h => h.TextContent).Where(t => t.Contains('(')).ToList();
        Assert.Equal(4, risks.Count);
        Assert.All(risks, r => Assert.Contains(Squeeze(r), text, StringComparison.Ordinal));
        for (var i = 0; i < pages.Count; i++)
        {
            // Every page carries its margin boxes: title, « Page X / N », version and review date.
            Assert.Contains($"Page{i + 1}/{pages.Count}", pages[i], StringComparison.Ordinal);
            Assert.Contains("Version1.0(exemple)", pages[i], StringComparison.Ordinal);
            Assert.Contains("Miseàjourle15janvier2026", pages[i], StringComparison.Ordinal);
        }
        Assert.Contains("Page1/", text, StringComparison.Ordinal);

        var canonical = html.QuerySelector("link[rel=canonical]")!.GetAttribute("href")!;
        Assert.True(addresses.Contains(canonical, StringComparison.Ordinal), $"{canonical} not in the PDF's text: {addresses}");
        // Every link that is printed (not in the hidden header, breadcrumb, contents or footer links) shows its address;
        // glossary terms print as plain words (print.css), or their addresses would drown the sentences.
        // The related sheets are not printed, nor the address of the service's name (its phone is what paper needs).
        var printedLinks = html.QuerySelectorAll($"main a[{PrintAddresses.Attribute}]")
            .Where(a => a.Closest(".toc, .handout, .related, .service-contact strong") is null && !a.ClassList.Contains(FichesSite.Markdown.GlossaryTermRenderer.LinkClass))
            .Select(a => a.GetAttribute(PrintAddresses.Attribute)!);
        Assert.All(printedLinks, address => Assert.Contains(Squeeze(address), addresses, StringComparison.Ordinal));
        Assert.NotEmpty(html.QuerySelectorAll("main a.terme"));
        Assert.DoesNotContain("/glossaire/", addresses, StringComparison.Ordinal);
        // The service's contact block is on the paper.
        Assert.Contains("010000000", text, StringComparison.Ordinal);
        // And no navigation: the breadcrumb, menu and footer links are not printed.
        Assert.DoesNotContain("Plandusite", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Sommaire", text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void It_is_tagged_in_french_titled_by_the_sheet_with_an_outline_of_its_headings()
    {
        printed.RequirePdfs();
        using var pdf = PdfDocument.Open(printed.Pdf(Slug));
        Assert.Equal(Title, pdf.Information.Title);
        var catalog = pdf.Structure.Catalog.CatalogDictionary;
        Assert.True(catalog.TryGet(NameToken.Create("Lang"), out StringToken language));
        Assert.Equal("fr", language.Data);
        Assert.True(catalog.ContainsKey(NameToken.Create("StructTreeRoot")), "tagged PDF");
        Assert.True(pdf.TryGetBookmarks(out var bookmarks), "an outline");
        var titles = bookmarks!.GetNodes().Select(n => n.Title).ToList();
        Assert.Contains(titles, t => t.Contains("Quels sont les risques", StringComparison.Ordinal));
        Assert.Contains(titles, t => t.Contains("Fuite de ciment", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void The_page_links_to_its_pdf_with_type_and_size()
    {
        printed.RequirePdfs();
        var link = printed.Site.Page(Page).QuerySelector(".handout a")!;
        Assert.Equal("../../pdf/" + Slug + ".pdf", link.GetAttribute("href"));
        Assert.Equal("application/pdf", link.GetAttribute("type"));
        var kilobytes = (long)Math.Ceiling(new FileInfo(printed.Pdf(Slug)).Length / 1024.0);
        Assert.Equal($"Télécharger la fiche (PDF, {kilobytes}\u00a0Ko)", link.TextContent);
    }
}
