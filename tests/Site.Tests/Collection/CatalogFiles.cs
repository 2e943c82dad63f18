using FichesSite.Content;
using FichesSite.Pipeline;

namespace FichesSite.Tests.Collection;

/// <summary>Reads one services.yml or themes.yml written by a test, alone, as the build reads them.</summary>
public static class CatalogFiles
{
    /// <param name="themes">Whether the text is themes.yml (else services.yml); the other file is absent.</param>
    /// <returns>The catalogue (null after an error) and what was reported, with the files shown as « services.yml », « themes.yml ».</returns>
    public static (SiteCatalog? Catalog, DiagnosticBag Diagnostics) Load(string yaml, bool themes)
    {
        var root = Directory.CreateTempSubdirectory("fiches-catalogue-").FullName;
        try
        {
            var (services, themesFile) = (Path.Combine(root, "services.yml"), Path.Combine(root, "themes.yml"));
            File.WriteAllText(themes ? themesFile : services, yaml);
            var diagnostics = new DiagnosticBag();
            return (CatalogFile.Load((services, "services.yml"), (themesFile, "themes.yml"), diagnostics), diagnostics);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
