using CsCheck;

namespace FichesSite.Tests;

/// <summary>
/// A page is a folder of the site (x/index.html): its folder must not be a file the site already holds, be it another
/// content file or a file the build writes at the root (sitemap.xml, robots.txt, the site's mark), and the site's
/// assets/ folder is the theme's. Such a page is refused at its source, in French, before anything is written;
/// compared as a Windows share would (case, accents' form).
/// </summary>
public sealed class ReadSourcesClashTests
{
    private const string Page = "---\ntitle: Essai\ndescription: Une page d’essai.\n---\n\n## Début\n\nTexte.\n";

    [Theory]
    [InlineData("pages/index.html.md")]
    [InlineData("pages/404.html.md")]
    [InlineData("pages/sitemap.xml.md")]
    [InlineData("pages/Sitemap.XML.md")]
    [InlineData("pages/robots.txt.md")]
    [InlineData("pages/assets/search-index.js.md")]
    [InlineData("pages/assets/css/site.css.md")]
    [InlineData("pages/fiches/cimentoplastie-metastases-osseuses/index.html.md")]
    public void A_page_whose_folder_is_a_file_of_the_site_is_refused_at_its_source(string source)
    {
        using var site = new TestSite();
        var path = Path.Combine(site.Input, source);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, Page);

        var result = site.Build();

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.EndsWith(source, error.File, StringComparison.Ordinal);
        Assert.DoesNotContain("impossible d’écrire", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void A_page_folder_that_is_an_attachment_is_refused_and_a_page_beside_one_is_built()
    {
        using var site = new TestSite();
        File.WriteAllText(Path.Combine(site.Input, "pages", "plan.pdf.md"), Page); // → plan.pdf/index.html
        File.WriteAllBytes(Path.Combine(site.Input, "plan.pdf"), [0x25, 0x50, 0x44, 0x46]);

        var result = site.Build();

        Assert.Contains(result.Errors, e => e.File.EndsWith("pages/plan.pdf.md", StringComparison.Ordinal));
    }

    [Fact]
    public void Generated_page_names_that_are_site_files_are_refused_and_others_built() =>
        Gen.Select(Gen.OneOf("index.html", "404.html", "sitemap.xml", "robots.txt", "assets/js/search.js", "assets/search-index.js",
                "assets/favicon.svg", "essai", "essai.html", "assets2/x", "sitemap.xml2", "a/sitemap.xml"),
            Gen.Bool).Sample((name, upper) =>
        {
            using var site = new TestSite();
            var written = upper ? name.ToUpperInvariant() : name;
            var path = Path.Combine(site.Input, "pages", written + ".md");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, Page);

            var result = site.Build();

            var clash = name is "index.html" or "404.html" or "sitemap.xml" or "robots.txt" || name.StartsWith("assets/", StringComparison.Ordinal);
            Assert.Equal(!clash, result.Succeeded);
            Assert.DoesNotContain(result.Errors, e => e.Message.Contains("impossible d’écrire", StringComparison.Ordinal));
        }, iter: 20, threads: 1);

    [Theory]
    [InlineData("assets/logo.png")]
    [InlineData("Assets/css/site.png")]
    [InlineData("sitemap.xml/plan.png")]
    [InlineData("robots.txt/a/b.pdf")]
    public void A_content_file_in_the_themes_assets_or_under_a_site_file_is_refused_at_its_source(string file)
    {
        using var site = new TestSite(ownTheme: true);
        File.WriteAllBytes(Path.Combine(site.Theme, "assets", "logo.png"), [1, 2, 3]);
        var path = Path.Combine(site.Input, file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, [4, 5, 6]);

        var result = site.Build();

        var error = Assert.Single(result.Errors);
        Assert.EndsWith(file, error.File, StringComparison.Ordinal);
        Assert.False(Directory.Exists(site.Output));
    }
}
