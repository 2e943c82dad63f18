using System.Text.Json;
using FichesSite.Build;
using FichesSite.Search;
using Jint;

namespace FichesSite.Tests.Search;

/// <summary>
/// Past a size, the index is split: a main script without terms nor the sections' words, chunks of terms by their
/// first two characters, which search.js loads for the words searched, and blocks of sections, which it loads for the
/// pages it shows. Built here with the threshold at 0, so this small site splits.
/// </summary>
public sealed class SearchIndexChunkTests : IDisposable
{
    private readonly TestSite _site = new();
    private readonly string _whole;
    private readonly string _split;

    public SearchIndexChunkTests()
    {
        _whole = Path.Combine(_site.Root, "whole");
        _split = Path.Combine(_site.Root, "split");
        Assert.True(SiteBuilder.Build(new BuildOptions(_site.Input, TestSite.RepositoryTheme, _whole)).Succeeded);
        var split = SiteBuilder.Build(new BuildOptions(_site.Input, TestSite.RepositoryTheme, _split, SearchSplitAboveBytes: 0));
        Assert.True(split.Succeeded, string.Join("\n", split.Diagnostics));
    }

    public void Dispose() => _site.Dispose();

    private string Read(string root, string sitePath) => File.ReadAllText(Path.Combine(root, sitePath));

