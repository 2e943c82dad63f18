using System.Text;
using FichesSite.Brand;

namespace FichesSite.Tests;

/// <summary>
/// « brand: » through a whole build: the example passes and is published (logo byte for byte in an img with its text
/// alternative, the generated stylesheet), a low-contrast colour or a file that is not what it claims fails with
/// site.yml:LINE, and a file outside the content folder is never read.
/// </summary>
public sealed class BrandBuildTests
{
    private static string SiteYml(TestSite site) => Path.Combine(site.Input, "site.yml");

    // The example's brand: replaced by another, the rest of site.yml kept.
    private static int WithBrand(TestSite site, string brand)
    {
        var text = File.ReadAllText(SiteYml(site));
        var start = text.IndexOf("\nbrand:", StringComparison.Ordinal) + 1;
        var end = text.IndexOf("\n\n", start, StringComparison.Ordinal);
        File.WriteAllText(SiteYml(site), text[..start] + brand.TrimEnd('\n') + text[end..]);
        return text[..start].Count(c => c == '\n') + 1; // the line of « brand: »
    }

    [Fact]
    public void The_example_brand_is_published_logo_byte_for_byte_in_an_img_and_its_colours_in_a_stylesheet()
    {
        using var site = new TestSite();
        var result = site.Build();

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(File.ReadAllBytes(Path.Combine(site.Input, "marque", "logo-exemple.svg")), File.ReadAllBytes(Path.Combine(site.Output, BrandFiles.LogoPath)));
        var css = File.ReadAllText(Path.Combine(site.Output, BrandFiles.StylesheetPath));
        Assert.Contains("--primary: #1d5a8c;", css);
        Assert.Contains("--primary-dark: #9cc3e6;", css);
        foreach (var path in site.HtmlPages())
        {
            var page = site.Page(path);
            var logo = Assert.Single(page.QuerySelectorAll("header img"));
            Assert.Equal("Centre hospitalier Exemple", logo.GetAttribute("alt"));
            Assert.EndsWith(BrandFiles.LogoPath, logo.GetAttribute("src"));
            // The example's viewBox is 0 0 184 48: its place is kept before it loads.
            Assert.Equal(("184", "48"), (logo.GetAttribute("width"), logo.GetAttribute("height")));
            if (path == FichesSite.Pipeline.PageAddresses.NotFoundPage)
            {
                // Written in the page, which links no file (Rendering/NotFoundPageTests).
                Assert.Contains(css, page.QuerySelector("head style")!.TextContent);
            }
            else
            {
                Assert.Contains(page.QuerySelectorAll("link[rel=stylesheet]"), l => l.GetAttribute("href")!.EndsWith(BrandFiles.StylesheetPath));
            }
            Assert.Empty(page.QuerySelectorAll("svg script, [style]"));
        }
    }

    [Fact]
    public void Without_a_brand_the_theme_keeps_its_own_look_and_links_to_no_brand_file()
    {
        using var site = new TestSite();
        var text = File.ReadAllText(SiteYml(site));
        var start = text.IndexOf("\nbrand:", StringComparison.Ordinal) + 1;
        File.WriteAllText(SiteYml(site), text[..start] + text[text.IndexOf("\n\n", start, StringComparison.Ordinal)..]);

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.False(Directory.Exists(Path.Combine(site.Output, BrandFiles.Folder)));
        var home = site.Page("index.html");
        Assert.Empty(home.QuerySelectorAll("header img"));
        Assert.DoesNotContain(home.QuerySelectorAll("link[rel=stylesheet]"), l => l.GetAttribute("href")!.Contains("brand"));
    }

