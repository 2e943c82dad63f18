using FichesSite.Build;

namespace FichesSite.Tests;

/// <summary>The repository's own content, built once for all structure tests of a class.</summary>
public sealed class BuiltSite : IDisposable
{
    public BuiltSite()
    {
        Result = Site.Build();
        Assert.True(Result.Succeeded, string.Join("\n", Result.Diagnostics));
    }

    public TestSite Site { get; } = new();

    /// <summary>
    /// The pages the repository's content gives, listed rather than built during test discovery (listing the tests
    /// must not run the generator); <c>SiteLinksTests.The_site_has_the_expected_pages</c> holds it equal to the build.
    /// </summary>
    public static readonly string[] ExpectedPages =
        ["404.html", "a-z/c/index.html", "a-z/index.html", "accessibilite/index.html", "fiches/cimentoplastie-metastases-osseuses/index.html", "glossaire/index.html",
         "index.html", "plan-du-site/index.html", "recherche/index.html", "services/index.html", "services/radiologie-interventionnelle/index.html",
         "themes/cancerologie/index.html", "themes/index.html"];

    public static TheoryData<string> Pages() => new(ExpectedPages);

    public BuildResult Result { get; }

    public void Dispose() => Site.Dispose();
}
