namespace FichesSite.Tests;

public sealed class DeterminismTests
{
    [Fact]
    public void Two_builds_are_byte_identical()
    {
        using var site = new TestSite();
        var first = Path.Combine(site.Root, "first");
        var second = Path.Combine(site.Root, "second");
        Assert.True(site.Build(first).Succeeded);
        Assert.True(site.Build(second).Succeeded);

        var firstFiles = Files(first);
        Assert.Equal(firstFiles, Files(second));
        Assert.Contains("fiches/cimentoplastie-metastases-osseuses/index.html", firstFiles);
        foreach (var file in firstFiles)
        {
            Assert.True(
                File.ReadAllBytes(Path.Combine(first, file)).SequenceEqual(File.ReadAllBytes(Path.Combine(second, file))),
                $"{file} differs between two builds of the same input");
        }
    }

    [Fact]
    public void A_rebuild_replaces_the_previous_site_and_leaves_no_temporary_folder()
    {
        using var site = new TestSite();
        Directory.CreateDirectory(site.Output);
        File.WriteAllText(Path.Combine(site.Output, "stale.html"), "old");
        Assert.True(site.Build().Succeeded);
        Assert.False(File.Exists(Path.Combine(site.Output, "stale.html")));
        Assert.Equal(["_site", "input"], Directory.EnumerateDirectories(site.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    private static List<string> Files(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
}
