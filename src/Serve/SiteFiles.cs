using FichesSite.Pipeline;

namespace FichesSite.Serve;

/// <summary>
/// Maps a request path to a file of the built site, and to nothing else: a path that climbs out
/// (« .. », « %2e%2e », an absolute or drive path, a backslash) or names a folder without an
/// index.html gives null, which the server answers with 404. There is no directory listing.
/// </summary>
public sealed class SiteFiles(string siteDirectory)
{
    private readonly string _root = Path.GetFullPath(siteDirectory).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;

    public string? Find(string requestPath)
    {
        string decoded;
        try
        {
            decoded = Uri.UnescapeDataString(requestPath);
        }
        catch (UriFormatException)
        {
            return null;
        }
        var segments = decoded.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Any(s => s is "." or ".." || s.Contains('\\') || s.Contains(':') || s.Contains('\0')))
        {
            return null;
        }
        var path = Path.GetFullPath(Path.Combine(_root, Path.Combine(segments)));
        if (!path.StartsWith(_root, StringComparison.Ordinal) && path + Path.DirectorySeparatorChar != _root)
        {
            return null;
        }
        if (Directory.Exists(path))
        {
            path = Path.Combine(path, PageAddresses.PageFile);
        }
        return File.Exists(path) ? path : null;
    }
}
