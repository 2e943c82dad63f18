using Jint;

namespace FichesSite.Tests.Search;

/// <summary>The theme's search scripts, run in Jint (a JavaScript interpreter) as the browser would run them, minus the page.</summary>
public static class SearchScripts
{
    public static string ScriptPath(string name) => Path.Combine(TestSite.RepositoryTheme, "assets", "js", name);

    /// <summary>An engine with search-normalize.js and search.js loaded; search.js leaves the page alone when there is no document.</summary>
    public static Engine Load(string? indexScript = null)
    {
        var engine = new Engine(options => options.Strict(false).TimeoutInterval(TimeSpan.FromSeconds(20)));
        engine.Execute("var window = globalThis;");
        engine.Execute(File.ReadAllText(ScriptPath("search-normalize.js")));
        if (indexScript is not null)
        {
            engine.Execute(indexScript);
        }
        if (File.Exists(ScriptPath("search.js")))
        {
            engine.Execute(File.ReadAllText(ScriptPath("search.js")));
        }
        return engine;
    }
}
