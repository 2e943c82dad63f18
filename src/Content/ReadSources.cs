using FichesSite.Pipeline;

namespace FichesSite.Content;

/// <summary>
/// Turns every Markdown file under the input folder into a document, written where <see cref="PageAddresses.OfSource"/>
/// says, and refuses sources whose addresses would clash.
/// </summary>
public sealed class ReadSources(string inputDirectory) : ISiteStage
{
    /// <summary>Far above any real page (a sheet is a few kilobytes), low enough to keep memory bounded.</summary>
    public const long MaxFileBytes = 1024 * 1024;

    public string Name => "read";

    public BuildState Run(BuildState build, DiagnosticBag diagnostics) => build with { Documents = ReadAll(diagnostics) };

    private List<Document> ReadAll(DiagnosticBag diagnostics)
    {
        if (!Directory.Exists(inputDirectory))
        {
            diagnostics.Error(inputDirectory, 0, "dossier de contenu introuvable.",
                "Lancez la commande depuis la racine du dépôt, ou indiquez le dossier avec --input.");
            return [];
        }
        // Every file of the content folder, not only the pages: a Markdown file under another extension is refused
        // rather than left out, and attachments take part in the check of names that would be one on a file share.
        var listing = ContainedPaths.List(inputDirectory, recursive: true);
        foreach (var link in listing.Refused)
        {
            InputFiles.ReportLink(diagnostics, SourcePaths.Display(Path.Combine(inputDirectory, link.Relative)), link.IsDirectory, link.Verdict, "de contenu");
        }
        var sources = new List<string>();
        foreach (var relative in listing.Files)
        {
            if (SourceNames.IsMisnamedPage(relative))
            {
                diagnostics.Error(SourcePaths.Display(Path.Combine(inputDirectory, relative)), 0,
                    $"« {Path.GetFileName(relative)} » ne serait pas publié : une page s’enregistre en « {SourceNames.PageExtension} », en minuscules.",
                    $"Renommez le fichier « {Path.GetFileNameWithoutExtension(relative)}{SourceNames.PageExtension} ».");
            }
            else if (relative.EndsWith(SourceNames.PageExtension, StringComparison.Ordinal))
            {
                if (SourceNames.Problem(relative) is { } problem)
                {
                    diagnostics.Error(SourcePaths.Display(Path.Combine(inputDirectory, relative)), 0, problem, SourceNames.Fix);
                    continue;
                }
                sources.Add(relative);
            }
        }
        // Each file is a few system calls (size, read) that wait on the disk: read on every core, each into its place.
        // A plain parallel loop rather than PLINQ, whose machinery the JIT compiled at every start.
        var slots = new Document?[sources.Count];
        Parallel.For(0, sources.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            i => slots[i] = Read(sources[i], diagnostics));
        var read = slots.OfType<Document>().ToList();
        var otherFiles = listing.Files.Where(f => !f.EndsWith(SourceNames.PageExtension, StringComparison.Ordinal)).ToList();
        ReportSharedAddresses(read, otherFiles, diagnostics);
        ReportFoldersThatAreFiles(read, otherFiles, diagnostics);
        return read;
    }

    /// <summary>The site's folder of the theme's files and the search index, which no page may take a place in.</summary>
    private const string AssetsFolder = PageAddresses.AssetsFolder;

