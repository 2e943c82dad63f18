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

    public string Name => "read";

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
        return Directory
            .EnumerateFiles(inputDirectory, "*.md", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(inputDirectory, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .Select(relative => new Document(
                SourcePaths.Display(Path.Combine(inputDirectory, relative)),
                OutputPathFor(relative),
                File.ReadAllText(Path.Combine(inputDirectory, relative)).Replace("\r\n", "\n")))
            .ToList();
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
