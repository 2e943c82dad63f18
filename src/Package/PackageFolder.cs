using FichesSite.Build;
using FichesSite.Pipeline;

namespace FichesSite.Package;

/// <summary>
/// The folder the package goes into (--to). The command replaces only what it wrote: the folder must be missing, empty,
/// or hold an earlier package of this generator and nothing else (its manifest.json, the zip that manifest names and
/// SHA256SUMS). The new package is written into a fresh folder beside it, then swapped in by two renames, so that a
/// failure at any point leaves the earlier package whole, and a mirror that reads the folder never finds half of one.
/// That staging folder carries <see cref="StagingMark"/> until the swap, so that the next run knows what a killed one
/// left as its own and removes it; a folder merely named like it is left alone.
/// </summary>
public sealed class PackageFolder(string folder)
{
    private const string StagingInfix = ".building-";
    private const int SuffixLength = 8;

    /// <summary>
    /// The mark of a staging folder, written first into it and taken off just before it is swapped in, so a published
    /// package holds its three files only. Fixed bytes: never change them, or leftovers of earlier versions stay.
    /// </summary>
    public static readonly FolderMark StagingMark = new(".fiches-paquet",
        "fiches-paquet\nCe dossier est un paquet en cours d’écriture par la commande package du générateur de fiches d’information patients.\n"
        + "S’il reste après l’arrêt de la commande, la suivante le supprime : n’y rangez rien.\n");

    private readonly string _target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
    private string? _staging;
    // Held from the staging folder's marking until it is swapped in or discarded: tells other runs it is alive.
    private FileStream? _hold;

    /// <summary>The folder the new package is written into, until <see cref="Publish"/>; made by <see cref="Create"/>.</summary>
    public string Staging => _staging ?? throw new InvalidOperationException("Create first.");

    /// <summary>
    /// Removes the marked staging folders that killed runs left beside the package's folder, then makes this run's
    /// (and the package folder's parents, when missing) and marks it first, so that a run killed from here on leaves a
    /// folder the next one knows as its own.
    /// </summary>
    public void Create()
    {
        RemoveLeftovers();
        var staging = _target + StagingInfix + Guid.NewGuid().ToString("N")[..SuffixLength];
        if (Directory.Exists(staging) || File.Exists(staging))
        {
            throw new IOException($"« {staging} » existe déjà.");
        }
        Directory.CreateDirectory(staging);
        _staging = staging;
        _hold = StagingMark.WriteAndHold(staging);
    }

    /// <summary>Removes the staging folder, what this command wrote in it and its mark, the mark last; nothing else.</summary>
    public void Discard(IEnumerable<string> written)
    {
        if (_staging is null)
        {
            return;
        }
        try
        {
            foreach (var name in written)
            {
                File.Delete(Path.Combine(_staging, name));
            }
            Unmark();
            File.Delete(Path.Combine(_staging, StagingMark.FileName)); // a marking that failed half-way: still this run’s own
            Directory.Delete(_staging); // never recursively: anything else in it is not ours
            _staging = null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left beside the package's folder, marked unless the mark is what could not be deleted: the next run
            // removes it. The command's error says the package was not written.
        }
        finally
        {
            _hold?.Dispose();
            _hold = null;
        }
    }

    // Takes this run's mark off its staging folder, the file deleted before the lock is let go.
    private void Unmark()
    {
        if (_hold is { } hold)
        {
            _hold = null;
            StagingMark.Remove(Staging, hold);
        }
    }

    /// <summary>
    /// The staging folders of this package's folder that killed runs left: named as <see cref="Create"/> names them,
    /// not a link, marked, their mark held by no running command, and holding nothing but what a run writes there (the
    /// package's files and the mark). Any other folder, however named, is left as it is.
    /// </summary>
    private void RemoveLeftovers() => StagingMark.RemoveLeftoversBeside(_target, IsStagingName, (leftover, hold) =>
    {
        var entries = leftover.GetFileSystemInfos();
        if (!entries.All(e => e is FileInfo { LinkTarget: null } && IsStagedFile(e.Name)))
        {
            return; // something a run does not write: not removed
        }
        foreach (var entry in entries.Where(e => e.Name != StagingMark.FileName))
        {
            entry.Delete();
        }
        hold.Dispose();
        File.Delete(Path.Combine(leftover.FullName, StagingMark.FileName)); // the mark last
        leftover.Delete();
    });

