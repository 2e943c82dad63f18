using CsCheck;
using FichesSite.Pipeline;

namespace FichesSite.Tests;

/// <summary>
/// Where each page lives (Pipeline/PageAddresses): a source's site path, the site's own pages, and the absolute form
/// of an address.
/// </summary>
public sealed class PageAddressesTests
{
    [Theory]
    [InlineData("pages/index.md", "index.html")]
    [InlineData("pages/404.md", "404.html")]
    [InlineData("pages/plan-du-site.md", "plan-du-site/index.html")]
    [InlineData("pages/index/a.md", "index/a/index.html")]
    [InlineData("pages/a/index.md", "a/index/index.html")]
    [InlineData("fiches/cimentoplastie.md", "fiches/cimentoplastie/index.html")]
    [InlineData("fiches/rachis/vertebroplastie.md", "fiches/rachis/vertebroplastie/index.html")]
    [InlineData("fiches/index.md", "fiches/index/index.html")]
    [InlineData("fiches/404.md", "fiches/404/index.html")]
    [InlineData("pages/fiches/x.md", "fiches/x/index.html")] // the clash ReadSources refuses beside fiches/x.md
    [InlineData("pages/fiches.md", "fiches/index.html")] // among the sheets, so held to a sheet's contract
    [InlineData("autre.md", "autre/index.html")]
    public void A_source_is_written_to_its_page_folder(string source, string sitePath) => Assert.Equal(sitePath, PageAddresses.OfSource(source));

    [Fact]
    public void The_sites_own_pages_are_where_their_sources_are_written()
    {
        Assert.Equal(PageAddresses.HomePage, PageAddresses.OfSource("pages/index.md"));
        Assert.Equal(PageAddresses.NotFoundPage, PageAddresses.OfSource("pages/404.md"));
        Assert.Equal(PageAddresses.SiteMapPage, PageAddresses.OfSource("pages/plan-du-site.md"));
        Assert.Equal(PageAddresses.SearchPage, PageAddresses.OfSource("pages/recherche.md"));
        Assert.Equal(PageAddresses.GlossaryPage, PageAddresses.OfSource(PageAddresses.GlossarySource));
        // Each of them exists in the repository's content.
        foreach (var source in new[] { "pages/index.md", "pages/404.md", "pages/plan-du-site.md", "pages/recherche.md", PageAddresses.GlossarySource })
        {
            Assert.True(File.Exists(Path.Combine(TestSite.RepositoryRoot, "input", source)), source);
        }
    }

    [Theory]
    [InlineData("fiches/x/index.html", true)]
    [InlineData("fiches/index.html", true)]
    [InlineData("fiches", false)]
    [InlineData("fichesx/index.html", false)]
    [InlineData("index.html", false)]
    [InlineData("plan-du-site/index.html", false)]
    public void Sheets_are_the_pages_under_fiches(string sitePath, bool isFiche) => Assert.Equal(isFiche, PageAddresses.IsFiche(sitePath));

    [Theory]
    [InlineData("/", "index.html")]
    [InlineData("", "index.html")]
    [InlineData("/plan-du-site/", "plan-du-site/index.html")]
    [InlineData("recherche/", "recherche/index.html")]
    [InlineData("assets/css/site.css", "assets/css/site.css")]
    [InlineData("//fiches/x/index.html", "fiches/x/index.html")]
    public void An_address_from_the_root_names_its_page_file(string written, string sitePath) => Assert.Equal(sitePath, PageAddresses.FromRoot(written));

    [Theory]
    [InlineData("https://exemple.fr/", "index.html", "https://exemple.fr/")]
    [InlineData("https://exemple.fr", "", "https://exemple.fr/")]
    [InlineData("https://exemple.fr/sous/", "fiches/x/index.html", "https://exemple.fr/sous/fiches/x/")]
    [InlineData("https://exemple.fr/sous", "404.html", "https://exemple.fr/sous/404.html")]
    [InlineData("https://exemple.fr/", "assets/css/site.css", "https://exemple.fr/assets/css/site.css")]
    public void Absolute_addresses_name_folders_as_folders(string baseUrl, string sitePath, string absolute) =>
        Assert.Equal(absolute, PageAddresses.Absolute(baseUrl, sitePath));

    [Fact]
    public void Without_a_base_url_there_is_no_absolute_address() => Assert.Null(PageAddresses.Absolute(null, "index.html"));

