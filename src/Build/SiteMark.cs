using FichesSite.Pipeline;

namespace FichesSite.Build;

/// <summary>
/// The mark of a folder this generator made: a small file at its root, written first into every staging folder, so
/// it is in every site the build publishes. The generator replaces or deletes only a folder that carries it (or an
/// empty one): a folder without it is someone else's, whatever its name.
/// </summary>
public static class SiteMark
{
    public const string FileName = SiteRootFiles.Mark;

    // Fixed bytes, no date nor version: the same input gives the same site byte for byte, and a site built by an
    // earlier version of the generator is still recognised. Never change them.
    private static readonly byte[] Content =
        "fiches-site\nCe dossier est un site construit par le générateur de fiches d’information patients.\nChaque construction le remplace en entier : n’y rangez rien d’autre.\n"u8.ToArray();

    /// <summary>True when <paramref name="folder"/> holds the mark as a plain file (not a link) with its exact bytes.</summary>
    public static bool IsOn(string folder)
    {
        var path = Path.Combine(folder, FileName);
        try
        {
            var info = new FileInfo(path);
            return info.Exists && info.LinkTarget is null && info.Length == Content.Length && File.ReadAllBytes(path).AsSpan().SequenceEqual(Content);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

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
    public static void WriteInto(string folder) => OutputFolder.WriteNewFile(Path.Combine(folder, FileName), Content);

    /// <summary>
    /// Holds the mark of a folder a build is writing, for as long as the build runs: the lock is the system's (a
    /// shared advisory lock on the file, which readers of the mark share too), so it ends with the process, even a
    /// killed one. Null when the folder is being deleted.
    /// </summary>
    public static FileStream? Hold(string folder) => Open(folder, FileShare.Read);

    /// <summary>
    /// Takes the mark of a folder to delete it: an exclusive lock, refused (null) while a build holds the mark, so a
    /// marked leftover whose mark cannot be taken belongs to a build still running.
    /// </summary>
    public static FileStream? TakeForDeletion(string folder) => Open(folder, FileShare.None);

    private static FileStream? Open(string folder, FileShare share)
    {
        try
        {
            return new FileStream(Path.Combine(folder, FileName), FileMode.Open, FileAccess.Read, share);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Deletes a marked folder whose mark <paramref name="hold"/> holds (<see cref="TakeForDeletion"/>, or this build's own <see cref="Hold"/>): its content first, the mark last, so that an
    /// interrupted deletion leaves a folder still marked, which the next build removes.
    /// </summary>
    public static void Delete(string folder, FileStream hold)
    {
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos())
        {
            if (entry.Name == FileName)
            {
                continue;
            }
            // A link is removed, never followed: what it points to is not ours.
            if (entry is DirectoryInfo { LinkTarget: null } directory)
            {
                directory.Delete(recursive: true);
            }
            else
            {
                entry.Delete();
            }
        }
        hold.Dispose();
        File.Delete(Path.Combine(folder, FileName));
        Directory.Delete(folder);
    }
}
