using FichesSite.Pipeline;
using FichesSite.Rendering;

namespace FichesSite.Build;

/// <summary>
/// The theme's static files (theme/assets/**), copied to assets/ in the site as they are, but those a page holds in
/// itself and none links (<see cref="WrittenIntoPages"/>). Listed without entering linked folders; a link that leads
/// out of the theme is left out here and reported by BuildConfiguration.
/// </summary>
public sealed class ThemeAssets(string themeDirectory)
{
    private readonly string _root = Path.Combine(themeDirectory, "assets");

    /// <summary>
    /// The theme's files written into a page rather than linked: the 404 page's script, which that page holds in a
    /// script element (its stylesheets are left in, since every other page links them). A copy would be a file nothing
    /// loads.
    /// </summary>
    public static IReadOnlyList<string> WrittenIntoPages { get; } = [NotFoundPage.ScriptPath];

    /// <summary>Site paths of the assets ("assets/css/site.css"), in a stable order, listed once: the link check and the copy read the same list.</summary>
    public IReadOnlyList<string> SitePaths => _sitePaths ??=
        ContainedPaths.Inside(themeDirectory, _root) is null
            ? []
            : ContainedPaths.List(_root, recursive: true).Files.Select(f => PageAddresses.AssetsFolder + f)
                .Where(p => !WrittenIntoPages.Contains(p, StringComparer.Ordinal)).ToList();

    private IReadOnlyList<string>? _sitePaths;

    public void CopyTo(string siteDirectory)
    {
        foreach (var sitePath in SitePaths)
        {
            // Copied from where it really is, and only if that is still inside the theme.
            if (ContainedPaths.Inside(themeDirectory, Path.Combine(_root, sitePath[PageAddresses.AssetsFolder.Length..])) is not { } source)
            {
                throw new IOException($"« {sitePath} » du thème mène hors du dossier du thème par un lien symbolique.");
            }
            var destination = Path.Combine(siteDirectory, sitePath);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(source, destination, overwrite: true);
        }
    }
}
