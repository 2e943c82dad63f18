using Jint;
using FichesSite.Tests.Collection;

namespace FichesSite.Tests.Search;

/// <summary>
/// The search page's filter by service: the index names each page's service in its main script, and the engine keeps
/// only the chosen service's pages while ranking, in a one-script index and in a split one alike.
/// </summary>
public sealed class SearchServiceFilterTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_search_kept_to_one_service_finds_exactly_its_sheets(bool split)
    {
        CollectionSite.Sheet[] sheets =
        [
            new("une", "Première fiche d’essai", "cardiologie", []),
            new("deux", "Deuxième fiche d’essai", "radiologie", []),
            new("trois", "Troisième fiche d’essai", "radiologie", []),
        ];
        using var collection = new CollectionSite(["cardiologie", "radiologie"], [], sheets);
        var site = collection.Site;
        var result = FichesSite.Build.SiteBuilder.Build(new FichesSite.Build.BuildOptions(site.Input, site.Theme, site.Output, Today: TestSite.Today)
        {
            SearchSplitAboveBytes = split ? 0 : FichesSite.Search.SearchIndexStage.DefaultSplitAboveBytes,
        });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Take(5)));

        var engine = SearchScripts.Load(File.ReadAllText(Path.Combine(site.Output, FichesSite.Search.SearchIndexStage.ScriptPath)));
        engine.Execute("var found = new FichesSearch.Engine(window.FICHES_INDEX);");
        // A split index: the chunks of the word searched, as the page loads them.
        foreach (var key in engine.Evaluate("found.missingChunks('cimentoplastie', false)").AsArray().Select(k => k.AsString()))
        {
            engine.Execute(File.ReadAllText(Path.Combine(site.Output, FichesSite.Search.SearchIndex.ChunkPath(key))));
            engine.SetValue("key", key);
            engine.Execute("found.addChunk(key, window.FICHES_INDEX_TERMS[key]);");
        }
        Assert.Equal(split, engine.Evaluate("found.blocks !== null").AsBoolean());
        engine.Execute("""
            var radiologie = found.services.indexOf('Service radiologie (essai)');
            function pagesOf(service) { return found.search('cimentoplastie', false, service).pages.map(function (p) { return p.page; }); }
            """);

        Assert.Equal(["Service cardiologie (essai)", "Service radiologie (essai)"], engine.Evaluate("found.services").AsArray().Select(v => v.AsString()));
        Assert.Equal(3, engine.Evaluate("pagesOf(-1).length").AsNumber());
        Assert.Equal(2, engine.Evaluate("pagesOf(radiologie).length").AsNumber());
        Assert.True(engine.Evaluate("pagesOf(radiologie).every(function (p) { return found.pageServices[p] === radiologie; })").AsBoolean());
        Assert.Equal(1, engine.Evaluate("pagesOf(found.services.indexOf('Service cardiologie (essai)')).length").AsNumber());
    }
}
