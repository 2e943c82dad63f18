namespace FichesSite.Pipeline;

/// <summary>
/// The one rule for every address that content puts in a page, however it is written: Markdown links and images
/// (inline or by reference), autolinks (« &lt;https://…&gt; »), link reference definitions, and addresses in the
/// front matter. An address either has no scheme (a page, a file or an anchor of the site) or has one that cannot
/// run code: https:, http:, mailto:, tel:. Everything else (javascript:, data:, vbscript:, file:, …) is refused, and
/// so is a host whose « xn--… » label is no punycode (<see cref="PunycodeLabels"/>).
/// </summary>
/// <remarks>
/// The scheme is read as a browser reads it (WHATWG URL Standard, basic URL parser): leading and trailing C0
/// controls and spaces are stripped and every tab and newline is removed first, so « \tjava\nscript: » is
/// javascript:. It is read more widely than a browser does: any colon before the first « / », « ? » or « # » counts,
/// so that text that only looks like a scheme (« java%73cript: », « java script: ») is refused rather than trusted to
/// stay relative. No page or file name holds a colon (Content/SourceNames); should one, SiteUrls.Relative still writes
/// it behind « ./ ».
/// </remarks>
public static class UrlPolicy
{
    public static readonly IReadOnlyList<string> AllowedSchemes = ["https", "http", "mailto", "tel"];

    /// <summary>What authors read in messages: the allowed schemes with their colon.</summary>
    public const string AllowedSchemesText = "https:, http:, mailto: et tel:";

    // C0 controls and space: what the URL parser strips at both ends.
    private const string StrippedAtEnds = "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000B\f\r\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F ";

    public enum Verdict
    {
        Allowed,

        /// <summary>A scheme other than https:, http:, mailto: and tel:.</summary>
        RefusedScheme,

        /// <summary>
        /// A space or control character at either end, or a control character (tab, newline…) anywhere: the browser
        /// drops or encodes them, so the address it follows is not the one the checks read.
        /// </summary>
        HiddenCharacters,

        /// <summary>A host with a label « xn--… » that is no internationalised name's punycode form (<see cref="PunycodeLabels"/>).</summary>
        InvalidPunycode,
    }

    /// <summary>Whether <paramref name="url"/> may be written in a page, and if not, why.</summary>
    public static Verdict Judge(string url)
    {
        var text = AsBrowserReads(url).AsSpan();
        if (SchemeEnd(text) is var end and >= 0 && !IsAllowedScheme(text[..end]))
        {
            return Verdict.RefusedScheme;
        }
        if (url.Length > 0 && (url[0] <= ' ' || url[^1] <= ' ' || url.AsSpan().IndexOfAnyInRange('\0', '\u001F') >= 0))
        {
            return Verdict.HiddenCharacters;
        }
        return PunycodeLabels.InAddress(url) is null ? Verdict.Allowed : Verdict.InvalidPunycode;
    }

    private static bool IsAllowedScheme(ReadOnlySpan<char> scheme)
    {
        foreach (var allowed in AllowedSchemes)
        {
            if (scheme.Equals(allowed, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>True when <paramref name="url"/> may be written in a page: no scheme or an allowed one, nothing hidden, no « xn--… » label that is no punycode.</summary>
    public static bool IsAllowed(string url) => Judge(url) == Verdict.Allowed;

    /// <summary>
    /// The scheme <paramref name="url"/> names, in lower case and without its colon (« javascript »), or null for an
    /// address without one (« ../x/index.html », « #ancre », « //hôte/… », « ./a:b.md »).
    /// </summary>
    public static string? SchemeOf(string url)
    {
        var text = AsBrowserReads(url).AsSpan();
        return SchemeEnd(text) is var end and >= 0 ? text[..end].ToString().ToLowerInvariant() : null;
    }

    /// <summary>
    /// True for an address that does not lead to a path of this site: one with a scheme, or one that names another
    /// host (« //hôte/… », which the browser also reads in « /\hôte » and « \\hôte »).
    /// </summary>
    public static bool LeavesSite(ReadOnlySpan<char> url)
    {
        var text = url.Trim(StrippedAtEnds);
        if (text.IndexOfAny('\t', '\n', '\r') >= 0)
        {
            text = AsBrowserReads(text.ToString());
        }
        return SchemeEnd(text) >= 0 || (text.Length >= 2 && text[0] is '/' or '\\' && text[1] is '/' or '\\');
    }

    // Where the scheme's colon is, or -1: a colon before any « / », « ? » or « # ».
    private static int SchemeEnd(ReadOnlySpan<char> text)
    {
        var end = text.IndexOfAny(":/?#");
        return end >= 0 && text[end] == ':' ? end : -1;
    }

    /// <summary>The address as the URL parser sees it before it looks for a scheme.</summary>
    public static string AsBrowserReads(string url)
    {
        var text = url.AsSpan().Trim(StrippedAtEnds);
        if (text.IndexOfAny('\t', '\n', '\r') < 0)
        {
            return text.Length == url.Length ? url : text.ToString();
        }
        var kept = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is not ('\t' or '\n' or '\r'))
            {
                kept.Append(c);
            }
        }
        return kept.ToString();
    }
}