    // What a run writes into its staging folder: the package's three files, under any version, and the mark.
    private static bool IsStagedFile(string name) =>
        name == StagingMark.FileName || name == PackageNames.Manifest || name == PackageNames.Sums || PackageNames.IsArchiveName(name);

    // « _package.building-0123abcd »: the name Create gives a staging folder of the package folder named packageName.
    private static bool IsStagingName(string folderName, string packageName)
    {
        var prefix = packageName + StagingInfix;
        return folderName.Length == prefix.Length + SuffixLength && folderName.StartsWith(prefix, StringComparison.Ordinal)
            && !folderName.AsSpan(prefix.Length).ContainsAnyExcept("0123456789abcdef");
    }

    /// <summary>
    /// Puts the staged package in place of the folder's content. Returns what to tell when the new package is in place
    /// but the earlier one could not be removed, or null. Throws <see cref="PackagePublishException"/> when the new
    /// package is not in place; the earlier one is then where the exception says.
    /// </summary>
    public OutputProblem? Publish(string site)
    {
        // Checked again at the last moment: the folder may have been made or filled since the command started.
        var (problem, earlier) = Check(folder, site);
        if (problem is not null)
        {
            throw new PackagePublishException(problem);
        }
        string? old;
        try
        {
            // The mark is taken off first, so the package folder holds the package's files only; a run killed between
            // this and the swap leaves an unmarked staging folder, which no later run deletes.
            Unmark();
            old = FolderSwap.Swap(Staging, _target, Guid.NewGuid().ToString("N")[..SuffixLength]);
            _staging = null;
        }
        catch (FolderSwapException e)
        {
            if (e.EarlierLeftAt is { } aside)
            {
                throw new PackagePublishException(new OutputProblem(
                    $"impossible de mettre le nouveau paquet en place ({e.Message}), ni de remettre l’ancien : il est resté dans « {aside} ».",
                    $"Renommez « {aside} » en « {folder} » pour remettre l’ancien paquet, puis relancez la commande package.", "--to"), earlierMoved: true);
            }
            throw new PackagePublishException(WriteFailure(e.InnerException ?? e));
        }
        return old is null ? null : DeleteEarlier(old, earlier);
    }

    // The earlier package, moved aside: its files, by the names checked, then its folder, only if nothing else is in it.
    private OutputProblem? DeleteEarlier(string old, IReadOnlyList<string> earlier)
    {
        try
        {
            foreach (var name in earlier)
            {
                File.Delete(Path.Combine(old, name));
            }
            Directory.Delete(old);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new OutputProblem(
                $"le nouveau paquet est en place dans « {folder} », mais l’ancien, mis de côté dans « {old} », n’a pas pu être supprimé : {e.Message}",
                "Supprimez vous-même ce dossier quand il ne sert plus.", "--to");
        }
    }

    internal static OutputProblem WriteFailure(Exception e) => new(
        $"impossible d’écrire le paquet : {e.Message}",
        "Vérifiez que le dossier du paquet et son parent sont accessibles en écriture et que le disque n’est pas plein. Le paquet précédent n’a pas été modifié.",
        "--to");

