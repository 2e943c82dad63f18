using Jint;

namespace FichesSite.Tests.Search;

/// <summary>
/// Whatever authors write, search results show it as text: the index escapes markup characters, and search.js builds
/// results from text nodes only. The page side runs here against a small stand-in DOM that fails on any HTML parsing.
/// </summary>
public sealed class SearchInjectionTests
{
    // Just enough DOM for FichesSearch.render; every way of inserting HTML throws.
    internal const string FakeDom = """
        function FakeNode(tag) { this.tagName = tag; this.childNodes = []; this.attributes = {}; this.className = ''; }
        FakeNode.prototype.appendChild = function (child) { this.childNodes.push(child); return child; };
        FakeNode.prototype.removeChild = function (child) { this.childNodes.splice(this.childNodes.indexOf(child), 1); return child; };
        FakeNode.prototype.setAttribute = function (name, value) { this.attributes[name] = String(value); };
        FakeNode.prototype.insertAdjacentHTML = function () { throw new Error('insertAdjacentHTML used'); };
        Object.defineProperty(FakeNode.prototype, 'firstChild', { get: function () { return this.childNodes[0] || null; } });
        Object.defineProperty(FakeNode.prototype, 'innerHTML', { get: function () { return ''; }, set: function () { throw new Error('innerHTML used'); } });
        Object.defineProperty(FakeNode.prototype, 'outerHTML', { get: function () { return ''; }, set: function () { throw new Error('outerHTML used'); } });
        var fakeDocument = {
          createElement: function (tag) { return new FakeNode(tag); },
          createTextNode: function (text) { return { text: String(text) }; },
          write: function () { throw new Error('document.write used'); },
        };
        function tags(node) { return node.childNodes ? [node.tagName].concat(node.childNodes.flatMap(tags)) : []; }
        function texts(node) { return node.childNodes ? node.childNodes.map(texts).join('') : node.text; }
        """;

    [Fact]
    public void A_hostile_title_and_text_show_as_text_in_results()
    {
        using var site = new TestSite();
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "titre-hostile.md"), Path.Combine(site.Input, "pages", "titre-hostile.md"));
        var build = site.Build();
        Assert.True(build.Succeeded, string.Join("\n", build.Diagnostics));

        var script = File.ReadAllText(Path.Combine(site.Output, "assets", "search-index.js"));
        Assert.DoesNotContain("<", script.Split('\n', 2)[1]); // escaped as \u003C: nothing in the index can open a tag

        var engine = SearchScripts.Load(script);
        engine.Execute(FakeDom);
        engine.Execute("""
            var list = new FakeNode('ol');
            var result = new FichesSearch.Engine(window.FICHES_INDEX).search('img onerror ciment', false);
            FichesSearch.render(fakeDocument, list, result, '../');
            """);
        Assert.Equal(1, engine.Evaluate("result.pages.length").AsNumber());
        var tags = engine.Evaluate("tags(list).join(' ')").AsString().Split(' ').Distinct().Order().ToList();
        Assert.Equal(["a", "li", "mark", "ol", "p", "ul"], tags);
        var text = engine.Evaluate("texts(list)").AsString();
        Assert.Contains("<img src=x onerror=alert(1)>", text);
        Assert.Contains("<script>alert(3)</script> ciment", text);
        Assert.Equal("../titre-hostile/index.html", engine.Evaluate("list.childNodes[0].childNodes[0].attributes.href").AsString());
    }

    [Fact]
    public void A_sheet_s_result_names_its_service_as_text()
    {
        using var site = new TestSite();
        var services = Path.Combine(site.Input, "data", "services.yml");
        File.WriteAllText(services, File.ReadAllText(services).Replace("name: \"Radiologie interventionnelle (service d’exemple)\"",
            "name: \"<b onmouseover=alert(1)>Radiologie</b> (essai)\"", StringComparison.Ordinal));
        var build = site.Build();
        Assert.True(build.Succeeded, string.Join("\n", build.Diagnostics));

        var engine = SearchScripts.Load(File.ReadAllText(Path.Combine(site.Output, "assets", "search-index.js")));
        engine.Execute(FakeDom);
        engine.Execute("""
            var list = new FakeNode('ol');
            var found = new FichesSearch.Engine(window.FICHES_INDEX);
            var result = found.complete(found.search('cimentoplastie', false));
            FichesSearch.render(fakeDocument, list, result, '../');
            var pageItems = list.childNodes;
            """);
        Assert.Equal(1, engine.Evaluate("pageItems.length").AsNumber());
        Assert.Equal("search-result-service", engine.Evaluate("pageItems[0].childNodes[1].className").AsString());
        Assert.Equal("<b onmouseover=alert(1)>Radiologie</b> (essai)", engine.Evaluate("texts(pageItems[0].childNodes[1])").AsString());
        // A page that is no sheet names no service.
        engine.Execute("var other = found.complete(found.search('accessibilite', false)); var otherList = new FakeNode('ol'); FichesSearch.render(fakeDocument, otherList, other, '../');");
        Assert.True(engine.Evaluate("otherList.childNodes.length").AsNumber() >= 1);
        Assert.Equal(0, engine.Evaluate("otherList.childNodes.filter(function (li) { return li.childNodes.some(function (c) { return c.className === 'search-result-service'; }); }).length").AsNumber());
    }

    [Fact]
    public void The_search_scripts_never_parse_html_nor_evaluate_code()
    {
        foreach (var name in new[] { "search.js", "search-normalize.js" })
        {
            var code = File.ReadAllText(SearchScripts.ScriptPath(name));
            foreach (var forbidden in new[] { "innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function", "fetch(", "XMLHttpRequest", "Worker(", "WebAssembly" })
            {
                Assert.False(code.Contains(forbidden, StringComparison.Ordinal), $"{name} uses {forbidden}");
            }
        }
    }
}
