using System.Text.Json;
using FichesSite.Build;
using FichesSite.Search;
using Jint;

namespace FichesSite.Tests.Search;

/// <summary>
/// Past a size, the index is split: a main script without terms, and chunks of terms by their first two characters,
/// which search.js loads for the words searched. Built here with the threshold at 0, so this small site splits.
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

    private string[] ChunkFiles => Directory.GetFiles(Path.Combine(_split, "assets", "search-index"), "*.js").Order(StringComparer.Ordinal).ToArray();

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
        Assert.Equal(whole.GetProperty("sections").GetRawText(), main.GetProperty("sections").GetRawText());
        var keys = main.GetProperty("chunks").EnumerateArray().Select(k => k.GetString()!).ToList();
        Assert.Equal(keys.Select(k => Path.Combine(_split, SearchIndex.ChunkPath(k))), ChunkFiles);

        var merged = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var script = File.ReadAllText(Path.Combine(_split, SearchIndex.ChunkPath(key)));
            var start = script.IndexOf("JSON.parse('", StringComparison.Ordinal) + "JSON.parse('".Length;
            var json = System.Text.RegularExpressions.Regex.Replace(script[start..script.LastIndexOf("');", StringComparison.Ordinal)], @"\\(.)", "$1");
            foreach (var term in JsonDocument.Parse(json).RootElement.EnumerateObject())
            {
                Assert.Equal(key, SearchIndex.ChunkKey(term.Name));
                merged.Add(term.Name, term.Value.GetString()!);
            }
        }
        Assert.Equal(whole.GetProperty("terms").EnumerateObject().Select(t => (t.Name, t.Value.GetString())), merged.Select(t => (t.Key, (string?)t.Value)));
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
        var found = engine.Evaluate("JSON.stringify(split.search(query, typing).pages)").AsString();

        var reference = SearchScripts.Load(Read(_whole, SearchIndexStage.ScriptPath));
        reference.SetValue("query", query);
        reference.SetValue("typing", typing);
        Assert.Equal(reference.Evaluate("JSON.stringify(new FichesSearch.Engine(window.FICHES_INDEX).search(query, typing).pages)").AsString(), found);
    }
}