    [Fact]
    public void A_low_contrast_colour_fails_on_its_line_with_the_ratio_found_and_the_minimum()
    {
        using var site = new TestSite();
        var brandLine = WithBrand(site, "brand:\n  primary: \"#8fb4d9\"\n");

        var result = site.Build();

        Assert.False(result.Succeeded);
        Assert.False(Directory.Exists(site.Output));
        var errors = result.Diagnostics.Where(d => d.Message.StartsWith("contraste insuffisant", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Equal((true, brandLine + 1), (e.File.EndsWith("input/site.yml"), e.Line)));
        // #8fb4d9 on white: 2.165:1, printed cut to 2,16:1, under the 4.5:1 of text.
        Assert.Contains(errors, e => e.Message.Contains("#8fb4d9 sur #ffffff, donne 2,16:1 ; il faut au moins 4,5:1", StringComparison.Ordinal));
        Assert.All(errors, e => Assert.Contains("Foncez « primary »", e.Fix));
    }

    [Fact]
    public void A_dark_variant_too_dark_for_the_dark_scheme_fails_on_its_own_line()
    {
        using var site = new TestSite();
        var brandLine = WithBrand(site, "brand:\n  primary: \"#1d5a8c\"\n  primary_dark: \"#1d5a8c\"\n");

        var result = site.Build();

        var error = Assert.Single(result.Diagnostics, d => d.Message.Contains("en mode sombre : les liens et titres", StringComparison.Ordinal));
        Assert.Equal(brandLine + 2, error.Line);
        Assert.Contains("Éclaircissez « primary_dark »", error.Fix);
    }

    [Theory]
    [InlineData("\"red;}body{display:none\"")]
    [InlineData("\"url(https://exemple.invalid/x.png)\"")]
    [InlineData("red")]
    [InlineData("\"rgb(29, 90, 140)\"")]
    public void A_colour_that_is_not_hexadecimal_is_refused_on_its_line_and_never_reaches_css(string value)
    {
        using var site = new TestSite();
        var brandLine = WithBrand(site, $"brand:\n  primary: {value}\n");

        var result = site.Build();

        var error = Assert.Single(result.Diagnostics, d => d.Severity == FichesSite.Pipeline.Severity.Error);
        Assert.Equal((true, brandLine + 1), (error.File.EndsWith("input/site.yml"), error.Line));
        Assert.Contains("seule une couleur hexadécimale", error.Message);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void A_colour_written_without_quotes_is_a_yaml_comment_and_says_so()
    {
        using var site = new TestSite();
        var brandLine = WithBrand(site, "brand:\n  primary: #1d5a8c\n");

        var error = Assert.Single(site.Build().Diagnostics, d => d.Severity == FichesSite.Pipeline.Severity.Error);

        Assert.Equal(brandLine + 1, error.Line);
        Assert.Contains("« # » commence un commentaire", error.Message);
        Assert.Contains("\"#1d5a8c\"", error.Fix);
    }

    [Theory]
    [InlineData("../site-secret.svg", "hors du dossier de contenu")]
    [InlineData("/etc/passwd", "hors du dossier de contenu")]
    [InlineData("marque/absent.svg", "introuvable")]
    [InlineData("site.yml", "ce n’est pas un fichier .svg")]
    public void A_logo_outside_the_content_folder_missing_or_not_svg_is_refused(string logo, string message)
    {
        using var site = new TestSite();
        File.WriteAllText(Path.Combine(site.Root, "site-secret.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        var brandLine = WithBrand(site, $"brand:\n  logo: {logo}\n  logo_alt: Exemple\n");

        var result = site.Build();

        var error = Assert.Single(result.Diagnostics, d => d.Severity == FichesSite.Pipeline.Severity.Error);
        Assert.Equal(brandLine + 1, error.Line);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void A_logo_linked_from_outside_the_content_folder_is_refused()
    {
        using var site = new TestSite();
        var outside = Path.Combine(site.Root, "dehors.svg");
        File.WriteAllText(outside, "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        File.CreateSymbolicLink(Path.Combine(site.Input, "marque", "lien.svg"), outside);
        WithBrand(site, "brand:\n  logo: marque/lien.svg\n  logo_alt: Exemple\n");

        var error = Assert.Single(site.Build().Diagnostics, d => d.Severity == FichesSite.Pipeline.Severity.Error);

        Assert.Contains("hors du dossier de contenu", error.Message);
    }

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>", "« script »")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>", "« onload »")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><foreignObject><p>x</p></foreignObject></svg>", "« foreignObject »")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:x=\"http://www.w3.org/1999/xlink\"><image x:href=\"https://exemple.invalid/a.png\"/></svg>", "hors du logo")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><a href=\"javascript:alert(1)\"><rect/></a></svg>", "hors du logo")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><set attributeName=\"href\" to=\"javascript:alert(1)\"/></svg>", "« set »")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><style>@import url(https://exemple.invalid/a.css);</style></svg>", "@import")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect style=\"fill: url(https://exemple.invalid/a.svg#p)\"/></svg>", "url(")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><style><g/>@import url(https://exemple.invalid/a.css);</style></svg>", "contient un élément « g »")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect fill=\"url(https://exemple.invalid/p.svg#g)\"/></svg>", "url(")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect filter=\"url( 'https://exemple.invalid/f.svg#f')\"/></svg>", "url(")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><style>rect { fill: \\75 rl(https://exemple.invalid/p.svg#g) }</style></svg>", "échappement CSS")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><style>@\\69mport \"https://exemple.invalid/a.css\";</style></svg>", "échappement CSS")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><style>rect { background: image-set('https://exemple.invalid/a.png' 1x) }</style></svg>", "image-set")]
    [InlineData("<html><body>pas un logo</body></html>", "pas « svg »")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect></svg>", "pas du XML bien formé")]
    [InlineData("<!DOCTYPE svg [<!ENTITY a \"aaaa\">]><svg xmlns=\"http://www.w3.org/2000/svg\"><text>&a;</text></svg>", "pas du XML bien formé")]
    public void A_logo_that_could_run_a_script_or_load_a_file_is_refused_not_altered(string svg, string reason)
    {
        using var site = new TestSite();
        File.WriteAllText(Path.Combine(site.Input, "marque", "logo-exemple.svg"), svg);

        var error = Assert.Single(site.Build().Diagnostics, d => d.Severity == FichesSite.Pipeline.Severity.Error);

        Assert.EndsWith("input/site.yml", error.File);
        Assert.Contains("le logo « marque/logo-exemple.svg » est refusé", error.Message);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void A_logo_with_its_own_parts_styles_and_an_embedded_bitmap_is_accepted()
    {
        using var site = new TestSite();
        File.WriteAllText(Path.Combine(site.Input, "marque", "logo-exemple.svg"), """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">
              <defs><linearGradient id="g"><stop offset="0" stop-color="#1d5a8c"/></linearGradient><style>.a { fill: url(#g); }</style></defs>
              <rect class="a" width="10" height="10"/><use xlink:href="#g"/>
              <image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>
            </svg>
            """);

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public void A_woff2_font_is_copied_as_is_and_declared_with_font_face_and_a_file_that_is_not_woff2_is_refused()
    {
        using var site = new TestSite();
        var font = Encoding.ASCII.GetBytes("wOF2").Concat(new byte[60]).ToArray();
        File.WriteAllBytes(Path.Combine(site.Input, "marque", "police.woff2"), font);
        File.WriteAllBytes(Path.Combine(site.Input, "marque", "police.ttf"), new byte[] { 0, 1, 0, 0, 0, 0 });
        var brandLine = WithBrand(site, "brand:\n  primary: \"#1d5a8c\"\n  font:\n    family: \"Exemple Sans\"\n    file: marque/police.woff2\n");

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(font, File.ReadAllBytes(Path.Combine(site.Output, BrandFiles.Folder, BrandFiles.FontName)));
        var css = File.ReadAllText(Path.Combine(site.Output, BrandFiles.StylesheetPath));
        Assert.Contains($"src: url(\"{BrandFiles.FontName}\") format(\"woff2\");", css);
        Assert.Contains("--brand-font: \"Exemple Sans\";", css);
        // In the 404 page's style element, the font's address is written as its links are, from the base URL's path.
        Assert.Contains($"src: url(\"/{BrandFiles.Folder}{BrandFiles.FontName}\") format(\"woff2\");", site.Page("404.html").QuerySelector("style")!.TextContent);

        WithBrand(site, "brand:\n  font:\n    family: \"Exemple Sans\"\n    file: marque/police.ttf\n");
        var error = Assert.Single(site.Build().Diagnostics, d => d.Severity == FichesSite.Pipeline.Severity.Error);
        Assert.Equal(brandLine + 3, error.Line);
        Assert.Contains("ce n’est pas un fichier WOFF2", error.Message);
    }

    [Theory]
    [InlineData("\"X\\\"; } body { display: none; } .y { font-family: \\\"X\"")]
    [InlineData("\"Exemple;Sans\"")]
    [InlineData("\"url(x)\"")]
    [InlineData("\"1Exemple\"")]
    public void A_font_family_that_could_leave_its_quotes_is_refused(string family)
    {
        using var site = new TestSite();
        File.WriteAllBytes(Path.Combine(site.Input, "marque", "police.woff2"), Encoding.ASCII.GetBytes("wOF2...."));
        WithBrand(site, $"brand:\n  font:\n    family: {family}\n    file: marque/police.woff2\n");

        var error = Assert.Single(site.Build().Diagnostics, d => d.Severity == FichesSite.Pipeline.Severity.Error);

        Assert.Contains("nom de police", error.Message);
    }

    [Fact]
    public void A_logo_without_its_text_alternative_is_refused()
    {
        using var site = new TestSite();
        var brandLine = WithBrand(site, "brand:\n  logo: marque/logo-exemple.svg\n");

        var error = Assert.Single(site.Build().Diagnostics, d => d.Severity == FichesSite.Pipeline.Severity.Error);

        Assert.Equal(brandLine + 1, error.Line);
        Assert.Contains("« logo_alt » manque", error.Message);
    }

    [Theory]
    [InlineData("viewBox=\"0 0 120 40\"", 120, 40)]
    [InlineData("viewBox=\"0,0,99.6,30.2\" width=\"10cm\"", 100, 30)]
    [InlineData("width=\"200\" height=\"50px\"", 200, 50)]
    public void A_logo_s_size_comes_from_its_view_box_or_else_its_width_and_height(string attributes, int width, int height) =>
        Assert.Equal((width, height), SvgLogo.Size(System.Text.Encoding.UTF8.GetBytes($"<svg xmlns=\"http://www.w3.org/2000/svg\" {attributes}><rect width=\"1\" height=\"1\"/></svg>")));

    [Theory]
    [InlineData("")]
    [InlineData("width=\"10cm\" height=\"2cm\"")]
    [InlineData("viewBox=\"0 0 0 40\"")]
    [InlineData("viewBox=\"0 0 1e9 40\"")]
    public void A_logo_that_gives_no_usable_size_gets_none(string attributes) =>
        Assert.Null(SvgLogo.Size(System.Text.Encoding.UTF8.GetBytes($"<svg xmlns=\"http://www.w3.org/2000/svg\" {attributes}/>")));

    [Fact]
    public async Task A_named_pipe_in_place_of_the_logo_is_refused_without_waiting_for_it()
    {
        using var site = new TestSite();
        var logo = Path.Combine(site.Input, "marque", "logo-exemple.svg");
        File.Delete(logo);
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", logo))
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var build = Task.Run(() => site.Build());

        Assert.True(await Task.WhenAny(build, Task.Delay(TimeSpan.FromSeconds(60))) == build, "the build waited for the pipe");
        Assert.Contains((await build).Errors, e => e.Message.Contains("le logo « marque/logo-exemple.svg » est vide", StringComparison.Ordinal));
    }

    // Colours that pass on the page and in the footer but not inside a tinted callout, where authors' links are drawn too.
    [Theory]
    [InlineData("#8d5d99", "#9cc3e6", "les liens en couleur principale dans les encadrés « Important », « Prudence » et « Urgence »")]
    [InlineData("#1d5a8c", "#888888", "les liens en couleur principale sombre dans les encadrés « Information » et « L’essentiel »")]
    public void A_colour_too_pale_for_a_callout_s_tint_is_refused(string primary, string primaryDark, string pair)
    {
        var diagnostics = new Pipeline.DiagnosticBag();
        var brand = new BrandSettings { Primary = HexColour.Parse(primary), PrimaryLine = 3, PrimaryDark = HexColour.Parse(primaryDark), PrimaryDarkLine = 4 };

        Assert.Null(BrandContrast.Check(brand, "site.yml", diagnostics));
        Assert.Contains(diagnostics.All, d => d.Message.Contains(pair, StringComparison.Ordinal));
    }
}
