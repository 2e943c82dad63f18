using System.Globalization;
using FichesSite.Content;
using FichesSite.Pipeline;
using FichesSite.Text;

namespace FichesSite.Build;

/// <summary>
/// « new &lt;kind&gt; "&lt;title&gt;" »: writes input/fiches/&lt;slug&gt;.md from its kind's contract (SheetTemplate), the
/// slug made from the title. Never replaces a file: a name already taken, in any case or Unicode form, is refused.
/// </summary>
public static class NewSheetCommand
{
    // A slug longer than this is cut at a word: addresses stay readable and far from file-name limits.
    private const int MaxSlugLength = 80;
    private const int MaxTitleLength = 200;
    private const string Command = "new";

    public static int Run(string inputDirectory, string kind, string title, TextWriter output, TextWriter errors)
    {
        var diagnostics = new DiagnosticBag();
        var path = Create(inputDirectory, kind, title.Trim(), diagnostics);
        foreach (var diagnostic in diagnostics.All)
        {
            errors.WriteLine(diagnostic);
        }
        if (path is null)
        {
            errors.WriteLine("Échec : aucune fiche n’a été écrite.");
            return 1;
        }
        output.WriteLine($"Fiche créée : {SourcePaths.Display(path)}. Remplacez chaque repère « [À compléter : …] », puis lancez « dotnet run --project Site.csproj -- check » : il liste ce qui reste à écrire.");
        return 0;
    }

    private static string? Create(string inputDirectory, string kind, string title, DiagnosticBag diagnostics)
    {
        // As the build reads them: the command offers exactly the kinds and services the build will accept.
        var contracts = BuildConfiguration.LoadContracts(inputDirectory, diagnostics);
        var catalog = BuildConfiguration.LoadCatalog(inputDirectory, diagnostics);
        if (contracts is null || catalog is null)
        {
            return null;
        }
        // The kinds of sheet: the contracts that ask for sections (« page » asks for none).
        var kinds = contracts.Where(c => c.Value.Sections.Count > 0).Select(c => c.Key).Order(StringComparer.Ordinal).ToList();
        if (!kinds.Contains(kind))
        {
            var nearest = NearestName.Find(kind, kinds);
            diagnostics.Error(Command, 0, $"type de fiche « {kind} » inconnu.",
                (nearest is null ? "" : $"Vouliez-vous dire « {nearest} » ? ") + $"Donnez l’un des types de input/contracts.yml : {string.Join(", ", kinds)}.");
            return null;
        }
        if (TitleProblem(title) is { } problem)
        {
            diagnostics.Error(Command, 0, $"titre refusé : {problem}.", "Donnez entre guillemets le titre de la fiche, sur une ligne, tel que les patients le liront.");
            return null;
        }
        var slug = Slug(title);
        var relative = "fiches/" + slug + ".md";
        if (slug.Length == 0 || SourceNames.Problem(relative) is not null)
        {
            diagnostics.Error(Command, 0, $"le titre « {title} » ne donne pas de nom de fichier.", "Donnez un titre qui contient des lettres ou des chiffres.");
            return null;
        }
        var address = SourceNames.Key(PageAddresses.OfSource(relative));
        if (ExistingSources(inputDirectory).FirstOrDefault(s => SourceNames.Key(PageAddresses.OfSource(s)) == address) is { } taken)
        {
            diagnostics.Error(SourcePaths.Display(Path.Combine(inputDirectory, taken)), 0, $"une page a déjà l’adresse de la nouvelle fiche « {relative} ».",
                "Choisissez un autre titre, ou complétez la fiche existante : rien n’a été remplacé.");
            return null;
        }
        var path = Path.Combine(inputDirectory, relative);
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        // The build reads no folder that a link leads out of the content folder: nor does « new » write there.
        if (ContainedPaths.Inside(inputDirectory, folder) is null)
        {
            diagnostics.Error(SourcePaths.Display(folder), 0, "le dossier des fiches mène hors du dossier de contenu (lien symbolique) : aucune fiche n’y est écrite.",
                "Remplacez le lien par un vrai dossier fiches/ dans le dossier de contenu.");
            return null;
        }
        try
        {
            // CreateNew: a file that appeared meanwhile is never replaced.
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            using var writer = new StreamWriter(file, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            writer.Write(SheetTemplate.For(kind, contracts[kind], title, catalog));
        }
        catch (IOException e) when (File.Exists(path))
        {
            diagnostics.Error(SourcePaths.Display(path), 0, $"le fichier existe déjà ({e.GetType().Name}).", "Choisissez un autre titre : rien n’a été remplacé.");
            return null;
        }
        return path;
    }

    private static string? TitleProblem(string title) =>
        title.Length == 0 ? "il est vide"
        : title.Length > MaxTitleLength ? $"il dépasse {MaxTitleLength} caractères"
        : title.Any(char.IsControl) ? "il contient un saut de ligne ou un caractère de contrôle"
        // Line and paragraph separators end a line in YAML; format characters (soft hyphen, zero-width space…) are unseen.
        : title.FirstOrDefault(c => char.GetUnicodeCategory(c) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Format) is var unseen and not '\0'
            ? $"il contient un caractère invisible (U+{(int)unseen:X4})"
        : HiddenCharacters.First(title) is { } hidden ? $"il contient un caractère invisible ({hidden})"
        : Placeholders.Find(title).Count > 0 ? "il contient un repère « [À compléter »"
        : null;

    // « Après l’examen : que faire ? » → « apres-l-examen-que-faire », cut at a word past MaxSlugLength.
    private static string Slug(string title)
    {
        var slug = AccentFolding.Fold(title, '-');
        if (slug.Length <= MaxSlugLength)
        {
            return slug;
        }
        var cut = slug.LastIndexOf('-', MaxSlugLength);
        return cut > 0 ? slug[..cut] : slug[..MaxSlugLength];
    }

    // Every Markdown source of the content folder, relative with « / », in any case of extension.
    private static IEnumerable<string> ExistingSources(string inputDirectory) =>
        Directory.Exists(inputDirectory)
            ? Directory.EnumerateFiles(inputDirectory, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(inputDirectory, f).Replace(Path.DirectorySeparatorChar, '/'))
                .Where(f => f.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
                .Select(f => f[..^3] + ".md")
            : [];
}
