using System.Collections.Concurrent;
using FichesSite.Pipeline;
using Markdig.Helpers;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace FichesSite.Markdown;

/// <summary>
/// Authors link to other pages by their source file, as on GitHub (« [Plan du site](../pages/plan-du-site.md) »),
/// or by their address in the site (« /plan-du-site/ »). Both become the relative URL of the built page (on the 404
/// page, its path from the site's root: <see cref="PageAddresses.Link"/>), ending in index.html so that the link also works from a file share. Images and other files
/// (« ![Schéma](images/rachis.png) ») are taken from the content folder and copied beside the pages.
/// </summary>
/// <param name="inputDirectory">The content folder: no link may lead out of it.</param>
/// <param name="pageOfSource">Where the page of a Markdown file (relative to the content folder) is written.</param>
/// <param name="notFoundRoot">Where the 404 page's links start (<see cref="PageAddresses.NotFoundRoot"/>): its body's links too.</param>
public sealed class LinkRewriter(string inputDirectory, Func<string, string> pageOfSource, string notFoundRoot = "/")
{
    private readonly string _root = Path.GetFullPath(inputDirectory).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;

    // Each file a link names is checked once per build (this rewriter lives for one build): pages link to the same
    // sheets and images, and each check is a few system calls (existence, symbolic links), which were a seventh of
    // the parse stage.
    private readonly ConcurrentDictionary<string, FileCheck> _checked = new(StringComparer.Ordinal);

    private enum FileCheck
    {
        Inside,
        OutsideFolder,
        Missing,
    }

    /// <summary>
    /// Rewrites the links and images of a page in place; lists them and the files to copy. Checks every other address
    /// the page writes (autolinks, reference definitions) against the same <see cref="UrlPolicy"/>.
    /// </summary>
    /// <param name="published">Which links the built page keeps (null: all). Every link is checked; only those are
    /// listed, and only their files copied (the public site's page without its « ::: interne » blocks).</param>
    public (IReadOnlyList<MarkdownLink> Links, IReadOnlyList<string> Attachments) Rewrite(SyntaxNodes nodes, Document page, DiagnosticBag diagnostics,
        Func<LinkInline, bool>? published = null)
    {
        // A definition that links use is judged at each link, with the link's line; one that none uses, on its own
        // line (its address is as written: Markdig decodes entities only when a link takes it).
        var used = nodes.Definitions.Count == 0 ? [] : nodes.Links.Select(l => l.Reference).OfType<LinkReferenceDefinition>().ToHashSet();
        foreach (var definition in nodes.Definitions.Where(d => !used.Contains(d)))
        {
            Refuse(HtmlHelper.Unescape(definition.Url ?? ""), page, ParseMarkdownStage.FileLine(definition.Line), diagnostics);
        }
        foreach (var autolink in nodes.Autolinks)
        {
            Refuse(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url, page, ParseMarkdownStage.FileLine(autolink.Line), diagnostics);
        }
        var links = new List<MarkdownLink>();
        var attachments = new List<string>();
        foreach (var link in nodes.Links)
        {
            var line = ParseMarkdownStage.FileLine(link.Line);
            if (link.IsImage && InlineText.Of(link).Length == 0)
            {
                diagnostics.Error(page.SourcePath, line, "image sans texte de remplacement.",
                    "Décrivez l’image entre les crochets pour les personnes qui ne la voient pas : ![Schéma de la colonne vertébrale](…).");
            }
            if (string.IsNullOrEmpty(link.Url))
            {
                diagnostics.Error(page.SourcePath, line, "lien sans adresse.", "Écrivez l’adresse entre parenthèses : [texte](adresse).");
                continue;
            }
            var kept = published?.Invoke(link) ?? true;
            var url = Rewrite(link, page, line, kept ? attachments : [], diagnostics);
            link.Url = url;
            if (kept)
            {
                links.Add(new MarkdownLink(AsWrittenInPage(url), line));
            }
        }
        return (links, attachments);
    }

    /// <summary>
    /// The address as the page's HTML carries it: Markdig percent-encodes spaces, « &lt; », letters outside ASCII…
    /// The link check reads the finished page and finds the author's line by this form (else it blamed the theme).
    /// </summary>
    private static string AsWrittenInPage(string url)
    {
        if (!url.AsSpan().ContainsAnyExcept(PlainUrlCharacters))
        {
            return url;
        }
        var writer = new StringWriter();
        new HtmlRenderer(writer).WriteEscapeUrl(url);
        return System.Net.WebUtility.HtmlDecode(writer.ToString());
    }

