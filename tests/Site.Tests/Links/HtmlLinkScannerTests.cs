using AngleSharp.Html.Parser;
using FichesSite.Links;

namespace FichesSite.Tests.Links;

/// <summary>The build's light link scanner must read pages exactly as a real HTML parser does.</summary>
public sealed class HtmlLinkScannerTests(BuiltSite built) : IClassFixture<BuiltSite>
{
    private static readonly HtmlParser Parser = new();

    public static TheoryData<string> Pages() => BuiltSite.Pages();

    [Theory]
    [MemberData(nameof(Pages))]
    public void Agrees_with_anglesharp_on_every_built_page(string sitePath) =>
        AssertSameAsAngleSharp(File.ReadAllText(Path.Combine(built.Site.Output, sitePath)));

    [Theory]
    [InlineData("<a href='simple.html' id=un>x</a><A HREF=\"MAJ.html\">y</A>")]
    [InlineData("<img src=image.png alt=\"a > b\" id=\"i&amp;d\"><a href=\"a?x=1&amp;y=2#f\">z</a>")]
    [InlineData("<!-- <a href=\"commentaire.html\"> --><a href=\"vrai.html\">v</a>")]
    [InlineData("<script src=\"s.js\"></script><script>var a = '<a href=\"dans-script.html\">';</script><a href=\"apres.html\">x</a>")]
    [InlineData("<title><a href=\"titre.html\"></title><p id=\"p\">&lt;a href=&quot;texte.html&quot;&gt;</p>")]
    [InlineData("<link rel=\"canonical\" href=\"https://exemple.invalid/\"><link rel=\"stylesheet\" href=\"s.css\"><a  href = \"espaces.html\" >e</a>")]
    [InlineData("<p>1 < 2 et 3 > 2</p><a href=\"x.html\" id=\"double\"><span id=\"double\"></span></a>")]
    // Accented values are decoded from the page's UTF-8, on the stack when short and through a string past 256 bytes.
    [InlineData("<p id=\"sévère\">x</p><a href=\"fiches/œdème.html#après\">y</a><img src='images/schéma.png' alt=\"\">")]
    [InlineData("<a href=\"https://exemple.invalid/€/ü\" id=\"l’ancre\">z</a>")]
    public void Agrees_with_anglesharp_on_tricky_html(string html) => AssertSameAsAngleSharp("<!DOCTYPE html><html><head></head><body>" + html + "</body></html>");

    [Fact]
    public void Reads_a_long_accented_address_whole() =>
        AssertSameAsAngleSharp($"<!DOCTYPE html><html><head></head><body><a href=\"{new string('é', 200)}.html\" id=\"{new string('à', 150)}\">x</a></body></html>");

    private static void AssertSameAsAngleSharp(string html)
    {
        var document = Parser.ParseDocument(html);
        var ids = document.QuerySelectorAll("[id]").Select(e => e.Id!).ToHashSet(StringComparer.Ordinal);
        var urls = document.QuerySelectorAll("a[href], link[href]:not([rel=canonical]), script[src], img[src]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!)
            .Distinct(StringComparer.Ordinal)
            .ToList();

        var scanned = HtmlLinkScanner.Scan(html);

        Assert.Equal(ids.Order(StringComparer.Ordinal), scanned.Ids.Order(StringComparer.Ordinal));
        Assert.Equal(urls, scanned.Urls);
    }
}
