using FichesSite.Pipeline;

namespace FichesSite.Build;

/// <summary>
/// A build writes into a fresh folder beside the output and swaps it in only when everything
/// succeeded, so the site already published is never left half-written or broken. It replaces or
/// deletes only what it made: the output folder must be absent, empty or marked (<see cref="SiteMark"/>),
/// and a leftover of a killed build is removed only when it carries <see cref="WorkMark"/> and no running build holds it.
/// </summary>
public sealed class OutputFolder(string outputDirectory)
{
    private const string BuildingInfix = ".building-";

    /// <summary>
    /// The mark of a folder a build is writing (its staging folder, until just before the swap) or deleting (the old
    /// copy, once the new site is published), beside the site's own mark: only a folder carrying it is a leftover that
    /// a later build may remove. Every site carries the site's mark, and so does any copy of one, which no build may
    /// delete: an operator's « _site.old-20251208 », or the earlier site a failed swap left aside. Fixed bytes: never
    /// change them, or leftovers of earlier versions stay.
    /// </summary>
    public static readonly FolderMark WorkMark = new(".fiches-chantier",
        "fiches-chantier\nCe dossier est en cours d’écriture ou de suppression par le générateur de fiches d’information patients.\n"
        + "S’il reste après l’arrêt de la construction, la suivante le supprime : n’y rangez rien.\n");

