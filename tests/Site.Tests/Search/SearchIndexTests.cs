using System.Text.Json;
using FichesSite.Search;

namespace FichesSite.Tests.Search;

/// <summary>The index the build writes for the repository's own content, read as the browser reads it.</summary>
public sealed class SearchIndexTests(BuiltSite built) : IClassFixture<BuiltSite>
{
    public const string FichePath = "fiches/cimentoplastie-metastases-osseuses/index.html";

    private string Script => File.ReadAllText(Path.Combine(built.Site.Output, SearchIndexStage.ScriptPath));

    private JsonElement Index => ParseScript(Script);

    public static JsonElement ParseScript(string script)
    {
        const string prefix = "window." + SearchIndex.GlobalName + " = ";
        var start = script.IndexOf(prefix, StringComparison.Ordinal);
        Assert.True(start >= 0, "the index script must assign window." + SearchIndex.GlobalName);
        // window.FICHES_INDEX = JSON.parse('…'); with \\ and \' escaped inside the string literal.
        var literal = script[(start + prefix.Length)..].TrimEnd();
        Assert.StartsWith("JSON.parse('", literal);
        Assert.EndsWith("');", literal);
        var json = System.Text.RegularExpressions.Regex.Replace(literal["JSON.parse('".Length..^"');".Length], @"\\(.)", "$1");
        return JsonDocument.Parse(json).RootElement;
    }

    [Fact]
    public void The_index_is_a_script_that_search_js_loads_relatively_from_the_form_of_every_page()
    {
        Assert.StartsWith("// ", Script);
        foreach (var page in built.Site.HtmlPages().Where(p => p != "404.html"))
        {
            // JSON-LD data blocks aside (PageSecurityTests), no inline script: a strict CSP holds.
            var document = built.Site.Page(page);
            var sources = document.QuerySelectorAll("script:not([type='application/ld+json'])").Select(s => s.GetAttribute("src")).ToList();
            Assert.DoesNotContain(null, sources);
            Assert.Single(sources, s => s!.EndsWith("assets/js/search.js", StringComparison.Ordinal));
            // Not loaded with the page: search.js adds it when the field first gets focus, from the form's site root.
            Assert.DoesNotContain(sources, s => s!.EndsWith(SearchIndexStage.ScriptPath, StringComparison.Ordinal));
            var root = document.QuerySelector("form[data-search]")!.GetAttribute("data-site-root")!;
            Assert.False(root.StartsWith('/'), $"{page}: the index must be linked relatively");
            Assert.True(File.Exists(Path.GetFullPath(Path.Combine(built.Site.Output, Path.GetDirectoryName(page)!, root + SearchIndexStage.ScriptPath))), $"{page}: {root}{SearchIndexStage.ScriptPath} not found");
        }
        Assert.Contains("'assets/search-index.js'", File.ReadAllText(SearchScripts.ScriptPath("search.js")));
    }

    [Fact]
    public void Navigation_pages_are_not_indexed_and_the_fiche_is()
    {
        var paths = Index.GetProperty("pages").EnumerateArray().Select(p => p[1].GetString()).ToList();
        Assert.Contains(FichePath, paths);
        Assert.DoesNotContain("index.html", paths);
        Assert.DoesNotContain("404.html", paths);
        Assert.DoesNotContain("plan-du-site/index.html", paths);
        Assert.DoesNotContain("recherche/index.html", paths);
        Assert.Equal(paths.Order(StringComparer.Ordinal), paths);
    }

    [Fact]
    public void Entries_are_sections_with_their_heading_anchor_and_text()
    {
        var sections = Sections().Where(s => s.Path == FichePath).ToList();
        var leak = Assert.Single(sections, s => s.Heading.StartsWith("Fuite de ciment", StringComparison.Ordinal));
        Assert.Equal("Fuite de ciment (5 %, soit environ 5 personnes sur 100)", leak.Heading.Replace('\u202F', ' '));
        Assert.Equal("fuite-de-ciment-5", leak.Anchor);
        Assert.Equal("La majorité de ces fuites sont asymptomatiques.", leak.Snippet);
        Assert.NotNull(built.Site.Page(FichePath).GetElementById(leak.Anchor));
        // The page's opening is an entry too, with the description as text, and every h2 and h3 follows.
        Assert.Equal("", sections[0].Anchor);
        Assert.StartsWith("Ce qu’est la cimentoplastie", sections[0].Snippet);
        Assert.Equal(1 + 4 + 2 + 4, sections.Count);
    }

    [Fact]
    public void Terms_are_folded_and_stemmed_and_point_to_their_sections()
    {
        var terms = Index.GetProperty("terms");
        var names = terms.EnumerateObject().Select(t => t.Name).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.All(names, n => Assert.True(n == n.ToLowerInvariant() && n == n.Normalize(System.Text.NormalizationForm.FormD), $"term « {n} » is not folded"));
        var sections = Sections();
        var titlePages = Index.GetProperty("titles").GetProperty("metastas").EnumerateArray().Select(p => p.GetInt32()).ToList();
        Assert.Single(titlePages);
        Assert.Equal(FichePath, Index.GetProperty("pages")[titlePages[0]][1].GetString());
        // « fuit »: one section, once in its heading (4) and once in its text (« fuites »: 1), coded in base 32: every
        // digit but the last from the upper half of SearchIndex.PostingDigits.
        var fuit = terms.GetProperty("fuit").GetString()!;
        Assert.All(fuit[..^1], c => Assert.True(SearchIndex.PostingDigits.IndexOf(c) >= 32));
        Assert.InRange(SearchIndex.PostingDigits.IndexOf(fuit[^1]), 0, 31);
        var value = fuit.Aggregate(0L, (n, c) => n * 32 + SearchIndex.PostingDigits.IndexOf(c) % 32);
        Assert.Equal("fuite-de-ciment-5", sections[(int)(value / 8)].Anchor);
        Assert.Equal(4 + 1, value % 8);
        Assert.DoesNotContain("de", names); // stop words are left out
        Assert.DoesNotContain("métastase", names);
    }

    private List<(string Path, string Heading, string Anchor, string Snippet)> Sections()
    {
        var pages = Index.GetProperty("pages").EnumerateArray().Select(p => p[1].GetString()!).ToList();
        return Index.GetProperty("sections").EnumerateArray()
            .Select(s => (pages[s[0].GetInt32()], s[1].GetString()!, s[2].GetString()!, s[3].GetString()!))
            .ToList();
    }
}
