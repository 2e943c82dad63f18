using FichesSite.Pipeline;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace FichesSite.Markdown;

/// <summary>
/// Authors link to other pages by their source file, as on GitHub (« [Plan du site](../pages/plan-du-site.md) »),
/// or by their address in the site (« /plan-du-site/ »). Both become the relative URL of the built page,
/// ending in index.html so that the link also works from a file share.
/// </summary>
public sealed class LinkRewriter(Func<string, string?> outputPathOfSource)
{
    /// <summary>Rewrites the links of <paramref name="markdown"/> in place and lists them with their file line.</summary>
    public IReadOnlyList<MarkdownLink> Rewrite(MarkdownDocument markdown, Document page, DiagnosticBag diagnostics)
    {
        var links = new List<MarkdownLink>();
        foreach (var link in markdown.Descendants<LinkInline>())
        {
            var line = ParseMarkdownStage.FileLine(link.Line);
            if (string.IsNullOrEmpty(link.Url))
            {
                diagnostics.Error(page.SourcePath, line, "lien sans adresse.", "Écrivez l’adresse entre parenthèses : [texte](adresse).");
                continue;
            }
            var url = Rewrite(link.Url, page, line, diagnostics);
            link.Url = url;
            links.Add(new MarkdownLink(url, line));
        }
        return links;
    }

    private string Rewrite(string url, Document page, int line, DiagnosticBag diagnostics)
    {
        if (SiteUrls.IsExternal(url) || url.StartsWith('#'))
        {
            return url;
        }
        var hash = url.IndexOf('#');
        var (path, fragment) = hash < 0 ? (url, "") : (url[..hash], url[hash..]);

        if (path.StartsWith('/'))
        {
            var target = path.TrimStart('/');
            target = target.Length == 0 || target.EndsWith('/') ? target + "index.html" : target;
            return SiteUrls.Relative(page.OutputPath, target) + fragment;
        }
        if (path.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            var sourceFile = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page.SourcePath) ?? "", Uri.UnescapeDataString(path)));
            var output = outputPathOfSource(sourceFile);
            if (output is null)
            {
                diagnostics.Error(page.SourcePath, line, $"le lien « {url} » vise un fichier qui n’existe pas.",
                    "Vérifiez le nom du fichier .md visé et son dossier, relatif à ce fichier (par exemple ../pages/plan-du-site.md).");
                return url;
            }
            return SiteUrls.Relative(page.OutputPath, output) + fragment;
        }
        return url; // already relative to the page (an image, a PDF): checked after rendering
    }
}
