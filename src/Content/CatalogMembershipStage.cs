using FichesSite.Pipeline;
using FichesSite.Text;

namespace FichesSite.Content;

/// <summary>
/// A page's « service: » and « themes: » must name entries of services.yml and themes.yml: an unknown one is an error
/// at its line, with the nearest known name. Whether a page must name a service is its contract's (required_fields).
/// </summary>
public sealed class CatalogMembershipStage(SiteCatalog catalog) : IDocumentStage
{
    /// <summary>
    /// The most themes a sheet may name: a sheet is listed on each of its themes' pages, so without a bound the lists,
    /// and the build, would grow with sheets × themes; and a theme that groups everything helps no reader.
    /// </summary>
    public const int MostThemes = 5;

    public string Name => "service and themes";

    public Document Run(Document document, SiteProducts site, DiagnosticBag diagnostics)
    {
        if (!document.TryGet(FrontMatter.Key, out var frontMatter))
        {
            return document;
        }
        var file = document.SourcePath;
        if (frontMatter.Service is { } service && catalog.Service(service) is null)
        {
            Unknown(file, frontMatter.LineOf("service"), $"service inconnu « {service} ».", "service", service, catalog.Services.Select(s => s.Slug).ToList(), SiteCatalog.ServicesFile, diagnostics);
        }
        if (frontMatter.Themes.Count > MostThemes)
        {
            diagnostics.Error(file, frontMatter.LineOf("themes"), $"la fiche nomme {frontMatter.Themes.Count} thèmes ; elle peut en nommer au plus {MostThemes}.",
                "Gardez les thèmes où un lecteur chercherait cette fiche.");
            return document;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var theme in frontMatter.Themes)
        {
            if (catalog.Theme(theme) is null)
            {
                Unknown(file, frontMatter.LineOf("themes"), $"thème inconnu « {theme} ».", "thème", theme, catalog.Themes.Select(t => t.Slug).ToList(), SiteCatalog.ThemesFile, diagnostics);
            }
            else if (!seen.Add(theme))
            {
                diagnostics.Error(file, frontMatter.LineOf("themes"), $"le thème « {theme} » est donné deux fois.", "Gardez-le une seule fois dans « themes: ».");
            }
        }
        return document;
    }

    private static void Unknown(string file, int line, string message, string what, string slug, IReadOnlyList<string> known, string dataFile, DiagnosticBag diagnostics)
    {
        var nearest = NearestName.Find(slug, known);
        var fix = known.Count == 0
            ? $"Déclarez-le dans input/{dataFile} (son nom court, puis ses champs en retrait), ou retirez la ligne."
            : (nearest is null ? "" : $"Vouliez-vous écrire « {nearest} » ? ")
              + $"Écrivez le nom court d’un {what} de input/{dataFile} ({string.Join(", ", known.Take(12))}{(known.Count > 12 ? ", …" : "")}), ou déclarez-le dans ce fichier.";
        diagnostics.Error(file, line, message, fix);
    }
}