    // Characters Markdig writes in an address as they are.
    private static readonly System.Buffers.SearchValues<char> PlainUrlCharacters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#@!$'()*+,;=%");

    /// <returns>True, with the error, for an address that <see cref="UrlPolicy"/> refuses.</returns>
    private static bool Refuse(string url, Document page, int line, DiagnosticBag diagnostics)
    {
        switch (UrlPolicy.Judge(url))
        {
            case UrlPolicy.Verdict.RefusedScheme:
                diagnostics.Error(page.SourcePath, line, $"adresse refusée « {url} » : seules les adresses {UrlPolicy.AllowedSchemesText} sont permises.",
                    "Remplacez-la par l’adresse d’une page web (https://…) ou d’une page du site.");
                return true;
            case UrlPolicy.Verdict.HiddenCharacters:
                diagnostics.Error(page.SourcePath, line, $"adresse refusée « {url} » : elle commence ou finit par une espace, ou contient une tabulation, un retour à la ligne ou un autre caractère invisible.",
                    "Réécrivez l’adresse sans ces caractères (pour une espace dans un nom de fichier, écrivez %20).");
                return true;
            case UrlPolicy.Verdict.InvalidPunycode:
                PunycodeLabels.Report(url, PunycodeLabels.InAddress(url)!, page.SourcePath, line, diagnostics);
                return true;
            default:
                return false;
        }
    }

    private string Rewrite(LinkInline link, Document page, int line, List<string> attachments, DiagnosticBag diagnostics)
    {
        var url = link.Url!;
        if (Refuse(url, page, line, diagnostics) || SiteUrls.IsExternal(url))
        {
            return url;
        }
        if (url.StartsWith('#'))
        {
            return url;
        }
        var hash = url.IndexOf('#');
        var (path, fragment) = hash < 0 ? (url, "") : (url[..hash], url[hash..]);

        if (path.StartsWith('/'))
        {
            return PageAddresses.Link(page.OutputPath, PageAddresses.FromRoot(path), notFoundRoot) + fragment;
        }

        var file = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page.SourcePath) ?? "", Uri.UnescapeDataString(path)));
        var check = _checked.GetOrAdd(file, static (file, root) =>
            !file.StartsWith(root, StringComparison.Ordinal) || InputFiles.EscapesFolder(root, file) ? FileCheck.OutsideFolder
            : File.Exists(file) ? FileCheck.Inside
            : FileCheck.Missing, _root);
        if (check == FileCheck.OutsideFolder)
        {
            diagnostics.Error(page.SourcePath, line, $"le lien « {url} » sort du dossier de contenu.",
                "Placez le fichier visé dans le dossier de contenu (input/) et faites le lien depuis ce fichier-ci.");
            return url;
        }
        if (check == FileCheck.Missing)
        {
            diagnostics.Error(page.SourcePath, line, $"le lien « {url} » vise un fichier qui n’existe pas.",
                "Vérifiez le nom et le dossier du fichier visé, écrit par rapport à ce fichier-ci (par exemple ../pages/plan-du-site.md ou images/schema.png).");
            return url;
        }
        var relative = file[_root.Length..].Replace('\\', '/');
        if (relative.EndsWith(PageAddresses.SourceExtension, StringComparison.OrdinalIgnoreCase))
        {
            return PageAddresses.Link(page.OutputPath, pageOfSource(relative), notFoundRoot) + fragment;
        }
        if (!AttachmentTypes.IsAllowed(relative))
        {
            var type = Path.GetExtension(relative) is { Length: > 0 } extension ? $"de type « {extension} »" : "sans extension";
            diagnostics.Error(page.SourcePath, line, $"le lien « {url} » vise un fichier {type}, qui n’est pas permis dans le site.",
                $"Le site ne publie que {AttachmentTypes.Described} : un autre type de fichier (page web, image SVG, script…) pourrait exécuter du code sur le site. Enregistrez le document en PDF ou l’image en PNG, et faites le lien vers ce fichier.");
            return url;
        }
        if (Content.SourceNames.Problem(relative) is { } problem)
        {
            // Copied into the site under its own name: the same rule as a page's (the mirror is often a Windows share).
            diagnostics.Error(page.SourcePath, line, $"le lien « {url} » vise un fichier dont {problem}", Content.SourceNames.Fix);
            return url;
        }
        attachments.Add(relative); // an image or document: copied to the same place in the site
        return PageAddresses.Link(page.OutputPath, relative, notFoundRoot) + fragment;
    }
}
