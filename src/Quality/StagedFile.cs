using FichesSite.Pipeline;

namespace FichesSite.Quality;

/// <summary>
/// A report file written beside its final name and renamed into place only once the site is published, so that a
/// failed build changes neither the site nor the report; used by the review report and the readability report.
/// It replaces only a report of this generator (<see cref="ReportsFolder.IsReport"/>): any other file at that path
/// is left as it is, and the report refused.
/// </summary>
public sealed class StagedFile(string path)
{
    private const string StagedInfix = ".tmp-";
    private bool _createdFolder;
    // Held from the staged file's writing to its publication: tells other builds it is not a leftover.
    private FileStream? _hold;

    /// <summary>Where the file goes once published.</summary>
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    // A name of its own, made new: never a file that was there before.
    private readonly string _staged = System.IO.Path.GetFullPath(path) + StagedInfix + Guid.NewGuid().ToString("N")[..8];

    /// <summary>
    /// Why the report may not be written at <paramref name="path"/>, or null: it must be nothing yet, or a file that
    /// this generator wrote (a report), not a folder nor a link.
    /// </summary>
    public static OutputProblem? Problem(string path, string shown)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (new FileInfo(full).LinkTarget is { } link)
        {
            return new OutputProblem($"le rapport « {shown} » est un lien symbolique (vers « {link} ») : il serait remplacé.",
                "Donnez le chemin d’un fichier qui n’existe pas encore, par exemple --report reports/revue.json.");
        }
        if (Directory.Exists(full))
        {
            return new OutputProblem($"le rapport « {shown} » est un dossier, pas un fichier.",
                "Donnez le chemin d’un fichier, par exemple --report reports/revue.json.");
        }
        if (File.Exists(full) && !ReportsFolder.IsReport(full))
        {
            return new OutputProblem(
                $"le fichier « {shown} » existe et n’est pas un rapport écrit par ce générateur (il ne commence pas par \"{ReportsFolder.GeneratorField}\": \"{ReportsFolder.GeneratorName}\") : l’écrire l’effacerait.",
                "Déplacez ou renommez ce fichier (pour le rapport de révision, vous pouvez aussi en choisir un autre avec --report). Si c’est vraiment un ancien rapport de ce générateur, supprimez-le vous-même, puis relancez.");
        }
        return null;
    }

    /// <summary>
    /// Writes the file under a temporary name of its own, making its folder if needed, after removing the staged
    /// reports that killed builds left there. Throws the file system's exceptions, and an IOException when the final
    /// name is not this generator's to replace.
    /// </summary>
    public void Write(Action<Stream> write)
    {
        if (Problem(Path, Path) is { } problem)
        {
            throw new IOException(problem.Message);
        }
        var folder = System.IO.Path.GetDirectoryName(Path)!;
        _createdFolder = !Directory.Exists(folder);
        Directory.CreateDirectory(folder);
        RemoveLeftovers(folder);
        // Kept open, and so locked, until published or discarded.
        _hold = new FileStream(_staged, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        write(_hold);
        _hold.Flush();
    }

    /// <summary>
    /// Puts the staged file in place (one rename), once the site itself is published; what went wrong, or null.
    /// The final name is checked again: a file may have been put there since the build started.
    /// </summary>
    public OutputProblem? Publish()
    {
        try
        {
            if (Problem(Path, Path) is { } problem)
            {
                Discard();
                return problem;
            }
            Release();
            File.Move(_staged, Path, overwrite: true);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Discard();
            return new OutputProblem($"impossible d’écrire le rapport « {Path} » : {e.Message}",
                "Vérifiez que ce dossier existe et que vous pouvez y écrire, ou choisissez-en un autre.");
        }
    }

    /// <summary>
    /// Removes what <see cref="Write"/> wrote, and the folder if it made it and nothing else is in it: the previous
    /// file, like the previous site, stays as it was.
    /// </summary>
    public void Discard()
    {
        try
        {
            Release();
            File.Delete(_staged);
            var folder = System.IO.Path.GetDirectoryName(Path)!;
            if (_createdFolder && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Directory.Delete(folder);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing more to do: the build already reports why it failed.
        }
    }

    private void Release()
    {
        _hold?.Dispose();
        _hold = null;
    }

    // Staged files of this report left by killed builds: named as this class names them, reports of this generator,
    // and held by no running build. Anything else of that name is left alone.
    private void RemoveLeftovers(string folder)
    {
        var prefix = System.IO.Path.GetFileName(Path) + StagedInfix;
        try
        {
            foreach (var file in new DirectoryInfo(folder).EnumerateFiles(prefix.Replace("*", "?", StringComparison.Ordinal) + "*"))
            {
                if (file.LinkTarget is not null || file.Name.Length != prefix.Length + 8 || !file.Name.StartsWith(prefix, StringComparison.Ordinal)
                    || !ReportsFolder.IsReport(file.FullName) || Hold(file.FullName) is not { } hold)
                {
                    continue;
                }
                hold.Dispose();
                file.Delete();
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Tried again by the next build.
        }
    }

    private static FileStream? Hold(string file)
    {
        try
        {
            return new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.None);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