    private readonly string _target = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);
    private readonly string _staging = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar) + BuildingInfix + NewSuffix();
    private bool _created;
    // Held from the staging folder's creation until it is published or discarded: tells other builds it is alive.
    private FileStream? _stagingHold;

    /// <summary>The output folder itself, as given.</summary>
    public string Target => outputDirectory;

    /// <summary>The folder to write into; invisible to readers of the output until <see cref="Publish"/>.</summary>
    public string Staging => _staging;

    /// <summary>Where the site stands after this build: untouched, replaced, or moved aside by a failed swap.</summary>
    public SiteState State { get; private set; } = SiteState.Unchanged;

    /// <summary>
    /// Removes the leftovers of killed builds of this output, then creates the staging folder and marks it first (held:
    /// <see cref="FolderMark.WriteAndHold"/>), so that a build killed from here on leaves a folder the next one knows
    /// as its own. Once only.
    /// </summary>
    public void Create()
    {
        if (_created)
        {
            return;
        }
        RemoveLeftovers();
        if (Directory.Exists(_staging) || File.Exists(_staging))
        {
            throw new IOException($"« {_staging} » existe déjà.");
        }
        Directory.CreateDirectory(_staging);
        _created = true;
        _stagingHold = WorkMark.WriteAndHold(_staging);
        SiteMark.WriteInto(_staging);
    }

    /// <summary>
    /// Replaces the output folder by the staged one (two renames, so the gap is tiny) and deletes the old copy.
    /// Returns what to tell when the new site is published but its old copy could not be removed, or null.
    /// Throws <see cref="PublishException"/> when the new site is not published; <see cref="State"/> then says
    /// where the previous one is.
    /// </summary>
    public OutputProblem? Publish()
    {
        // Checked again at the last moment: the folder may have been made or filled since the build started.
        if (TargetProblem(_target, outputDirectory) is { } problem)
        {
            throw new PublishException(problem);
        }
        if (_stagingHold is { } hold)
        {
            _stagingHold = null;
            try
            {
                WorkMark.Remove(_staging, hold); // the published site carries the site's mark only
            }
            catch (DirectoryNotFoundException)
            {
                // The staging folder is gone: the swap below fails, and says so.
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new PublishException(WriteFailure(e));
            }
        }
        string? old;
        try
        {
            old = FolderSwap.Swap(_staging, _target, NewSuffix());
        }
        catch (FolderSwapException e)
        {
            if (e.EarlierLeftAt is { } aside)
            {
                State = SiteState.Missing;
                throw new PublishException(new OutputProblem(
                    $"impossible de mettre le nouveau site en place ({e.Message}), ni de remettre l’ancien : il est resté dans « {aside} ».",
                    $"Renommez « {aside} » en « {outputDirectory} » pour remettre l’ancien site en ligne, puis relancez la construction."));
            }
            throw new PublishException(WriteFailure(e.InnerException ?? e));
        }
        State = SiteState.Published;
        _created = false;
        return old is null ? null : DeleteOldCopy(old);
    }

    // The old copy was marked or empty when it was moved aside: a marked one is deleted, an empty one only if it
    // still is (never recursively). It gets the work mark first, so that a build killed while deleting it leaves a
    // folder the next one removes.
    private OutputProblem? DeleteOldCopy(string old)
    {
        FileStream? hold = null;
        try
        {
            if (!SiteMark.IsOn(old))
            {
                Directory.Delete(old);
                return null;
            }
            hold = WorkMark.WriteAndHold(old);
            WorkMark.Delete(old, hold);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            hold?.Dispose();
            return new OutputProblem(
                $"le nouveau site est publié dans « {outputDirectory} », mais son ancienne copie « {old} » n’a pas pu être supprimée : {e.Message}",
                "Supprimez vous-même ce dossier quand il ne sert plus ; la prochaine construction essaiera aussi de le supprimer.");
        }
    }

    /// <summary>Writes a file of the staging folder, where no file exists before the build writes it.</summary>
    /// <remarks>
    /// Opened as a new file: <c>File.WriteAllBytes</c> opens with <c>FileMode.Create</c>, which .NET follows with an
    /// <c>ftruncate</c> even on a file it has just made, and ext4 pays a metadata update for it, on every file of the
    /// site (<c>bench -- files</c>, docs/benchmarks.md). A file already there,
    /// which the build never writes twice, is an error rather than overwritten.
    /// </remarks>
    public static void WriteNewFile(string path, ReadOnlySpan<byte> bytes)
    {
        using var file = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write);
        RandomAccess.Write(file, bytes, 0);
    }

    /// <summary>Removes what a failed build staged, if this build made it; the output folder is not touched.</summary>
    public void Discard()
    {
        if (!_created)
        {
            return;
        }
        try
        {
            if (_stagingHold is { } hold)
            {
                WorkMark.Delete(_staging, hold);
            }
            else if (Directory.Exists(_staging))
            {
                // Still this build's own, unheld: made before its mark could be written, or let go of by an earlier
                // Discard that failed part-way.
                Directory.Delete(_staging, recursive: true);
            }
            _created = false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing was published; a leftover staging folder is marked, and the next build removes it.
        }
        finally
        {
            _stagingHold?.Dispose();
            _stagingHold = null;
        }
    }

    /// <summary>
    /// The staging folders and old copies of this output that killed builds left behind: named as this class names
    /// them, carrying the work mark, and whose mark no running build holds. A folder merely named like them, or
    /// carrying the site's mark only, is left alone.
    /// </summary>
    private void RemoveLeftovers() =>
        WorkMark.RemoveLeftoversBeside(_target, IsLeftoverName, (folder, hold) => WorkMark.Delete(folder.FullName, hold));

    public static bool IsLeftoverName(string folderName, string outputName)
    {
        foreach (var infix in new[] { BuildingInfix, FolderSwap.AsideInfix })
        {
            var prefix = outputName + infix;
            if (folderName.Length == prefix.Length + SuffixLength && folderName.StartsWith(prefix, StringComparison.Ordinal)
                && folderName.AsSpan(prefix.Length).ContainsAnyExcept("0123456789abcdef") is false)
            {
                return true;
            }
        }
        return false;
    }

    private const int SuffixLength = 8;

    private static string NewSuffix() => Guid.NewGuid().ToString("N")[..SuffixLength];

    private static OutputProblem WriteFailure(Exception e) => new(SiteWriter.FailureMessage(e), SiteWriter.FailureFix);

    /// <summary>
    /// Why a build may not write its site to the output folder, or null: the one rule for every command that
    /// writes a site (build, serve). It must not be, hold or lie inside the content or theme folder, nor be the working
    /// folder, the home folder or a folder above them; and it must be a folder this generator made, an empty folder,
    /// or nothing yet (see <see cref="TargetProblem"/>). Paths are compared after following symbolic links.
    /// </summary>
    public static OutputProblem? Check(BuildOptions options) =>
        EmptyOption("--input", options.InputDirectory) ?? EmptyOption("--theme", options.ThemeDirectory)
        ?? (options.OutputDirectory is null ? null : Check(options.OutputDirectory, [(options.InputDirectory, "de contenu"), (options.ThemeDirectory, "du thème")],
            // The reports are written beside the site while it is built: the site may lie in their folder, not be it.
            [.. Surroundings(), (Quality.ReportsFolder.For(options.InputDirectory), "des rapports")]) ?? OtherTarget(options.OutputDirectory, options.Target));

    // The public site is never replaced by the intranet's (whose pages hold staff-only text), nor the other way round:
    // a folder that is published as it is must stay the site it was built as.
    private static OutputProblem? OtherTarget(string output, Pipeline.BuildTarget target)
    {
        if (!SiteMark.IsOn(output) || BuildInfoFile.Read(output) is not { } built || built.Target == Pipeline.BuildTargets.Name(target))
        {
            return null;
        }
        return new OutputProblem(
            $"le dossier de sortie « {output} » contient le site {(built.Target == Pipeline.BuildTargets.IntranetName ? "interne" : "public")} : le site {(target == Pipeline.BuildTarget.Intranet ? "interne" : "public")} ne le remplace pas.",
            $"Donnez un autre dossier avec --output (par défaut, _site pour le site public et _intranet pour le site interne), ou supprimez ce dossier s’il ne sert plus.");
    }

    /// <summary>An empty path is no folder: refused before any path is made absolute from it.</summary>
    public static OutputProblem? EmptyOption(string option, string? path) => path is not null && string.IsNullOrWhiteSpace(path)
        ? new OutputProblem($"l’option {option} est vide.", "Donnez un chemin, ou retirez l’option pour garder sa valeur par défaut.", option)
        : null;

    /// <inheritdoc cref="Check(BuildOptions)"/>
    public static OutputProblem? Check(string output, IEnumerable<(string Folder, string Name)> sources) => Check(output, sources, Surroundings());

    private static (string Folder, string Name)[] Surroundings() =>
        [(Environment.CurrentDirectory, "de travail courant"), (Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), "personnel")];

    /// <param name="surroundings">Folders the output may lie inside but must not be nor hold.</param>
    public static OutputProblem? Check(string output, IEnumerable<(string Folder, string Name)> sources, IEnumerable<(string Folder, string Name)> surroundings)
    {
        if (EmptyOption("--output", output) is { } empty)
        {
            return empty;
        }
        var target = Physical(output);
        foreach (var (source, name) in sources)
        {
            var folder = Physical(source);
            if (target.StartsWith(folder, StringComparison.Ordinal) || folder.StartsWith(target, StringComparison.Ordinal))
            {
                return Overlap(output, name, source);
            }
        }
        foreach (var (surrounding, name) in surroundings.Where(s => !string.IsNullOrEmpty(s.Folder)))
        {
            if (Physical(surrounding).StartsWith(target, StringComparison.Ordinal))
            {
                return Overlap(output, name, surrounding);
            }
        }
        return TargetProblem(Path.GetFullPath(output).TrimEnd(Path.DirectorySeparatorChar), output);
    }

    private static OutputProblem Overlap(string output, string name, string folder) => new(
        $"le dossier de sortie « {output} » se confond avec le dossier {name} « {folder} » : publier le site l’effacerait.",
        "Choisissez un dossier de sortie à part, par exemple --output _site.");

    /// <summary>
    /// Why the folder at <paramref name="full"/> may not be replaced by a new site, or null: a link or a file is
    /// refused, and an existing folder must carry the mark or be empty.
    /// </summary>
    private static OutputProblem? TargetProblem(string full, string shown)
    {
        if (full.Length == 0)
        {
            return Overlap(shown, "racine", "/");
        }
        var link = new FileInfo(full).LinkTarget;
        if (link is not null)
        {
            return new OutputProblem(
                $"le dossier de sortie « {shown} » est un lien symbolique (vers « {link} ») : le site remplacerait le lien, sans écrire là où il mène.",
                "Donnez le chemin du dossier lui-même avec --output, ou choisissez un autre dossier.");
        }
        if (File.Exists(full))
        {
            return new OutputProblem(
                $"le dossier de sortie « {shown} » est un fichier, pas un dossier.",
                "Choisissez un dossier qui n’existe pas encore, par exemple --output _site.");
        }
        if (Directory.Exists(full) && !SiteMark.IsOn(full) && !IsEmpty(full))
        {
            return new OutputProblem(
                $"le dossier de sortie « {shown} » existe et n’est pas un site construit par ce générateur (il n’a pas de fichier {SiteMark.FileName}) : le remplacer effacerait ce qu’il contient.",
                "Choisissez un dossier vide ou qui n’existe pas encore, par exemple --output _site. Si c’est vraiment un ancien site construit par ce générateur, supprimez-le vous-même, puis relancez.");
        }
        return null;
    }

    private static bool IsEmpty(string folder)
    {
        try
        {
            return !Directory.EnumerateFileSystemEntries(folder).Any();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // not known to be empty: not ours to replace
        }
    }

    /// <summary>
    /// The absolute path with every symbolic link followed (<see cref="ContainedPaths.RealPath"/>, the one resolver),
    /// ending with a separator, for prefix comparisons; a loop of links, which leads nowhere to protect, is left as written.
    /// </summary>
    internal static string Physical(string path) =>
        (ContainedPaths.RealPath(path) ?? Path.GetFullPath(path)).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
}

/// <summary>Where the output site stands after a build.</summary>
/// <remarks>Handed on by the stage that publishes (<see cref="PublishSiteStage.StateKey"/>); unchanged when none ran.</remarks>
public enum SiteState
{
    /// <summary>The previous site (or its absence) is as it was.</summary>
    Unchanged,

    /// <summary>The new site is in place.</summary>
    Published,

    /// <summary>The swap failed half-way and the previous site could not be put back: the error says where it is.</summary>
    Missing,

    /// <summary>The preview's in-place update failed after changing some files.</summary>
    PartlyUpdated,
}

/// <summary>The new site was not published; <see cref="OutputFolder.State"/> says where the previous one is.</summary>
public sealed class PublishException(OutputProblem problem) : Exception(problem.Message)
{
    public OutputProblem Problem => problem;
}
