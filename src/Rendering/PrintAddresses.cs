using System.Net;
using System.Text.RegularExpressions;
using FichesSite.Pipeline;

namespace FichesSite.Rendering;

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

    [GeneratedRegex("""<a\s[^>]*?href="(?<href>[^"]*)"(?<rest>[^>]*)>""")]
    private static partial Regex AnchorTag();

    /// <summary>The page's HTML with the attribute on each link that prints an address.</summary>
    public string Apply(string pageOutputPath, string html) =>
        AnchorTag().Replace(html, tag =>
        {
            if (tag.Groups["rest"].Value.Contains(Attribute, StringComparison.Ordinal))
            {
                return tag.Value;
            }
            var address = PrintedAddress(pageOutputPath, WebUtility.HtmlDecode(tag.Groups["href"].Value));
            if (address is null)
            {
                return tag.Value;
            }
            var end = tag.Groups["href"].Index - tag.Index + tag.Groups["href"].Length + 1; // after the closing quote
            return $"{tag.Value[..end]} {Attribute}=\"{WebUtility.HtmlEncode(address)}\"{tag.Value[end..]}";
        });

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
        var path = href.Split('#')[0].Split('?')[0];
        var fragment = href.Length > path.Length && href[path.Length] == '#' ? href[path.Length..] : "";
        return SiteUrls.Resolve(fromPage, path) is { } target && SiteUrls.Absolute(baseUrl, target) is { } absolute ? absolute + fragment : null;
    }
}
