using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using FichesSite.Build;
using FichesSite.Pipeline;
using FichesSite.Tests.Build;
using FichesSite.Text;

namespace FichesSite.Tests.Intranet;

/// <summary>
/// One source, two sites: the fixture interne.md puts « ::: interne » blocks at every place a block may be (top of the
/// page, after a heading, in a list item, in a quote, in a callout), one of them with a picture only it links to, and
/// the service gets phone_internal and note_internal. The public site holds none of it in any file; the intranet's
/// shows all of it, labelled.
/// </summary>
public sealed class IntranetTargetTests : IDisposable
{
    // Words that appear nowhere else: found in a file, they came from an internal block or field.
    private static readonly string[] InternalWords = ["kqzvx", "wqzhj", "pqzfm", "éléphantqz", "jqzrt", "vqzly"];

    // What is searched for in the public files: the start of each word, folded, as the search index may store only a
    // word's stem (« kqzv »), and the internal picture's file name and text alternative.
    private static readonly string[] Marks = [.. InternalWords.Select(w => AccentFolding.Fold(w)[..^1]), "schema-interne", "Schéma d’essai interne", NoteWord[..^1]];
    private const string PhoneInternal = "4321";
    private const string NoteWord = "notezqk";
    private const string PublicBase = "https://fiches.hopital-exemple.invalid/";
    private const string IntranetBase = "https://intranet.hopital-exemple.invalid/fiches/";
    private const string Sheet = "fiches/interne/index.html";

    private static readonly HtmlParser Parser = new();
    private readonly TestSite _site = new();
    private readonly string _intranet;

    public IntranetTargetTests()
    {
        _site.AddFiche("interne.md");
        _site.AddFixture("images/schema.png", "fiches/images/schema-interne.png");
        var services = Path.Combine(_site.Input, "data", "services.yml");
        var yaml = File.ReadAllText(services);
        yaml = System.Text.RegularExpressions.Regex.Replace(yaml, "(?m)^  (phone_internal|note_internal):.*\\n", "");
        File.WriteAllText(services, yaml.TrimEnd('\n') + $"\n  phone_internal: \"{PhoneInternal}\"\n  note_internal: \"Note d’essai {NoteWord}.\"\n");
        _intranet = Path.Combine(_site.Root, "_intranet");
        var publicBuild = _site.Build();
        Assert.True(publicBuild.Succeeded, string.Join("\n", publicBuild.Diagnostics));
        var intranetBuild = _site.Build(_intranet, target: BuildTarget.Intranet);
        Assert.True(intranetBuild.Succeeded, string.Join("\n", intranetBuild.Diagnostics));
    }

    public void Dispose() => _site.Dispose();

