namespace FichesSite.Content;

/// <summary>How file paths are shown to authors: relative to where they ran the command, with forward slashes.</summary>
public static class SourcePaths
{
    public static string Display(string path)
    {
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), full);
        // Only the system's separator becomes '/': on Linux a backslash is a character of a name, and is shown as such.
        return (relative.StartsWith("..", StringComparison.Ordinal) ? full : relative).Replace(Path.DirectorySeparatorChar, '/');
    }
}
