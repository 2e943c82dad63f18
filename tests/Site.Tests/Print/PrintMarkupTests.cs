using FichesSite.Print;
using FichesSite.Build;
using FichesSite.Pdf;

namespace FichesSite.Tests.Print;

/// <summary>
/// What the build writes for paper, read without a browser: link addresses, the QR code and the
/// margin boxes of each sheet, risks kept whole, and the PDF link that waits for its PDF.
/// </summary>
public sealed class PrintMarkupTests : IClassFixture<PrintMarkupTests.Built>
{
    public const string BaseUrl = "https://fiches.hopital-exemple.invalid/";
    private const string Fiche = "fiches/cimentoplastie-metastases-osseuses/index.html";
    private readonly Built _built;

    public PrintMarkupTests(Built built) => _built = built;

    public sealed class Built : IDisposable
    {
        public TestSite Site { get; } = new();

        public Built() => Assert.True(Site.Build(baseUrl: BaseUrl).Succeeded);

        public void Dispose() => Site.Dispose();
    }

    [Theory]
    [InlineData("fiches/x/index.html", "../../plan-du-site/index.html", BaseUrl + "plan-du-site/")]
    [InlineData("fiches/x/index.html", "../y/index.html#risques", BaseUrl + "fiches/y/#risques")]
    [InlineData("index.html", "assets/doc.pdf", BaseUrl + "assets/doc.pdf")]
    [InlineData("index.html", "https://has-sante.invalid/a?b=1", "https://has-sante.invalid/a?b=1")]
    [InlineData("index.html", "mailto:contact@hopital.invalid", "contact@hopital.invalid")]
    [InlineData("index.html", "tel:0100000000", null)]
    [InlineData("index.html", "#contenu", null)]
    public void Each_link_prints_an_absolute_address(string page, string href, string? printed) =>
        Assert.Equal(printed, new PrintAddresses(BaseUrl).PrintedAddress(page, href));

    [Fact]
    public void Without_a_base_url_links_inside_the_site_print_no_address()
    {
        var addresses = new PrintAddresses(null);
        Assert.Null(addresses.PrintedAddress("index.html", "plan-du-site/index.html"));
        Assert.Equal("https://exemple.invalid/", addresses.PrintedAddress("index.html", "https://exemple.invalid/"));
    }

    [Fact]
    public void The_attribute_goes_on_every_link_of_every_page_that_has_an_address()
    {
        foreach (var path in _built.Site.HtmlPages())
        {
            foreach (var link in _built.Site.Page(path).QuerySelectorAll("a[href]"))
            {
                var href = link.GetAttribute("href")!;
                // The 404 page has no print stylesheet to show them, and its links are written from the site's root.
                var expected = href.StartsWith('#') || href.StartsWith("tel:", StringComparison.Ordinal) || path == "404.html" ? null : "an address";
                var printed = link.GetAttribute(PrintAddresses.Attribute);
                Assert.True((expected is null) == (printed is null), $"{path}: {href} → {printed}");
                Assert.True(printed is null || printed.StartsWith("https://", StringComparison.Ordinal), $"{path}: {printed}");
            }
        }
    }

    [Fact]
    public void Each_risk_is_wrapped_whole_so_print_can_keep_it_on_one_page()
    {
        var page = _built.Site.Page(Fiche);
        var blocks = page.QuerySelectorAll(".fiche-content > .subsection");
        Assert.NotEmpty(blocks);
        Assert.All(blocks, b => Assert.Equal("h3", b.FirstElementChild!.LocalName));
        Assert.All(blocks, b => Assert.Empty(b.QuerySelectorAll("h2")));
        Assert.All(page.QuerySelectorAll(".fiche-content h3"), h => Assert.Equal("subsection", h.ParentElement!.ClassName));
        var risks = page.QuerySelectorAll(".fiche-content h3").Select(h => h.TextContent).Where(t => t.Contains('(')).ToList();
        Assert.Equal(4, risks.Count);
    }

    [Fact]
    public void The_qr_code_is_an_svg_inside_the_page_without_style_with_its_address_beside_it()
    {
        var page = _built.Site.Page(Fiche);
        var block = page.QuerySelector(".print-qr")!;
        Assert.True(block.HasAttribute("hidden"), "shown in print only");
        var svg = block.QuerySelector("svg")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.False(string.IsNullOrWhiteSpace(svg.GetAttribute("aria-label")));
        Assert.Matches(@"^0 0 \d+ \d+$", svg.GetAttribute("viewBox"));
        Assert.Empty(svg.QuerySelectorAll("[style], style, script"));
        Assert.True(svg.OuterHtml.Length < 4000, $"QR code of {svg.OuterHtml.Length} characters");
        var canonical = page.QuerySelector("link[rel=canonical]")!.GetAttribute("href");
        Assert.Equal(BaseUrl + "fiches/cimentoplastie-metastases-osseuses/", canonical);
        Assert.Equal(canonical, block.QuerySelector(".print-url")!.TextContent);
    }

