using FichesSite.Markdown;
using FichesSite.Pipeline;

namespace FichesSite.Links;

/// <summary>
/// Checks every internal link and #anchor of the finished pages, the theme's as well as the
/// authors', against the files and ids the site will hold (as LinkScanStage read them). A broken
/// link fails the build, named by the source line when an author wrote it. Only the canonical link
/// is left out: it must be absolute.
/// </summary>
/// <param name="baseUrl">
/// The site's own absolute address: links that start with it are checked as internal, and so are the 404 page's, which
/// start with its path (<see cref="PageAddresses.Link"/>).
/// </param>
/// <param name="keepLinks">
/// For the preview, which tells changed pages by their Document instance: pages come out as they came in. A plain
/// build lets each page's links go once checked, before the search index is built on top of them.
/// </param>
public sealed class LinkCheckStage(IReadOnlyCollection<string> otherSiteFiles, string? baseUrl, bool keepLinks = false) : ISiteStage
{
    public string Name => "check links";

    private readonly string _notFoundRoot = PageAddresses.NotFoundRoot(baseUrl);

    public BuildState Run(BuildState build, DiagnosticBag diagnostics)
    {
        var documents = build.Documents;
        var pages = documents.Where(d => !diagnostics.HasErrorsFor(d.SourcePath)).ToList();
        var idsByPage = pages.ToDictionary(p => p.OutputPath, p => p.Get(PageLinks.Key).Ids, StringComparer.Ordinal);
        // Pages that failed earlier exist, but their anchors are unknown: links to them are not judged.
        var files = new HashSet<string>(otherSiteFiles.Concat(PageOutline.AttachmentsOf(pages)).Concat(GeneratedFiles.PathsOf(pages)).Concat(documents.Select(d => d.OutputPath)), StringComparer.Ordinal);

        Parallel.ForEach(pages, page =>
        {
            var links = page.Get(PageLinks.Key);
            Dictionary<string, int>? authorLines = null;
            foreach (var url in links.Urls)
            {
                var problem = Judge(page.OutputPath, url, links, idsByPage, files);
                if (problem is not null)
                {
                    authorLines ??= AuthorLines(page);
                    Report(page, url, problem, authorLines, diagnostics);
                }
            }
        });
        // Nothing after this stage reads a page's links.
        return keepLinks ? build : build with { Documents = documents.Select(d => d.Without(PageLinks.Key)).ToList() };
    }

    private string? Judge(string fromPage, string url, PageLinks links, Dictionary<string, HashSet<string>> idsByPage, HashSet<string> files)
    {
        // A path after the base URL resolves as from a page at the site's root.
        if (baseUrl is not null && url.StartsWith(baseUrl, StringComparison.Ordinal))
        {
            return Problem(PageAddresses.HomePage, url[baseUrl.Length..], idsByPage, files);
        }
        // The 404 page's links start with the base URL's path (PageAddresses.Link): after it, the same.
        if (fromPage == PageAddresses.NotFoundPage && url.StartsWith('/') && !SiteUrls.IsExternal(url))
        {
            return url.StartsWith(_notFoundRoot, StringComparison.Ordinal)
                ? Problem(PageAddresses.HomePage, url[_notFoundRoot.Length..], idsByPage, files)
                : $"il ne commence pas par « {_notFoundRoot} », le chemin de l’adresse de base du site";
        }
        if (links.Fetched.Contains(url) && SiteUrls.IsExternal(url))
        {
            return "la page irait chercher ce fichier hors du site (aucune requête ne doit quitter le site : ni CDN, ni police, ni statistiques externes)";
        }
        return Problem(fromPage, url, idsByPage, files);
    }

    private static string? Problem(string fromPage, string url, Dictionary<string, HashSet<string>> idsByPage, HashSet<string> files)
    {
        if (SiteUrls.IsExternal(url))
        {
            return null;
        }
        var hash = url.IndexOf('#');
        var (path, fragment) = hash < 0 ? (url, null) : (url[..hash], url[(hash + 1)..]);
        path = path.Split('?')[0];
        var target = path.Length == 0 ? fromPage : SiteUrls.Resolve(fromPage, path);
        if (target is null)
        {
            return "il sort du dossier du site";
        }
        if (target.Length == 0 || target.EndsWith('/'))
        {
            return "il vise un dossier : sans serveur (partage de fichiers), seul un lien vers …/index.html fonctionne";
        }
        if (idsByPage.TryGetValue(target, out var ids))
        {
            return fragment is null or "" || ids.Contains(Uri.UnescapeDataString(fragment)) ? null : $"la page {target} n’a pas d’ancre « #{fragment} »";
        }
        return files.Contains(target) ? null : $"le fichier {target} n’existe pas dans le site";
    }

    // The line where the author first wrote each URL of the page: looked up once per broken link, where searching the
    // page's links for each made a page of 80,000 broken links take 80,000² steps.
    private static Dictionary<string, int> AuthorLines(Document page)
    {
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var link in page.Get(PageOutline.Key).Links)
        {
            lines.TryAdd(link.Url, link.Line);
        }
        return lines;
    }

    private static void Report(Document page, string url, string problem, Dictionary<string, int> authorLines, DiagnosticBag diagnostics)
    {
        if (authorLines.TryGetValue(url, out var line))
        {
            diagnostics.Error(page.SourcePath, line, $"lien cassé « {url} » : {problem}.",
                "Corrigez l’adresse : un lien vers une autre page vise son fichier .md (../fiches/nom.md), une ancre vise un titre existant (#nom-du-titre).");
        }
        else
        {
            diagnostics.Error(page.SourcePath, 0, $"lien cassé « {url} » produit par le thème : {problem}.",
                "Corrigez le gabarit (theme/layouts/ ou theme/partials/) qui écrit ce lien, ou ajoutez le fichier visé dans theme/assets/.");
        }
    }
}
