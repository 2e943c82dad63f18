namespace FichesSite.Tests;

/// <summary>
/// The quick local run (README: everything but the Browser and Published categories) must leave out every test that
/// needs Chromium, the Nu checker or the published generator, and nothing else: a test file that drives one of them
/// carries its category. Read from the sources, since what a test calls is not visible to reflection.
/// </summary>
public sealed class TestCategoriesTests
{
    // What a test file names when it needs a browser (Playwright, the shared browser fixture, the PDF printer, Nu).
    private static readonly string[] BrowserMarks = ["Playwright", "BrowserSite", "PrintedSite", "NuHtmlChecker", "ChromiumFact"];
    private static readonly string[] TestAttributes = ["[Fact", "[Theory", "[SkippableFact", "[SkippableTheory", "[ChromiumFact"];

    /// <summary>Every test file that needs a category, with the category it needs.</summary>
    public static TheoryData<string, string> FilesNeedingACategory()
    {
        var root = Path.Combine(TestSite.RepositoryRoot, "tests", "Site.Tests");
        var data = new TheoryData<string, string>();
        foreach (var path in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var file = Path.GetRelativePath(root, path).Replace('\\', '/');
            var source = File.ReadAllText(path);
            if (file.StartsWith("bin/", StringComparison.Ordinal) || file.StartsWith("obj/", StringComparison.Ordinal)
                || file == "TestCategoriesTests.cs" || !TestAttributes.Any(a => source.Contains(a, StringComparison.Ordinal)))
            {
                continue; // helpers and fixtures are categorised by the tests that use them
            }
            if (BrowserMarks.Any(m => source.Contains(m, StringComparison.Ordinal)))
            {
                data.Add(file, "Browser");
            }
            if (source.Contains("PublishedGenerator.", StringComparison.Ordinal))
            {
                data.Add(file, "Published");
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(FilesNeedingACategory))]
    public void A_test_file_that_needs_a_browser_or_the_published_generator_carries_its_category(string file, string category)
    {
        var source = File.ReadAllText(Path.Combine(TestSite.RepositoryRoot, "tests", "Site.Tests", file));
        Assert.True(source.Contains($"[Trait(\"Category\", \"{category}\")]", StringComparison.Ordinal),
            $"{file} needs what the quick run leaves out: mark its class [Trait(\"Category\", \"{category}\")].");
    }
}
