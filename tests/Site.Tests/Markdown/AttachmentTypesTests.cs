using Jint;

namespace FichesSite.Tests;

/// <summary>
/// A page may link only images and PDF documents (src/Markdown/AttachmentTypes): any other file copied into the site
/// could be active content on the site's own address. And a file whose name reads as a URL scheme never becomes a
/// link that runs it (src/Pipeline/SiteUrls.Relative writes « ./ » before it).
/// </summary>
public sealed class AttachmentTypesTests
{
    private const string Header = "---\ntitle: Essai\ndescription: Une page d’essai.\n---\n\nTexte.\n\n";

    [Theory]
    [InlineData("page.html")]
    [InlineData("page.HTM")]
    [InlineData("page.xhtml")]
    [InlineData("image.svg")]
    [InlineData("image.SVG")]
    [InlineData("donnees.xml")]
    [InlineData("script.js")]
    [InlineData("module.mjs")]
    [InlineData("style.css")]
    [InlineData("animation.swf")]
    [InlineData("page.php")]
    [InlineData("image.png.html")]
    [InlineData("sans-extension")]
    [InlineData("texte.txt")]
    public void A_link_to_a_file_of_another_type_fails_on_its_line(string name)
    {
        using var site = new TestSite();
        File.WriteAllText(Path.Combine(site.Input, "pages", name), "<script>alert(1)</script>");
        File.WriteAllText(Path.Combine(site.Input, "pages", "essai.md"), Header + $"Voir [le fichier]({name}) et ![l’image]({name}).\n");

        var result = site.Build();

        PageChecks.AssertFailedOnItsLines(result, "pages/essai.md", site);
        var errors = result.Errors.Where(e => e.Message.Contains("qui n’est pas permis dans le site", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal(8, e.Line));
    }

    [Theory]
    [InlineData("document.pdf")]
    [InlineData("photo.JPG")]
    [InlineData("photo.jpeg")]
    [InlineData("schema.png")]
    [InlineData("anime.gif")]
    [InlineData("image.webp")]
    [InlineData("image.avif")]
    public void Images_and_pdf_documents_are_copied(string name)
    {
        using var site = new TestSite();
        site.AddFixture("images/schema.png", "pages/" + name);
        File.WriteAllText(Path.Combine(site.Input, "pages", "essai.md"), Header + $"Voir [le fichier]({name}).\n");

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.True(File.Exists(Path.Combine(site.Output, "pages", name)));
    }

    // A colon is refused in any name (SourceNames), so such a page or file never reaches a link; should the name rule
    // ever allow it, SiteUrls.Relative still writes it behind « ./ » (Pipeline/SiteUrlsTests).
    [Fact]
    public void A_page_or_file_named_like_a_scheme_is_refused_on_its_line()
    {
        using var site = new TestSite();
        File.WriteAllText(Path.Combine(site.Input, "pages", "javascript:alert(1).md"), "---\ntitle: Nom hostile\ndescription: Une page au nom hostile.\n---\n\nTexte.\n");
        site.AddFixture("images/schema.png", "pages/javascript:alert(2).png");
        var home = Path.Combine(site.Input, "pages", "index.md");
        File.AppendAllText(home, "\n![Schéma](./javascript:alert(2).png)\n");
        var line = File.ReadAllLines(home).Length;

        var result = site.Build();

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.File.EndsWith("pages/javascript:alert(1).md", StringComparison.Ordinal) && e.Message.Contains("est refusé", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.File.EndsWith("pages/index.md", StringComparison.Ordinal) && e.Line == line && e.Message.Contains("javascript:alert(2).png", StringComparison.Ordinal));
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void Search_results_link_such_a_page_as_a_path_from_the_site_root()
    {
        var engine = Search.SearchScripts.Load();
        engine.Execute("""
            var links = [];
            function node(tag) {
              var n = { tag: tag, children: [], setAttribute: function (k, v) { this[k] = String(v); }, appendChild: function (c) { this.children.push(c); return c; } };
              if (tag === 'a') { links.push(n); }
              return n;
            }
            var doc = { createElement: node, createTextNode: function (t) { return { text: t }; } };
            var page = { path: 'javascript:alert(1)/index.html', title: 'Nom hostile', sections: [{ anchor: 'a', heading: 'Titre', snippet: 'Texte' }] };
            FichesSearch.render(doc, node('ol'), { words: [], pages: [page], total: 1 }, '');
            """);

        var hrefs = engine.Evaluate("links.map(function (a) { return a.href; }).join(' ')").AsString().Split(' ');

        Assert.Equal(["./javascript:alert(1)/index.html", "./javascript:alert(1)/index.html#a"], hrefs);
        Assert.All(hrefs, href => Assert.Null(PageChecks.BrowserScheme(href)));
    }

    [Fact]
    public void A_link_written_as_a_scheme_to_such_a_file_is_refused()
    {
        using var site = new TestSite();
        File.WriteAllText(Path.Combine(site.Input, "pages", "javascript:alert(1).md"), "---\ntitle: Nom hostile\ndescription: Une page au nom hostile.\n---\n\nTexte.\n");
        File.WriteAllText(Path.Combine(site.Input, "pages", "essai.md"), Header + "[Page](javascript:alert(1).md)\n");

        var result = site.Build();

        PageChecks.AssertFailedOnItsLines(result, "pages/essai.md", site);
        Assert.Contains(result.Errors, e => e.Line == 8 && e.Message.StartsWith("adresse refusée", StringComparison.Ordinal));
    }
}
