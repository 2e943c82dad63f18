using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using FichesSite.Pipeline;

namespace FichesSite.Print;

/// <summary>
/// Gives every link of a finished page (run by <see cref="LayoutStage"/> on its output) a <c>data-print-href</c> attribute with its absolute address,
/// which theme/assets/css/print.css prints after the link text: a relative address means nothing on
/// paper. In-page anchors and phone numbers (the number is the text) get none; mailto: prints the
/// address alone. Without a base URL, links inside the site cannot be made absolute and get none.
/// </summary>
/// <remarks>
/// A regular expression, not an HTML parser: every &lt;a&gt; tag of a page is written by Markdig or by
/// the theme (raw HTML is refused in Markdown), always with a double-quoted href, and text never holds
/// a literal « &lt;a » (it is escaped). It is one pass over the page, where a DOM would cost a parse and
/// a serialisation of every page.
/// </remarks>
public sealed partial class PrintAddresses(string? baseUrl)
{
    public const string Attribute = "data-print-href";

    // The first href=" of the tag, as the code below reads it.
    [GeneratedRegex("""<a\s[^>]*?href="[^"]*"[^>]*>""")]
    private static partial Regex AnchorTag();

    /// <summary>Appends to <paramref name="result"/> the page's HTML with the attribute on each link that prints an address.</summary>
    /// <remarks>
    /// Reads the page from a span (the layout's own buffer) into the caller's builder: matches are enumerated without
    /// allocating, and the page is not made into a string on its way to its bytes.
    /// </remarks>
    public void Apply(string pageOutputPath, ReadOnlySpan<char> html, StringBuilder result)
    {
        const string HrefStart = "href=\"";
        var copied = 0;
        foreach (var match in AnchorTag().EnumerateMatches(html))
        {
            var tag = html.Slice(match.Index, match.Length);
            var hrefAt = tag.IndexOf(HrefStart, StringComparison.Ordinal) + HrefStart.Length;
            var href = tag[hrefAt..][..tag[hrefAt..].IndexOf('"')];
            var afterHref = hrefAt + href.Length + 1; // after the closing quote
            if (tag[afterHref..].Contains(Attribute, StringComparison.Ordinal))
            {
                continue;
            }
            var address = PrintedAddress(pageOutputPath, href.Contains('&') ? WebUtility.HtmlDecode(href.ToString()) : href.ToString());
            if (address is null)
            {
                continue;
            }
            result.Append(html[copied..(match.Index + afterHref)])
                .Append(' ').Append(Attribute).Append("=\"").Append(WebUtility.HtmlEncode(address)).Append('"');
            copied = match.Index + afterHref;
        }
        result.Append(html[copied..]);
    }

    /// <summary>What paper shows for a link written in the page at <paramref name="fromPage"/>, or null for nothing.</summary>
    public string? PrintedAddress(string fromPage, string href)
    {
        if (href.Length == 0 || href.StartsWith('#') || href.StartsWith("tel:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        if (href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            return href["mailto:".Length..].Split('?')[0];
        }
        if (SiteUrls.IsExternal(href))
        {
            return href;
        }
        var path = href.IndexOfAny(['#', '?']) is var cut and >= 0 ? href[..cut] : href;
        var fragment = href.Length > path.Length && href[path.Length] == '#' ? href[path.Length..] : "";
        return SiteUrls.Resolve(fromPage, path) is { } target && PageAddresses.Absolute(baseUrl, target) is { } absolute ? absolute + fragment : null;
    }
}
