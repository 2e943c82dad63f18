namespace FichesSite.Content;

/// <summary>How file paths are shown to authors: relative to where they ran the command, with forward slashes.</summary>
public static class SourcePaths
{
    public static string Display(string path)
    {
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), full);
        return (relative.StartsWith("..", StringComparison.Ordinal) ? full : relative).Replace('\\', '/');
    }
}
