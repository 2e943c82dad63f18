using FichesSite.Pipeline;

namespace FichesSite.Build;

/// <summary>
/// The mark of a site this generator built (<see cref="FolderMark"/>): a small file at its root, written into
/// every staging folder, so it is in every site the build publishes. The generator replaces or deletes only a folder
/// that carries it (or an empty one): a folder without it is someone else's, whatever its name.
/// </summary>
public static class SiteMark
{
    public const string FileName = SiteRootFiles.Mark;

    // Fixed bytes, no date nor version: the same input gives the same site byte for byte, and a site built by an
    // earlier version of the generator is still recognised. Never change them.
    private static readonly FolderMark Mark = new(FileName,
        "fiches-site\nCe dossier est un site construit par le générateur de fiches d’information patients.\nChaque construction le remplace en entier : n’y rangez rien d’autre.\n");

    /// <summary>True when <paramref name="folder"/> holds the mark as a plain file (not a link) with its exact bytes.</summary>
    public static bool IsOn(string folder) => Mark.IsOn(folder);

    /// <summary>
    /// Why a command that adds to a built site (pdf) may not write into <paramref name="site"/>, or null: it must be
    /// a folder, not a link, that carries the mark, and none of the <paramref name="subfolders"/> it writes in may be a
    /// link either (what the command writes there would land where the link leads).
    /// </summary>
    public static OutputProblem? SiteProblem(string site, params string[] subfolders)
    {
        if (OutputFolder.EmptyOption("--output", site) is { } empty)
        {
            return empty;
        }
        const string build = "Donnez avec --output le dossier d’un site construit par ce générateur (par défaut _site), après l’avoir construit.";
        if (new FileInfo(Path.GetFullPath(site).TrimEnd(Path.DirectorySeparatorChar)).LinkTarget is { } link)
        {
            return new OutputProblem($"le dossier « {site} » est un lien symbolique (vers « {link} ») : la commande n’écrit que dans le dossier d’un site construit.",
                "Donnez le chemin du dossier du site lui-même avec --output.");
        }
        if (Directory.Exists(site) && !IsOn(site))
        {
            return new OutputProblem($"le dossier « {site} » n’est pas un site construit par ce générateur (il n’a pas de fichier {FileName}) : la commande n’y écrit rien.", build);
        }
        foreach (var subfolder in subfolders)
        {
            if (new FileInfo(Path.Combine(site, subfolder)).LinkTarget is { } inner)
            {
                return new OutputProblem($"le dossier {subfolder}/ du site « {site} » est un lien symbolique (vers « {inner} ») : la commande n’écrit pas hors du site.",
                    "Supprimez ce lien, puis reconstruisez le site : la construction n’écrit jamais de lien symbolique.");
            }
        }
        return null;
    }

    /// <summary>Marks a folder the build has just created; fails if a file of that name is already there.</summary>
    public static void WriteInto(string folder) => Mark.WriteInto(folder);
}