    /// <summary>
    /// A page is a folder of the site (x/index.html), and a content file is copied to its own path: refused when a
    /// folder on its way is a file the site holds (another content file, a file the build writes at the root), or
    /// when it lies in the site's assets/ folder, which is the theme's and the search index's. Compared as
    /// <see cref="ReportSharedAddresses"/> compares, as a Windows share would; one lookup per folder level.
    /// </summary>
    private void ReportFoldersThatAreFiles(IReadOnlyList<Document> documents, IReadOnlyList<string> otherFiles, DiagnosticBag diagnostics)
    {
        var files = new HashSet<string>(documents.Select(d => d.OutputPath).Concat(otherFiles).Concat(SiteRootFiles.All).Select(SourceNames.Key), StringComparer.Ordinal);
        var assets = SourceNames.Key(AssetsFolder);
        var sitePaths = documents.Select(d => (SitePath: d.OutputPath, Source: d.SourcePath, What: "la page"))
            .Concat(otherFiles.Select(f => (SitePath: f, Source: SourcePaths.Display(Path.Combine(inputDirectory, f)), What: "le fichier")));
        foreach (var (path, source, what) in sitePaths)
        {
            if (SourceNames.Key(path).StartsWith(assets, StringComparison.Ordinal))
            {
                diagnostics.Error(source, 0, $"{what} {path} serait rangé(e) dans le dossier {AssetsFolder} du site, qui est celui du thème.",
                    "Renommez ou déplacez-le hors d’un dossier « assets » (les images d’une fiche vont dans input/fiches/images/).");
                continue;
            }
            for (var slash = path.IndexOf('/'); slash >= 0; slash = path.IndexOf('/', slash + 1))
            {
                if (files.Contains(SourceNames.Key(path[..slash])))
                {
                    diagnostics.Error(source, 0, $"{what} {path} irait dans un dossier « {path[..slash]} » qui est déjà un fichier du site.",
                        "Renommez-le : le nom d’un dossier ou d’une page ne doit pas être celui d’un fichier du site (par exemple sitemap.xml, ou un fichier joint).");
                    break;
                }
            }
        }
    }

    // The listing followed no link out of the folder, and refused those that lead out: each file is read where it is.
    private Document? Read(string relative, DiagnosticBag diagnostics)
    {
        var path = Path.Combine(inputDirectory, relative);
        var display = SourcePaths.Display(path);
        var size = new FileInfo(path).Length;
        if (size > MaxFileBytes)
        {
            // Refused before reading: a sheet is a few kilobytes, so this is a wrong file, and memory stays bounded.
            diagnostics.Error(display, 0, $"fichier trop volumineux ({size / 1024} Ko ; une page en fait au plus {MaxFileBytes / 1024}).",
                "Vérifiez qu’il ne s’agit pas d’un fichier collé par erreur, ou découpez le contenu en plusieurs fiches.");
            return null;
        }
        // Nothing to read is not opened: a named pipe, which has no size, would wait for a writer forever.
        var text = size == 0 ? "" : InputFiles.ReadUtf8(path, display, diagnostics);
        return text is null ? null : new Document(display, PageAddresses.OfSource(relative), text);
    }

    /// <summary>
    /// Two sources written to one page (pages/fiches/x.md and fiches/x.md), or two files of the site that only case or
    /// the Unicode form of their accents tell apart (Cafe.md and cafe.md; café.md composed and decomposed), which a
    /// Windows share or a Mac takes for one: neither wins silently. <paramref name="otherFiles"/> are the content's
    /// other files, copied into the site at the same path when a page links to them.
    /// </summary>
    private void ReportSharedAddresses(IReadOnlyList<Document> documents, IEnumerable<string> otherFiles, DiagnosticBag diagnostics)
    {
        var sitePaths = documents.Select(d => (SitePath: d.OutputPath, Source: d.SourcePath))
            .Concat(otherFiles.Select(f => (SitePath: f, Source: SourcePaths.Display(Path.Combine(inputDirectory, f)))));
        foreach (var clash in sitePaths.GroupBy(p => SourceNames.Key(p.SitePath), StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var files = string.Join(" et ", clash.Select(p => p.Source));
            var samePath = clash.Select(p => p.SitePath).Distinct(StringComparer.Ordinal).Count() == 1;
            foreach (var (sitePath, source) in clash)
            {
                if (samePath)
                {
                    diagnostics.Error(source, 0, $"{files} donneraient la même page {sitePath}.",
                        "Renommez ou déplacez l’un des deux fichiers : chaque page doit avoir sa propre adresse.");
                    continue;
                }
                diagnostics.Error(source, 0,
                    $"{files} ne diffèrent que par les majuscules ou la façon d’écrire les accents : sur un partage Windows ou un Mac, ils seraient un seul fichier ({sitePath}).",
                    "Renommez l’un des deux fichiers (ou réunissez-les) : deux noms doivent différer par autre chose que les majuscules ou la forme des accents.");
            }
        }
    }
}
