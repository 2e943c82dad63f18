namespace FichesSite.Build;

/// <summary>The theme's static files (theme/assets/**), copied to assets/ in the site as they are.</summary>
public sealed class ThemeAssets(string themeDirectory)
{
    private readonly string _root = Path.Combine(themeDirectory, "assets");

    /// <summary>Site paths of the assets ("assets/css/site.css"), in a stable order.</summary>
    public IReadOnlyList<string> SitePaths =>
        !Directory.Exists(_root)
            ? []
            : Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories)
                .Select(f => "assets/" + Path.GetRelativePath(_root, f).Replace('\\', '/'))
                .Order(StringComparer.Ordinal)
                .ToList();

    public void CopyTo(string siteDirectory)
    {
        foreach (var sitePath in SitePaths)
        {
            var destination = Path.Combine(siteDirectory, sitePath);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(Path.Combine(_root, sitePath["assets/".Length..]), destination, overwrite: true);
        }
    }
}