    [Fact]
    public void Each_sheet_has_its_margin_boxes_title_version_review_date_and_page_numbers()
    {
        var page = _built.Site.Page(Fiche);
        var sheet = page.QuerySelectorAll("link[rel=stylesheet][media=print]").Select(l => l.GetAttribute("href")).ToList();
        Assert.Equal(["../../assets/css/print.css", "print-page.css"], sheet);
        var css = File.ReadAllText(Path.Combine(_built.Site.Output, "fiches/cimentoplastie-metastases-osseuses/print-page.css"));
        Assert.Contains("@top-center { content: \"Cimentoplastie en cas de métastases osseuses\"; }", css, StringComparison.Ordinal);
        Assert.Contains("\"Version 1.0 (exemple) · Mise à jour le 15 janvier 2026\"", css, StringComparison.Ordinal);
        Assert.Contains("\"Page \" counter(page) \" / \" counter(pages)", css, StringComparison.Ordinal);
        // The same facts in the body, for browsers without margin boxes.
        var review = page.QuerySelector(".review")!.TextContent;
        Assert.Contains("15 janvier 2026", review, StringComparison.Ordinal);
        Assert.Contains("1.0 (exemple)", review, StringComparison.Ordinal);
    }

    [Fact]
    public void Css_strings_are_escaped() =>
        Assert.Equal("\"a \\\"b\\\" \\\\ c\"", PrintSheetStage.CssString("a \"b\" \\ c"));

    [Fact]
    public void Without_pdfs_the_page_has_no_pdf_link_only_the_one_waiting_in_a_comment()
    {
        var html = File.ReadAllText(Path.Combine(_built.Site.Output, Fiche));
        Assert.Empty(_built.Site.Page(Fiche).QuerySelectorAll("a[href$='.pdf']"));
        Assert.Contains(HandoutLinks.Marker, html, StringComparison.Ordinal);

        var shown = HandoutLinks.ShowIn(html, 120 * 1024)!;
        Assert.DoesNotContain(HandoutLinks.Marker, shown, StringComparison.Ordinal);
        var link = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(shown).QuerySelector(".handout a")!;
        Assert.Equal("../../pdf/cimentoplastie-metastases-osseuses.pdf", link.GetAttribute("href"));
        Assert.Equal("application/pdf", link.GetAttribute("type"));
        Assert.Equal("Télécharger la fiche (PDF, 120\u00a0Ko)", link.TextContent);
        Assert.Null(HandoutLinks.ShowIn(shown, 1));
    }

    [Theory]
    [InlineData(1, "1\u00a0Ko")]
    [InlineData(58_560, "58\u00a0Ko")]
    [InlineData(1_300_000, "1,2\u00a0Mo")]
    public void Pdf_sizes_read_in_french_units(long bytes, string text) => Assert.Equal(text, HandoutLinks.Size(bytes));

    [Fact]
    public async Task The_pdf_command_without_chromium_says_which_option_to_set()
    {
        var errors = new StringWriter();
        var code = await PdfCommand.RunAsync(_built.Site.Output, "/nonexistent/chromium", TextWriter.Null, errors);
        Assert.Equal(1, code);
        Assert.Contains("--chromium", errors.ToString(), StringComparison.Ordinal);
        Assert.Contains("/nonexistent/chromium", errors.ToString(), StringComparison.Ordinal);
    }
}

/// <summary>The preview's incremental writes keep a page's generated files in step with the page.</summary>
public sealed class PrintFilesInPreviewTests
{
    [Fact]
    public void A_removed_sheet_takes_its_print_style_sheet_with_it()
    {
        using var site = new TestSite();
        var copy = Path.Combine(site.Input, "fiches", "autre-fiche.md");
        File.Copy(Path.Combine(site.Input, "fiches", "cimentoplastie-metastases-osseuses.md"), copy);
        var cache = new BuildCache();
        var options = new BuildOptions(site.Input, site.Theme, site.Output, PrintMarkupTests.BaseUrl, Today: TestSite.Today);
        Assert.True(SiteBuilder.Build(options, cache).Succeeded);
        var folder = Path.Combine(site.Output, "fiches", "autre-fiche");
        Assert.True(File.Exists(Path.Combine(folder, PrintSheetStage.StylesheetName)));

        File.Delete(copy);
        Assert.True(SiteBuilder.Build(options, cache).Succeeded);
        Assert.False(File.Exists(Path.Combine(folder, "index.html")));
        Assert.False(File.Exists(Path.Combine(folder, PrintSheetStage.StylesheetName)));
    }
}