    private string[] ChunkFiles => Directory.GetFiles(Path.Combine(_split, "assets", "search-index"), "*.js")
        .Where(f => !Path.GetFileName(f).StartsWith("s-", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();

    /// <summary>The JSON inside a script of the index: window.X = JSON.parse('…');</summary>
    public static JsonElement ParseJsonOf(string script)
    {
        var start = script.IndexOf("JSON.parse('", StringComparison.Ordinal) + "JSON.parse('".Length;
        var json = System.Text.RegularExpressions.Regex.Replace(script[start..script.LastIndexOf("');", StringComparison.Ordinal)], @"\\(.)", "$1");
        return JsonDocument.Parse(json).RootElement;
    }

    [Fact]
    public void A_small_index_stays_one_file()
    {
        Assert.False(Directory.Exists(Path.Combine(_whole, "assets", "search-index")));
        Assert.True(SearchIndexTests.ParseScript(Read(_whole, SearchIndexStage.ScriptPath)).TryGetProperty("terms", out _));
    }

    [Fact]
    public void A_split_index_holds_the_same_terms_in_chunks_named_by_their_first_two_characters()
    {
        var whole = SearchIndexTests.ParseScript(Read(_whole, SearchIndexStage.ScriptPath));
        var main = SearchIndexTests.ParseScript(Read(_split, SearchIndexStage.ScriptPath));
        Assert.False(main.TryGetProperty("terms", out _));
        Assert.False(main.TryGetProperty("pages", out _));
        // The title pages of each term travel with its postings, in its chunk.
        Assert.False(main.TryGetProperty("titles", out _));
        var keys = main.GetProperty("chunks").EnumerateArray().Select(k => k.GetString()!).ToList();
        Assert.Equal(keys.Select(k => Path.Combine(_split, SearchIndex.ChunkPath(k))), ChunkFiles);

        var merged = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var titles = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var script = File.ReadAllText(Path.Combine(_split, SearchIndex.ChunkPath(key)));
            Assert.Contains($"window.{SearchIndex.ChunksGlobalName}['{key}'] = JSON.parse('", script);
            var chunk = ParseJsonOf(script);
            foreach (var term in chunk.GetProperty("terms").EnumerateObject())
            {
                Assert.Equal(key, SearchIndex.ChunkKey(term.Name));
                merged.Add(term.Name, term.Value.GetString()!);
            }
            foreach (var term in chunk.GetProperty("titles").EnumerateObject())
            {
                Assert.True(merged.ContainsKey(term.Name), term.Name);
                titles.Add(term.Name, term.Value.GetRawText());
            }
        }
        Assert.Equal(whole.GetProperty("terms").EnumerateObject().Select(t => (t.Name, t.Value.GetString())), merged.Select(t => (t.Key, (string?)t.Value)));
        Assert.Equal(whole.GetProperty("titles").EnumerateObject().Select(t => (t.Name, t.Value.GetRawText())), titles.Select(t => (t.Key, t.Value)));
    }

    [Fact]
    public void A_split_index_keeps_only_the_count_of_sections_per_page_and_puts_their_words_in_blocks()
    {
        var whole = SearchIndexTests.ParseScript(Read(_whole, SearchIndexStage.ScriptPath));
        var main = SearchIndexTests.ParseScript(Read(_split, SearchIndexStage.ScriptPath));
        Assert.Equal(SearchIndex.Version, main.GetProperty("version").GetInt32());
        Assert.False(main.TryGetProperty("sections", out _));
        var sections = whole.GetProperty("sections").EnumerateArray().ToList();
        var counts = main.GetProperty("sectionCounts").EnumerateArray().Select(c => c.GetInt32()).ToList();
        var pageCount = whole.GetProperty("pages").GetArrayLength();
        Assert.Equal(pageCount, counts.Count);
        // The counts are the section → page mapping: the whole index's sections, page after page.
        Assert.Equal(sections.Select(s => s[0].GetInt32()), counts.SelectMany((n, p) => Enumerable.Repeat(p, n)));

        var blockPages = main.GetProperty("blockPages").GetInt32();
        Assert.Equal(SearchIndexStage.DefaultPagesPerBlock, blockPages);
        var blockCount = (pageCount + blockPages - 1) / blockPages;
        var blockFiles = Directory.GetFiles(Path.Combine(_split, "assets", "search-index"), "s-*.js").Order(StringComparer.Ordinal);
        Assert.Equal(Enumerable.Range(0, blockCount).Select(b => Path.Combine(_split, SearchIndex.BlockPath(b))).Order(StringComparer.Ordinal), blockFiles);
        var fromBlocks = Enumerable.Range(0, blockCount).SelectMany(b =>
        {
            var script = File.ReadAllText(Path.Combine(_split, SearchIndex.BlockPath(b)));
            Assert.Contains($"window.{SearchIndex.SectionsGlobalName}[{b}] = JSON.parse('", script);
            return ParseJsonOf(script).GetProperty("sections").EnumerateArray().Select(s => s.GetRawText()).ToList();
        });
        Assert.Equal(sections.Select(s => $"[{string.Join(',', s.EnumerateArray().Skip(1).Select(x => x.GetRawText()))}]"), fromBlocks);
        // The pages' titles and paths too, block after block.
        var pagesFromBlocks = Enumerable.Range(0, blockCount).SelectMany(b =>
            ParseJsonOf(File.ReadAllText(Path.Combine(_split, SearchIndex.BlockPath(b)))).GetProperty("pages").EnumerateArray().Select(p => p.GetRawText()).ToList());
        Assert.Equal(whole.GetProperty("pages").EnumerateArray().Select(p => p.GetRawText()), pagesFromBlocks);
        // The main script is now the lists: none of the pages' nor the sections' words.
        Assert.DoesNotContain("fuite-de-ciment-5", Read(_split, SearchIndexStage.ScriptPath));
    }

    [Theory]
    [InlineData("fuite ciment", false, "ci fu")]
    [InlineData("Métastases", false, "me")]
    [InlineData("anesthesie generale", false, "an ge")]
    [InlineData("5", true, "5")]
    public void The_engine_names_the_chunks_a_query_needs_and_finds_the_same_once_they_are_loaded(string query, bool typing, string chunks)
    {
        var engine = SearchScripts.Load(Read(_split, SearchIndexStage.ScriptPath));
        engine.SetValue("query", query);
        engine.SetValue("typing", typing);
        engine.Execute("var split = new FichesSearch.Engine(window.FICHES_INDEX);");
        Assert.Equal(chunks, engine.Evaluate("split.missingChunks(query, typing).join(' ')").AsString());
        Assert.Equal(0, engine.Evaluate("split.search(query, typing).total").AsNumber());
        foreach (var key in chunks.Split(' '))
        {
            engine.Execute(Read(_split, SearchIndex.ChunkPath(key)));
            engine.SetValue("key", key);
            engine.Execute("split.addChunk(key, window.FICHES_INDEX_TERMS[key]);");
        }
        Assert.Equal("", engine.Evaluate("split.missingChunks(query, typing).join(' ')").AsString());
        // Ranked without the sections' words: the pages and sections are known, not their headings and snippets.
        engine.Execute("var result = split.search(query, typing);");
        Assert.True(engine.Evaluate("result.pages.length").AsNumber() > 0);
        Assert.Equal("", engine.Evaluate("result.pages.flatMap(p => p.sections).filter(s => s.anchor !== undefined || s.snippet !== undefined).join(' ')").AsString());
        var blocks = engine.Evaluate("split.missingBlocks(result).join(' ')").AsString();
        Assert.Equal("0", blocks);
        engine.Execute(Read(_split, SearchIndex.BlockPath(0)));
        engine.Execute("split.addBlock(0, window.FICHES_INDEX_SECTIONS[0]);");
        Assert.Equal("", engine.Evaluate("split.missingBlocks(result).join(' ')").AsString());
        var found = engine.Evaluate("JSON.stringify(split.complete(result).pages)").AsString();
        // Once the block is there, a new search is complete at once.
        Assert.Equal(found, engine.Evaluate("JSON.stringify(split.search(query, typing).pages)").AsString());

        var reference = SearchScripts.Load(Read(_whole, SearchIndexStage.ScriptPath));
        reference.SetValue("query", query);
        reference.SetValue("typing", typing);
        Assert.Equal(reference.Evaluate("JSON.stringify(new FichesSearch.Engine(window.FICHES_INDEX).search(query, typing).pages)").AsString(), found);
    }
}