    /// <summary>
    /// Why the package may not be written into <paramref name="folder"/>, or null; with the files of the earlier package
    /// it holds, which the new one replaces. The folder must not be a link or a file, nor overlap the site, nor be or
    /// hold the working or home folder (it is renamed when the package is swapped in); paths are compared after
    /// following symbolic links.
    /// </summary>
    public static (OutputProblem? Problem, IReadOnlyList<string> Earlier) Check(string folder, string site)
    {
        if (string.IsNullOrWhiteSpace(folder))
        {
            return (new OutputProblem("l’option --to est vide.", "Donnez un chemin, ou retirez l’option pour garder sa valeur par défaut (_package).", "--to"), []);
        }
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        if (new FileInfo(full).LinkTarget is { } link)
        {
            return (new OutputProblem(
                $"le dossier du paquet « {folder} » est un lien symbolique (vers « {link} ») : le paquet remplacerait le lien, sans écrire là où il mène.",
                "Donnez avec --to le chemin du dossier lui-même, ou un autre dossier.", "--to"), []);
        }
        if (File.Exists(full))
        {
            return (new OutputProblem($"le dossier du paquet « {folder} » est un fichier, pas un dossier.",
                "Choisissez avec --to un dossier qui n’existe pas encore, par exemple --to _package.", "--to"), []);
        }
        var target = Physical(full);
        var siteFolder = Physical(site);
        if (target.StartsWith(siteFolder, StringComparison.Ordinal) || siteFolder.StartsWith(target, StringComparison.Ordinal))
        {
            return (new OutputProblem(
                $"le dossier du paquet « {folder} » se confond avec le site « {site} » : le paquet s’écrirait dans le site qu’il contient.",
                "Choisissez avec --to un dossier hors du site, par exemple --to _package.", "--to"), []);
        }
        foreach (var (surrounding, name) in new[] { (Environment.CurrentDirectory, "de travail courant"), (Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), "personnel") })
        {
            if (surrounding.Length > 0 && Physical(surrounding).StartsWith(target, StringComparison.Ordinal))
            {
                return (new OutputProblem(
                    $"le dossier du paquet « {folder} » est le dossier {name} « {surrounding} » ou le contient : mettre le paquet en place le remplacerait.",
                    "Choisissez avec --to un dossier à part, par exemple --to _package.", "--to"), []);
            }
        }
        return Directory.Exists(full) ? Contents(full, folder) : (null, []);
    }

    // An existing folder: empty, or an earlier package and nothing else.
    private static (OutputProblem? Problem, IReadOnlyList<string> Earlier) Contents(string full, string shown)
    {
        List<FileSystemInfo> entries;
        try
        {
            entries = [.. new DirectoryInfo(full).EnumerateFileSystemInfos("*", new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = false })];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (new OutputProblem($"le dossier du paquet « {shown} » ne se lit pas ({e.Message}).",
                "Vérifiez ses droits, ou choisissez un autre dossier avec --to.", "--to"), []);
        }
        if (entries.Count == 0)
        {
            return (null, []);
        }
        const string fix = "Choisissez avec --to un dossier vide ou qui n’existe pas encore, par exemple --to _package ; ou videz vous-même celui-ci, puis relancez.";
        var archive = PackageManifest.EarlierArchive(Path.Combine(full, PackageNames.Manifest));
        if (archive is null)
        {
            return (new OutputProblem(
                $"le dossier du paquet « {shown} » existe et n’est pas un paquet écrit par ce générateur (il n’a pas de fichier {PackageNames.Manifest} de ce générateur) : le remplacer effacerait ce qu’il contient.",
                fix, "--to"), []);
        }
        string[] own = [PackageNames.Manifest, archive, PackageNames.Sums];
        var stranger = entries
            .Where(e => e is DirectoryInfo || e.LinkTarget is not null || !own.Contains(e.Name, StringComparer.Ordinal))
            .Select(e => e.Name)
            .Order(StringComparer.Ordinal)
            .FirstOrDefault();
        if (stranger is not null)
        {
            return (new OutputProblem(
                $"le dossier du paquet « {shown} » contient « {stranger} », qui n’appartient pas au paquet écrit par ce générateur : le remplacer l’effacerait.",
                fix, "--to"), []);
        }
        return (null, [.. entries.Select(e => e.Name).Order(StringComparer.Ordinal)]);
    }

    // The absolute path with every symbolic link followed, ending with a separator, for prefix comparisons.
    private static string Physical(string path) =>
        (ContainedPaths.RealPath(path) ?? Path.GetFullPath(path)).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
}

/// <summary>The new package was not put in place; the message says where the earlier one is.</summary>
public sealed class PackagePublishException(OutputProblem problem, bool earlierMoved = false) : Exception(problem.Message)
{
    public OutputProblem Problem => problem;

    /// <summary>The earlier package is no longer in the package's folder: it was moved aside and could not be put back.</summary>
    public bool EarlierMoved => earlierMoved;
}
