namespace FichesSite.Build;

/// <summary>
/// A build writes into a fresh folder beside the output and swaps it in only when everything
/// succeeded, so the site already published is never left half-written or broken.
/// </summary>
public sealed class OutputFolder(string outputDirectory)
{
    private readonly string _target = Path.GetFullPath(outputDirectory);
    private readonly string _staging = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar) + ".building-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The output folder itself, as given.</summary>
    public string Target => outputDirectory;

    /// <summary>The folder to write into; invisible to readers of the output until <see cref="Publish"/>.</summary>
    public string Staging => _staging;

    /// <summary>Replaces the output folder by the staged one (two renames, so the gap is tiny).</summary>
    public void Publish()
    {
        var old = _target + ".old-" + Guid.NewGuid().ToString("N")[..8];
        if (Directory.Exists(_target))
        {
            Directory.Move(_target, old);
        }
        Directory.Move(_staging, _target);
        if (Directory.Exists(old))
        {
            Directory.Delete(old, recursive: true);
        }
    }

    /// <summary>Writes a file of the staging folder, where no file exists before the build writes it.</summary>
    /// <remarks>
    /// Opened as a new file: <c>File.WriteAllBytes</c> opens with <c>FileMode.Create</c>, which .NET follows with an
    /// <c>ftruncate</c> even on a file it has just made, and ext4 pays a metadata update for it. On this project's
    /// machine the 20,000 files of a 10,000-sheet site took 2.1–2.4 s of system time that way, 1.0–1.1 s as new
    /// files (<c>bench -- files 10000</c>, docs/benchmarks.md). A file already there, which the build never writes
    /// twice, is an error rather than overwritten.
    /// </remarks>
    public static void WriteNewFile(string path, ReadOnlySpan<byte> bytes)
    {
        using var file = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write);
        RandomAccess.Write(file, bytes, 0);
    }

    /// <summary>Removes what a failed build staged; the output folder is not touched.</summary>
    public void Discard()
    {
        try
        {
            if (Directory.Exists(_staging))
            {
                Directory.Delete(_staging, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing was published; a leftover staging folder is harmless and named for what it is.
        }
    }
}
