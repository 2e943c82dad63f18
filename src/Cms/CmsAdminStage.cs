using System.Text;
using FichesSite.Content;
using FichesSite.Pipeline;

namespace FichesSite.Cms;

/// <summary>
/// The web editor at admin/, when site.yml has « cms: »: its page (<see cref="AdminPage"/>), its generated config.yml
/// (<see cref="DecapConfig"/>) and a byte-for-byte copy of Decap CMS's bundle from its npm package, added to the site's
/// generated files. They are no pages: the sitemap, the search index, the site map and the link check never see them.
/// </summary>
/// <param name="bundleDirectory">The package's dist/ folder (BuildOptions.CmsBundleDirectory), installed by .ci/install-test-tools.</param>
/// <param name="siteFile">site.yml as messages name it.</param>
public sealed class CmsAdminStage(
    CmsSettings cms,
    string bundleDirectory,
    string siteFile,
    string siteName,
    IReadOnlyDictionary<string, ContentContract> contracts,
    SiteCatalog catalog,
    IReadOnlyDictionary<string, string> words) : ISiteStage
{
    public const string InstallCommand = "bash .ci/install-test-tools";

    public string Name => "web editor";

    public BuildState Run(BuildState build, DiagnosticBag diagnostics)
    {
        // admin/ is the editor's: a page there would be replaced by it, or replace it.
        foreach (var page in build.Documents.Where(d => d.OutputPath.StartsWith(AdminPage.Folder + "/", StringComparison.Ordinal)))
        {
            diagnostics.Error(page.SourcePath, 0, $"l’adresse « {page.OutputPath} » de cette page est dans admin/, le dossier de l’éditeur en ligne.",
                "Renommez la page (ou son dossier) : tant que site.yml a « cms: », admin/ est réservé à l’éditeur.");
        }
        if (diagnostics.HasErrors)
        {
            return build; // nothing will be published
        }
        var bundle = BundleFiles(bundleDirectory);
        if (bundle is null)
        {
            diagnostics.Error(siteFile, cms.Line,
                $"l’éditeur en ligne (« cms: ») demande Decap CMS, introuvable : {SourcePaths.Display(Path.Combine(bundleDirectory, AdminPage.Script))} n’existe pas.",
                $"Installez-le depuis la racine du dépôt avec « {InstallCommand} » (npm), puis relancez ; ou retirez la section « cms: » de site.yml.");
            return build;
        }
        var files = new Dictionary<string, byte[]>(build.Products.TryGet(GeneratedFiles.SiteKey, out var generated) ? generated : new Dictionary<string, byte[]>(), StringComparer.Ordinal)
        {
            [AdminPage.Folder + "/index.html"] = Encoding.UTF8.GetBytes(AdminPage.Html(cms, siteName, words.GetValueOrDefault("page_title", "Decap CMS"))),
            [AdminPage.Folder + "/config.yml"] = Encoding.UTF8.GetBytes(DecapConfig.Write(cms, contracts, catalog, words)),
        };
        foreach (var (name, path) in bundle)
        {
            files[AdminPage.Folder + "/" + name] = File.ReadAllBytes(path);
        }
        return build.With(GeneratedFiles.SiteKey, files);
    }

    /// <summary>
    /// The files of the bundle the editor loads, by name: its entry script, the chunks it loads on demand from beside it
    /// (« 103.decap-cms.js »…), their WebAssembly and the licences they carry; not the source maps. Null without the entry script.
    /// </summary>
    public static IReadOnlyList<(string Name, string Path)>? BundleFiles(string directory)
    {
        if (!File.Exists(Path.Combine(directory, AdminPage.Script)))
        {
            return null;
        }
        return Directory.EnumerateFiles(directory)
            .Select(path => (Name: Path.GetFileName(path), Path: path))
            .Where(f => f.Name is AdminPage.Script or AdminPage.Script + ".LICENSE.txt"
                        || f.Name.EndsWith("." + AdminPage.Script, StringComparison.Ordinal)
                        || f.Name.EndsWith(".wasm", StringComparison.Ordinal))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
    }
}
