using FichesSite.Pipeline;

namespace FichesSite.Content;

/// <summary>
/// Turns every Markdown file under the input folder into a document, and decides where it will be
/// written. Every page becomes a folder with an index.html, linked as …/index.html so that the site
/// also works opened from a file share, where no server adds the index.html.
/// </summary>
public sealed class ReadSources(string inputDirectory) : ISiteStage
{
    /// <summary>Where patient sheets live, in the input folder and in the site alike.</summary>
    public const string FichesFolder = "fiches/";

    /// <summary>Far above any real page (a sheet is a few kilobytes), low enough to keep memory bounded.</summary>
    public const long MaxFileBytes = 1024 * 1024;

    public string Name => "read";

    /// <summary>
    /// Where the pdf command prints a sheet's handout: fiches/x/index.html → pdf/x.pdf; any other page under
    /// fiches/ gets a bounded, unique name (<see cref="HandoutPath"/>). The page links to it once it exists.
    /// </summary>
    public static string HandoutPathFor(string ficheOutputPath) => HandoutPath.For(ficheOutputPath);

    /// <summary>True for the pages of patient sheets (listed on the home page, held to a sheet contract).</summary>
    public static bool IsFiche(string outputPath) => outputPath.StartsWith(FichesFolder, StringComparison.Ordinal);

    public IReadOnlyList<Document> Run(IReadOnlyList<Document> documents, DiagnosticBag diagnostics)
    {
        if (!Directory.Exists(inputDirectory))
        {
            diagnostics.Error(inputDirectory, 0, "dossier de contenu introuvable.",
                "Lancez la commande depuis la racine du dépôt, ou indiquez le dossier avec --input.");
            return [];
        }
        var sources = Directory
            .EnumerateFiles(inputDirectory, "*.md", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(inputDirectory, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();
        // Each file is a few system calls (link check, size, read) that wait on the disk: read on every core, each
        // into its place. A plain parallel loop rather than PLINQ, whose machinery the JIT compiled at every start.
        var slots = new Document?[sources.Length];
        Parallel.For(0, sources.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            i => slots[i] = Read(sources[i], diagnostics));
        var read = slots.OfType<Document>().ToList();
        ReportSharedAddresses(read, diagnostics);
        return read;
    }

    private Document? Read(string relative, DiagnosticBag diagnostics)
    {
        var path = Path.Combine(inputDirectory, relative);
        var display = SourcePaths.Display(path);
        if (InputFiles.EscapesFolder(inputDirectory, path))
        {
            diagnostics.Error(display, 0, "ce fichier est un lien symbolique vers un fichier hors du dossier de contenu.",
                "Copiez le fichier dans le dossier de contenu au lieu d’y faire un lien.");
            return null;
        }
        var size = new FileInfo(path).Length;
        if (size > MaxFileBytes)
        {
            // Refused before reading: a sheet is a few kilobytes, so this is a wrong file, and memory stays bounded.
            diagnostics.Error(display, 0, $"fichier trop volumineux ({size / 1024} Ko ; une page en fait au plus {MaxFileBytes / 1024}).",
                "Vérifiez qu’il ne s’agit pas d’un fichier collé par erreur, ou découpez le contenu en plusieurs fiches.");
            return null;
        }
        var text = InputFiles.ReadUtf8(path, display, diagnostics);
        return text is null ? null : new Document(display, OutputPathFor(relative), text);
    }

    // Two sources that would be written to the same page (pages/fiches/x.md and fiches/x.md): neither wins silently.
    private static void ReportSharedAddresses(IReadOnlyList<Document> documents, DiagnosticBag diagnostics)
    {
        foreach (var clash in documents.GroupBy(d => d.OutputPath, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var files = string.Join(" et ", clash.Select(d => d.SourcePath));
            foreach (var document in clash)
            {
                diagnostics.Error(document.SourcePath, 0, $"{files} donneraient la même page {clash.Key}.",
                    "Renommez ou déplacez l’un des deux fichiers : chaque page doit avoir sa propre adresse.");
            }
        }
    }

    /// <summary>
    /// Where a source file (relative to the input folder) is written in the site:
    /// pages/index.md → index.html, pages/404.md → 404.html (where web servers look for it),
    /// pages/x.md → x/index.html, fiches/x.md → fiches/x/index.html.
    /// </summary>
    public static string OutputPathFor(string relativeSource)
    {
        var withoutExtension = relativeSource[..^".md".Length];
        return withoutExtension switch
        {
            "pages/index" => "index.html",
            "pages/404" => "404.html",
            _ when withoutExtension.StartsWith("pages/", StringComparison.Ordinal) =>
                withoutExtension["pages/".Length..] + "/index.html",
            _ => withoutExtension + "/index.html",
        };
    }
}
