namespace FichesSite.Build;

/// <summary>
/// A report file written beside its final name and renamed into place only once the site is published, so that a
/// failed build changes neither the site nor the report; used by the review report and the readability report.
/// </summary>
public sealed class StagedFile(string path)
{
    private bool _createdFolder;

    /// <summary>Where the file goes once published.</summary>
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    private string Staged => Path + ".tmp";

    /// <summary>Writes the file under its temporary name, making its folder if needed. Throws the file system's exceptions.</summary>
    public void Write(Action<Stream> write)
    {
        var folder = System.IO.Path.GetDirectoryName(Path)!;
        _createdFolder = !Directory.Exists(folder);
        Directory.CreateDirectory(folder);
        using var file = File.Create(Staged);
        write(file);
    }

    /// <summary>Puts the staged file in place (one rename), once the site itself is published.</summary>
    public void Publish() => File.Move(Staged, Path, overwrite: true);

    /// <summary>
    /// Removes what <see cref="Write"/> wrote, and the folder if it made it and nothing else is in it: the previous
    /// file, like the previous site, stays as it was.
    /// </summary>
    public void Discard()
    {
        try
        {
            File.Delete(Staged);
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
}