    [Theory]
    [InlineData(null, "/")]
    [InlineData("https://exemple.fr/", "/")]
    [InlineData("https://exemple.fr", "/")]
    [InlineData("https://exemple.fr/sante/fiches", "/sante/fiches/")]
    [InlineData("https://exemple.fr/sante/fiches/", "/sante/fiches/")]
    [InlineData("https://exemple.fr/fiches%20patients/", "/fiches%20patients/")]
    [InlineData("http://exemple.fr:8080/fiches/?x=1#y", "/fiches/")]
    public void The_404_pages_links_start_with_the_base_urls_path_and_never_its_origin(string? baseUrl, string root) =>
        Assert.Equal(root, PageAddresses.NotFoundRoot(baseUrl));

    [Theory]
    [InlineData("404.html", "plan-du-site/index.html", "/fiches/plan-du-site/index.html")]
    [InlineData("404.html", "assets/favicon.svg", "/fiches/assets/favicon.svg")]
    [InlineData("index.html", "plan-du-site/index.html", "plan-du-site/index.html")]
    [InlineData("fiches/x/index.html", "index.html", "../../index.html")]
    public void Links_are_relative_but_on_the_404_page(string fromPage, string target, string link) =>
        Assert.Equal(link, PageAddresses.Link(fromPage, target, "/fiches/"));

    // Folder and file names as ReadSources passes them (relative, « / », no empty, « . » or « .. » part), with the
    // names the rule treats apart.
    private static readonly Gen<string> Segment = Gen.OneOf(
        Gen.OneOf(Gen.Const("index"), Gen.Const("404"), Gen.Const("fiches"), Gen.Const("pages"), Gen.Const("index.html"), Gen.Const("a")),
        Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789-"], 1, 6],
        Gen.String[Gen.Char["aéA.-_ "], 1, 4].Where(s => s is not ("." or "..")));

    private static readonly Gen<string> Source = Gen.Select(
        Gen.OneOf(Gen.Const(PageAddresses.PagesFolder), Gen.Const(PageAddresses.FichesFolder)),
        Segment.Array[1, 3],
        (folder, parts) => folder + string.Join('/', parts) + PageAddresses.SourceExtension);

    [Fact]
    public void Every_source_gets_a_page_inside_the_site() =>
        Source.Sample(source =>
        {
            var sitePath = PageAddresses.OfSource(source);
            Assert.True(sitePath is PageAddresses.HomePage or PageAddresses.NotFoundPage || sitePath.EndsWith("/" + PageAddresses.PageFile, StringComparison.Ordinal), sitePath);
            Assert.DoesNotContain(sitePath.Split('/'), part => part is "" or "." or "..");
            // Read from the site's root, the path leads to itself: it neither climbs out nor starts anywhere else.
            Assert.Equal(sitePath, SiteUrls.Resolve(PageAddresses.HomePage, sitePath));
            // A sheet is a source under fiches/, or a page written among them (pages/fiches/x.md, pages/fiches.md).
            Assert.Equal(source.StartsWith(PageAddresses.FichesFolder, StringComparison.Ordinal)
                || source.StartsWith(PageAddresses.PagesFolder + PageAddresses.FichesFolder, StringComparison.Ordinal)
                || source == PageAddresses.PagesFolder + "fiches" + PageAddresses.SourceExtension, PageAddresses.IsFiche(sitePath));
        }, iter: 5000);

    [Fact]
    public void Two_sources_share_a_page_only_as_pages_fiches_x_and_fiches_x() =>
        Source.HashSet[2, 30].Sample(sources =>
        {
            foreach (var clash in sources.GroupBy(PageAddresses.OfSource, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                // The one documented clash, which ReadSources refuses (« donneraient la même page »).
                var pair = clash.Order(StringComparer.Ordinal).ToArray();
                Assert.Equal(2, pair.Length);
                Assert.Equal(PageAddresses.PagesFolder + pair[0], pair[1]);
                Assert.StartsWith(PageAddresses.FichesFolder, pair[0], StringComparison.Ordinal);
            }
        }, iter: 2000);

    [Fact]
    public void The_documented_clash_happens_in_the_generated_sources() =>
        // So that the test above is not passing only because its sources never meet.
        Segment.Array[1, 3].Sample(parts =>
        {
            var name = string.Join('/', parts) + PageAddresses.SourceExtension;
            Assert.Equal(PageAddresses.OfSource(PageAddresses.FichesFolder + name), PageAddresses.OfSource(PageAddresses.PagesFolder + PageAddresses.FichesFolder + name));
        }, iter: 200);
}
