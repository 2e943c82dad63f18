namespace FichesSite.Pipeline;

/// <summary>
/// Arithmetic on paths inside the site folder ("fiches/x/index.html"). Every link the site writes
/// is relative, so one built folder works at a domain root, under any sub-path and from file://.
/// </summary>
public static class SiteUrls
{
    /// <summary>The relative URL that leads from the page at <paramref name="fromPage"/> to <paramref name="target"/>.</summary>
    public static string Relative(string fromPage, string target)
    {
        var fromFolders = fromPage.Split('/')[..^1];
        var targetParts = target.Split('/');
        var common = 0;
        while (common < fromFolders.Length && common < targetParts.Length - 1 && fromFolders[common] == targetParts[common])
        {
            common++;
        }
        var ups = string.Concat(Enumerable.Repeat("../", fromFolders.Length - common));
        return ups + string.Join('/', targetParts[common..]);
    }

    /// <summary>
    /// The site path a relative URL written in <paramref name="fromPage"/> points to, or null when it
    /// climbs out of the site. Query and fragment must already be removed.
    /// </summary>
    public static string? Resolve(string fromPage, string relativeUrl)
    {
        var parts = new List<string>(fromPage.Split('/')[..^1]);
        foreach (var segment in relativeUrl.Split('/'))
        {
            switch (segment)
            {
                case "" or ".":
                    continue;
                case "..":
                    if (parts.Count == 0)
                    {
                        return null;
                    }
                    parts.RemoveAt(parts.Count - 1);
                    continue;
                default:
                    parts.Add(Uri.UnescapeDataString(segment));
                    continue;
            }
        }
        var path = string.Join('/', parts);
        return relativeUrl.EndsWith('/') && path.Length > 0 ? path + "/" : path;
    }

    /// <summary>
    /// The absolute address of a site path under <paramref name="baseUrl"/>, or null without one. Folders
    /// are named as folders (a server adds index.html): the form people type and QR codes carry.
    /// </summary>
    public static string? Absolute(string? baseUrl, string sitePath) =>
        baseUrl is null ? null : baseUrl.TrimEnd('/') + "/" + (sitePath.EndsWith("index.html", StringComparison.Ordinal) ? sitePath[..^"index.html".Length] : sitePath);

    /// <summary>True for links that leave the site or are not addresses (https:, mailto:, tel:, //host).</summary>
    public static bool IsExternal(string url) =>
        url.StartsWith("//", StringComparison.Ordinal) || (url.IndexOf(':') is var colon and > 0 && !url[..colon].Contains('/'));
}
