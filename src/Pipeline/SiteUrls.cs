namespace FichesSite.Pipeline;

/// <summary>
/// Arithmetic on paths inside the site folder ("fiches/x/index.html"). Every link the site writes
/// is relative, so one built folder works at a domain root, under any sub-path and from file://.
/// Where each page lives, and the absolute form of an address, are <see cref="PageAddresses"/>'.
/// </summary>
public static class SiteUrls
{
    // "../" repeated: a page is rarely more than a few folders deep.
    private static readonly string[] Ups = Enumerable.Range(0, 8).Select(n => string.Concat(Enumerable.Repeat("../", n))).ToArray();

    /// <summary>The relative URL that leads from the page at <paramref name="fromPage"/> to <paramref name="target"/>.</summary>
    /// <remarks>
    /// Over spans, without splitting either path: every page's template asks this for each of its links, and the
    /// split arrays were one of the largest sources of garbage in a build.
    /// </remarks>
    public static string Relative(string fromPage, string target)
    {
        var fromFolder = fromPage.AsSpan(0, fromPage.LastIndexOf('/') + 1); // "fiches/x/", or "" at the root
        var fromAt = 0;
        var targetAt = 0;
        // Skip the folders both paths start with (the target's last part is its file, never a folder).
        while (fromAt < fromFolder.Length)
        {
            var fromEnd = fromAt + fromFolder[fromAt..].IndexOf('/');
            var targetSlash = target.AsSpan(targetAt).IndexOf('/');
            if (targetSlash < 0 || !fromFolder[fromAt..fromEnd].SequenceEqual(target.AsSpan(targetAt, targetSlash)))
            {
                break;
            }
            fromAt = fromEnd + 1;
            targetAt += targetSlash + 1;
        }
        var ups = fromFolder[fromAt..].Count('/');
        var rest = target.AsSpan(targetAt);
        if (ups == 0)
        {
            return ReadAsPath(rest) ? rest.ToString() : string.Concat("./", rest);
        }
        return string.Concat(ups < Ups.Length ? Ups[ups] : string.Concat(Enumerable.Repeat("../", ups)), rest);
    }

    // A relative URL that the browser would read as something else: a scheme (a page « javascript:alert(1).md »
    // linked from a page of the same folder), or another host or the site root (« //…», « /… », « \… »). Behind
    // « ./ » it is a path again.
    private static bool ReadAsPath(ReadOnlySpan<char> url) =>
        url.IsEmpty || (url[0] > ' ' && url[0] is not ('/' or '\\') && !UrlPolicy.LeavesSite(url));

    /// <summary>
    /// The site path a relative URL written in <paramref name="fromPage"/> points to, or null when it
    /// climbs out of the site. Query and fragment must already be removed.
    /// </summary>
    public static string? Resolve(string fromPage, string relativeUrl)
    {
        // The path is built in one buffer, each part followed by a slash; ends[i] is where part i's slash is. Both are
        // the thread's own, reused: the link check and the print addresses each resolve every link of every page.
        var path = (t_path ??= new System.Text.StringBuilder()).Clear();
        var ends = t_ends ??= [];
        ends.Clear();
        var folder = fromPage.AsSpan(0, fromPage.LastIndexOf('/') + 1);
        for (var slash = folder.IndexOf('/'); slash >= 0; slash = folder.IndexOf('/'))
        {
            path.Append(folder[..(slash + 1)]);
            ends.Add(path.Length - 1);
            folder = folder[(slash + 1)..];
        }
        foreach (var range in relativeUrl.AsSpan().Split('/'))
        {
            var segment = relativeUrl.AsSpan()[range];
            if (segment.IsEmpty || segment is ".")
            {
                continue;
            }
            if (segment is "..")
            {
                if (ends.Count == 0)
                {
                    return null;
                }
                ends.RemoveAt(ends.Count - 1);
                path.Length = ends.Count == 0 ? 0 : ends[^1] + 1;
                continue;
            }
            if (segment.Contains('%'))
            {
                path.Append(Uri.UnescapeDataString(segment));
            }
            else
            {
                path.Append(segment);
            }
            path.Append('/');
            ends.Add(path.Length - 1);
        }
        // Parts joined by slashes: the last one's slash stays only for a link to a folder.
        var joined = Math.Max(0, path.Length - 1);
        return path.ToString(0, relativeUrl.EndsWith('/') && joined > 0 ? joined + 1 : joined);
    }

    [ThreadStatic]
    private static System.Text.StringBuilder? t_path;

    [ThreadStatic]
    private static List<int>? t_ends;

    /// <summary>True for links that leave the site or are not addresses (https:, mailto:, tel:, //host): <see cref="UrlPolicy.LeavesSite"/>.</summary>
    public static bool IsExternal(string url) => UrlPolicy.LeavesSite(url);
}