    [Fact]
    public void No_file_of_the_public_site_holds_any_internal_text()
    {
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(_site.Output, "*", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file, Encoding.UTF8);
            var folded = AccentFolding.Fold(text);
            foreach (var word in Marks)
            {
                // As written, folded as the search index stores words, and escaped as JSON and scripts write them.
                if (text.Contains(word, StringComparison.OrdinalIgnoreCase) || folded.Contains(AccentFolding.Fold(word), StringComparison.Ordinal)
                    || text.Contains(JsonSerializer.Serialize(word).Trim('"'), StringComparison.OrdinalIgnoreCase))
                {
                    found.Add($"{Path.GetRelativePath(_site.Output, file)}: {word}");
                }
            }
            if (file.EndsWith(".html", StringComparison.Ordinal) && text.Contains("tel:" + PhoneInternal, StringComparison.Ordinal))
            {
                found.Add($"{Path.GetRelativePath(_site.Output, file)}: tel:{PhoneInternal}");
            }
        }
        Assert.True(found.Count == 0, "Internal text in the public site:\n" + string.Join("\n", found));
        // The picture only an internal block links to is not copied either; the page's public text is all there.
        Assert.False(File.Exists(Path.Combine(_site.Output, "fiches", "images", "schema-interne.png")));
        var page = _site.Page(Sheet);
        Assert.Empty(page.QuerySelectorAll(".interne"));
        Assert.Contains("Texte d’essai public du conseil.", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Une citation publique.", page.Body.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_intranet_site_shows_every_block_under_its_label()
    {
        var page = Page(Sheet);
        var blocks = page.QuerySelectorAll("main .interne");
        foreach (var word in InternalWords)
        {
            var block = blocks.SingleOrDefault(b => b.TextContent.Contains(word, StringComparison.Ordinal));
            Assert.True(block is not null, $"« {word} » is not in an internal block of the intranet page");
            Assert.Equal("Information interne, réservée au personnel", block!.QuerySelector(":scope > .interne-label")?.TextContent);
        }
        Assert.NotNull(page.QuerySelector(".interne img[alt='Schéma d’essai interne']"));
        Assert.True(File.Exists(Path.Combine(_intranet, "fiches", "images", "schema-interne.png")));
        // Searchable there: staff look for it as for any other text.
        var index = string.Concat(Directory.EnumerateFiles(Path.Combine(_intranet, "assets"), "*.js", SearchOption.AllDirectories)
            .Where(f => f.Contains("search-index", StringComparison.Ordinal)).Select(File.ReadAllText));
        Assert.Contains("kqzv", index, StringComparison.Ordinal);
    }

    [Fact]
    public void The_intranet_s_search_results_show_internal_text_under_its_label()
    {
        // A result's snippet is the start of its section's text: where it holds an internal block's words, it holds the
        // label first, as the page does. Snippets write the words as written (« mot d’essai kqzvx »); terms do not.
        var index = string.Concat(Directory.EnumerateFiles(Path.Combine(_intranet, "assets"), "*.js", SearchOption.AllDirectories)
            .Where(f => f.Contains("search-index", StringComparison.Ordinal)).Select(File.ReadAllText));
        var snippets = 0;
        foreach (var word in InternalWords)
        {
            for (var at = index.IndexOf("essai " + word, StringComparison.Ordinal); at >= 0; at = index.IndexOf("essai " + word, at + 1, StringComparison.Ordinal))
            {
                var before = index[Math.Max(0, at - 300)..at];
                var snippet = before[(before.LastIndexOf('"') + 1)..];
                Assert.True(snippet.Contains("Information interne", StringComparison.Ordinal), $"« {word} » in a snippet without the label: {snippet}");
                snippets++;
            }
        }
        Assert.True(snippets > 0, "no internal word in any snippet: the test shows nothing");
    }

    [Fact]
    public void A_service_s_internal_fields_show_only_in_the_intranet_s_contact_blocks()
    {
        foreach (var path in new[] { Sheet, "services/radiologie-interventionnelle/index.html" })
        {
            var contact = Page(path).QuerySelector(".service-contact .interne");
            Assert.True(contact is not null, $"{path}: no internal part in the service's contact block");
            Assert.NotNull(contact!.QuerySelector($"a[href='tel:{PhoneInternal}']"));
            Assert.Contains(NoteWord, contact.TextContent, StringComparison.Ordinal);
            Assert.Empty(_site.Page(path).QuerySelectorAll(".service-contact .interne"));
        }
    }

    [Fact]
    public void Every_intranet_page_says_so_and_keeps_out_of_search_engines_while_the_public_ones_do_not()
    {
        var pages = Directory.EnumerateFiles(_intranet, "*.html", SearchOption.AllDirectories).ToList();
        Assert.True(pages.Count >= 10);
        foreach (var file in pages)
        {
            var page = Parser.ParseDocument(File.ReadAllText(file));
            var name = Path.GetRelativePath(_intranet, file);
            Assert.True(page.QuerySelector("meta[name=robots]")?.GetAttribute("content") == "noindex, nofollow", $"{name}: no noindex");
            Assert.True(page.QuerySelector("header .intranet-band")?.TextContent.StartsWith("Version interne", StringComparison.Ordinal) == true, $"{name}: no band");
        }
        foreach (var path in _site.HtmlPages())
        {
            var page = _site.Page(path);
            Assert.Null(page.QuerySelector("meta[name=robots]"));
            Assert.Null(page.QuerySelector(".intranet-band"));
        }
        Assert.Equal(PublicBase + "fiches/interne/", Page(Sheet).QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.Equal("User-agent: *\nDisallow: /\n", File.ReadAllText(Path.Combine(_intranet, "robots.txt")));
        Assert.False(File.Exists(Path.Combine(_intranet, "sitemap.xml")));
        Assert.Contains("Allow: /", File.ReadAllText(Path.Combine(_site.Output, "robots.txt")), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_json_names_the_target_its_address_and_page_count()
    {
        var intranet = BuildInfoFile.Read(_intranet);
        var published = BuildInfoFile.Read(_site.Output);
        Assert.Equal(new BuildInfo("intranet", IntranetBase, Directory.EnumerateFiles(_intranet, "*.html", SearchOption.AllDirectories).Count()), intranet);
        Assert.Equal(new BuildInfo("public", PublicBase, Directory.EnumerateFiles(_site.Output, "*.html", SearchOption.AllDirectories).Count()), published);
    }

    [Fact]
    public void Base_url_on_the_command_line_moves_the_intranet_s_address_and_never_its_canonical_links()
    {
        var other = Path.Combine(_site.Root, "_autre");
        Assert.True(_site.Build(other, baseUrl: "https://intra.exemple.invalid/x", target: BuildTarget.Intranet).Succeeded);
        Assert.Equal("https://intra.exemple.invalid/x/", BuildInfoFile.Read(other)!.BaseUrl);
        var canonical = Parser.ParseDocument(File.ReadAllText(Path.Combine(other, Sheet))).QuerySelector("link[rel=canonical]")?.GetAttribute("href");
        Assert.Equal(PublicBase + "fiches/interne/", canonical);
    }

    [Fact]
    public void Neither_site_replaces_a_folder_that_holds_the_other()
    {
        var publicBefore = FolderSnapshot.Of(_site.Output);
        var intranetBefore = FolderSnapshot.Of(_intranet);

        var intoPublic = _site.Build(target: BuildTarget.Intranet);
        var intoIntranet = _site.Build(_intranet);

        Assert.Contains(intoPublic.Errors, e => e.Message.Contains("contient le site public : le site interne ne le remplace pas", StringComparison.Ordinal));
        Assert.Contains(intoIntranet.Errors, e => e.Message.Contains("contient le site interne : le site public ne le remplace pas", StringComparison.Ordinal));
        Assert.Equal(publicBefore, FolderSnapshot.Of(_site.Output));
        Assert.Equal(intranetBefore, FolderSnapshot.Of(_intranet));
    }

    private AngleSharp.Html.Dom.IHtmlDocument Page(string sitePath) => Parser.ParseDocument(File.ReadAllText(Path.Combine(_intranet, sitePath)));
}
