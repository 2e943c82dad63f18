using System.Text;
using System.Text.Json;
using FichesSite.Search;
using Jint;

namespace FichesSite.Tests.Search;

/// <summary>
/// The blocks of sections of a split index (SearchIndex.ToFiles): each holds the heading, anchor and snippet of the
/// sections of a fixed number of consecutive pages; the main script keeps only each page's count of sections. Small
/// hand-made pages, split at once, with blocks of one and of two pages so that several blocks are written.
/// </summary>
public sealed class SearchIndexBlockTests
{
    private static readonly IndexedPage[] Pages =
    [
        new("Zona", "fiches/zona/index.html", [new("", "", "Une éruption douloureuse."), new("Traitement", "traitement", "Des antiviraux.")]),
        new("Arthroscopie du genou", "fiches/arthroscopie/index.html", [new("Risques", "risques", "Une infection, rare.")]),
        new("Page vide", "fiches/vide/index.html", []),
        new("Biopsie", "fiches/biopsie/index.html", [new("Déroulement", "deroulement", "Sous anesthésie locale."), new("Après", "apres", "Un pansement <b>sec</b> d'un jour.")]),
    ];

    private static JsonElement Json(string script) => SearchIndexChunkTests.ParseJsonOf(script);

    // The files as the browser reads them: their UTF-8 decoded.
    private static Dictionary<string, string> Files(SearchIndex index, long splitAboveBytes, int pagesPerBlock) =>
        index.ToFiles(splitAboveBytes, pagesPerBlock).ToDictionary(f => f.Key, f => Encoding.UTF8.GetString(f.Value));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(16)]
    public void Blocks_hold_the_sections_of_consecutive_pages_and_the_main_script_their_count(int pagesPerBlock)
    {
        var files = Files(new SearchIndex(Pages), 0, pagesPerBlock);
        var main = Json(files[SearchIndexStage.ScriptPath]);
        Assert.Equal(SearchIndex.Version, main.GetProperty("version").GetInt32());
        Assert.False(main.TryGetProperty("sections", out _));
        Assert.Equal(pagesPerBlock, main.GetProperty("blockPages").GetInt32());
        Assert.False(main.TryGetProperty("pages", out _));
        // Pages sorted by path: arthroscopie, biopsie, vide, zona.
        Assert.Equal([1, 2, 0, 2], main.GetProperty("sectionCounts").EnumerateArray().Select(c => c.GetInt32()));

        var blockCount = (Pages.Length + pagesPerBlock - 1) / pagesPerBlock;
        Assert.Equal(blockCount, files.Keys.Count(k => k.StartsWith("assets/search-index/s-", StringComparison.Ordinal)));
        var ordered = Pages.OrderBy(p => p.Path, StringComparer.Ordinal).ToList();
        var paths = new List<string?>();
        for (var b = 0; b < blockCount; b++)
        {
            var script = files[SearchIndex.BlockPath(b)];
            Assert.StartsWith("// ", script);
            Assert.Contains($"window.{SearchIndex.SectionsGlobalName} = window.{SearchIndex.SectionsGlobalName} || {{}};\nwindow.{SearchIndex.SectionsGlobalName}[{b}] = JSON.parse('", script);
            var expected = ordered.Skip(b * pagesPerBlock).Take(pagesPerBlock).SelectMany(p => p.Sections).Select(s => (s.Heading, s.Anchor, s.Text));
            var actual = Json(script).GetProperty("sections").EnumerateArray().Select(s => (s[0].GetString()!, s[1].GetString()!, s[2].GetString()!));
            Assert.Equal(expected, actual);
            var pages = Json(script).GetProperty("pages").EnumerateArray().ToList();
            Assert.Equal(ordered.Skip(b * pagesPerBlock).Take(pagesPerBlock).Select(p => p.Title), pages.Select(p => p[0].GetString()));
            paths.AddRange(pages.Select(p => p[1].GetString()));
            Assert.DoesNotContain("<", script); // escaped: no text can close a tag
        }
        Assert.False(files.ContainsKey(SearchIndex.BlockPath(blockCount)));
        Assert.Equal(["fiches/arthroscopie/index.html", "fiches/biopsie/index.html", "fiches/vide/index.html", "fiches/zona/index.html"], paths);
    }

    [Fact]
    public void A_split_index_does_not_depend_on_page_order()
    {
        var forward = Files(new SearchIndex(Pages), 0, 2);
        var backward = Files(new SearchIndex(Pages.Reverse()), 0, 2);
        Assert.Equal(forward.Keys, backward.Keys);
        Assert.All(forward, f => Assert.Equal(f.Value, backward[f.Key]));
    }

    [Fact]
    public void An_index_under_the_threshold_stays_one_file_with_its_sections()
    {
        var files = Files(new SearchIndex(Pages), 1_000_000, 1);
        var main = Json(Assert.Single(files).Value);
        Assert.Equal(5, main.GetProperty("sections").GetArrayLength());
        Assert.False(main.TryGetProperty("sectionCounts", out _));
        Assert.Equal(Files(new SearchIndex(Pages), long.MaxValue, 1)[SearchIndexStage.ScriptPath], files[SearchIndexStage.ScriptPath]);
    }

    [Fact]
    public void A_result_is_drawn_page_by_page_in_its_order_as_blocks_arrive_each_page_added_below_the_others()
    {
        var files = Files(new SearchIndex(Pages), 0, 1);
        var engine = SearchScripts.Load(files[SearchIndexStage.ScriptPath]);
        engine.Execute(SearchInjectionTests.FakeDom);
        engine.Execute("var split = new FichesSearch.Engine(window.FICHES_INDEX);");
        foreach (var key in engine.Evaluate("split.missingChunks('infection pansement zona', false).join(' ')").AsString().Split(' '))
        {
            engine.Execute(files[SearchIndex.ChunkPath(key)]);
            engine.SetValue("key", key);
            engine.Execute("split.addChunk(key, window.FICHES_INDEX_TERMS[key]);");
        }
        foreach (var b in new[] { 0, 1, 3 })
        {
            engine.Execute(files[SearchIndex.BlockPath(b)]);
        }
        // Three pages found, each by one word (the engine's rule is AND, so one query per page, then joined).
        engine.Execute("""
            var result = split.search('zona', false);
            ['infection', 'pansement'].forEach(function (q) { result.pages = result.pages.concat(split.search(q, false).pages); });
            result.words = ['zona', 'infection', 'pansement'].map(function (q) { return split.search(q, false).words[0]; });
            var list = new FakeNode('ol');
            function ready() { var n = 0; while (n < result.pages.length && split.ready(result.pages[n].page)) { n++; } return n; }
            FichesSearch.render(fakeDocument, list, result, '../', ready());
            """);
        // Blocks of one page: the block of a page is its number, named in the order of the pages found.
        Assert.Equal("3 0 1", engine.Evaluate("split.missingBlocks(result, true).join(' ')").AsString());
        Assert.Equal("0 1 3", engine.Evaluate("split.missingBlocks(result).join(' ')").AsString());
        Assert.Equal(0, engine.Evaluate("list.childNodes.length").AsNumber());

        // The second page's block arrives first: nothing can be drawn yet, the first page comes first.
        engine.Execute("split.addBlock(0, window.FICHES_INDEX_SECTIONS[0]); split.complete(result);");
        Assert.Equal(0, engine.Evaluate("ready()").AsNumber());
        engine.Execute("""
            split.addBlock(3, window.FICHES_INDEX_SECTIONS[3]);
            split.complete(result);
            var drawn = ready();
            FichesSearch.appendPages(fakeDocument, list, result, '../', 0, drawn);
            var first = list.childNodes[0];
            """);
        Assert.Equal(2, engine.Evaluate("drawn").AsNumber());
        Assert.Equal("Zona|Arthroscopie du genou", engine.Evaluate("list.childNodes.map(function (item) { return texts(item.childNodes[0]); }).join('|')").AsString());
        Assert.Equal("../fiches/arthroscopie/index.html#risques", engine.Evaluate("list.childNodes[1].childNodes[1].childNodes[0].childNodes[0].attributes.href").AsString());
        // A block that failed to load: its page is left out, the pages after it are drawn.
        engine.Execute("""
            split.addBlock(1, undefined);
            split.complete(result);
            FichesSearch.appendPages(fakeDocument, list, result, '../', drawn, ready());
            """);
        Assert.Equal(3, engine.Evaluate("ready()").AsNumber());
        Assert.Equal(2, engine.Evaluate("list.childNodes.length").AsNumber());
        Assert.True(engine.Evaluate("list.childNodes[0] === first").AsBoolean());
        // Zona is found by its title only: its page opening is shown, which has no heading to link.
        Assert.Equal("Une éruption douloureuse.", engine.Evaluate("texts(first.childNodes[1])").AsString());
    }

    [Theory]
    [InlineData("pansement", "fiches/biopsie/index.html", "apres")]
    [InlineData("zona traitement", "fiches/zona/index.html", "traitement")]
    [InlineData("infection", "fiches/arthroscopie/index.html", "risques")]
    public void The_engine_maps_sections_to_pages_and_fills_results_from_their_blocks(string query, string path, string anchor)
    {
        var files = Files(new SearchIndex(Pages), 0, 1);
        var whole = Files(new SearchIndex(Pages), long.MaxValue, 1)[SearchIndexStage.ScriptPath];
        var engine = SearchScripts.Load(files[SearchIndexStage.ScriptPath]);
        engine.SetValue("query", query);
        engine.Execute("var split = new FichesSearch.Engine(window.FICHES_INDEX);");
        foreach (var key in engine.Evaluate("split.missingChunks(query, false).join(' ')").AsString().Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            engine.Execute(files[SearchIndex.ChunkPath(key)]);
            engine.SetValue("key", key);
            engine.Execute("split.addChunk(key, window.FICHES_INDEX_TERMS[key]);");
        }
        engine.Execute("var result = split.search(query, false);");
        // Ranked without the pages' titles and paths: they come with the blocks.
        Assert.True(engine.Evaluate("result.pages[0].path === undefined").AsBoolean());
        var blocks = engine.Evaluate("split.missingBlocks(result).join(' ')").AsString().Split(' ').Select(int.Parse).ToList();
        // Blocks of one page: the block of a page is its number.
        Assert.Equal(engine.Evaluate("result.pages.map(p => p.page).sort().join(' ')").AsString(), string.Join(' ', blocks));
        foreach (var b in blocks)
        {
            engine.Execute(files[SearchIndex.BlockPath(b)]);
            engine.SetValue("b", b);
            engine.Execute("split.addBlock(b, window.FICHES_INDEX_SECTIONS[b]);");
        }
        Assert.Equal(anchor, engine.Evaluate("split.complete(result).pages[0].sections[0].anchor").AsString());
        Assert.Equal(path, engine.Evaluate("result.pages[0].path").AsString());

        var reference = SearchScripts.Load(whole);
        reference.SetValue("query", query);
        Assert.Equal(
            reference.Evaluate("JSON.stringify(new FichesSearch.Engine(window.FICHES_INDEX).search(query, false))").AsString(),
            engine.Evaluate("JSON.stringify(result)").AsString());
    }
}
