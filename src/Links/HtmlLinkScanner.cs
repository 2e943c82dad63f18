using System.Net;
using System.Text;
using FichesSite.Text;

namespace FichesSite.Links;

/// <summary>
/// Reads the ids and the followed or fetched URLs (a, link, script, img) of an HTML page with a
/// small tokenizer instead of a DOM: building AngleSharp's tree for every page was most of a large
/// build's time (docs/benchmarks.md), and link checking needs tags and attributes, not a tree. It understands what HTML pages contain (double, single or no quotes,
/// comments, raw-text elements, character references); the tests compare it with AngleSharp.
/// </summary>
/// <remarks>
/// It reads the page as the UTF-8 its file holds, as the layout made it: everything HTML's syntax is made of is ASCII
/// (a byte of a multi-byte character is never below 0x80), so tags are found in the bytes, and only the values read
/// are decoded.
/// </remarks>
public static class HtmlLinkScanner
{
    /// <param name="Urls">Every URL followed or fetched, once each, in page order.</param>
    /// <param name="Fetched">The URLs the browser fetches by itself when showing the page (styles, scripts, images, icons).</param>
    public sealed record Result(HashSet<string> Ids, List<string> Urls, HashSet<string> Fetched);

    /// <summary>The same reading of a page held as a string (tests, and tools that have one).</summary>
    public static Result Scan(string html, StringPool? pool = null) => Scan(Encoding.UTF8.GetBytes(html), pool);

    /// <param name="pool">Where ids and URLs are kept once for the whole site (the link check holds every page's until the end).</param>
    public static Result Scan(ReadOnlySpan<byte> html, StringPool? pool = null)
    {
        pool ??= new StringPool();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var urls = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var fetched = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        while (NextIndexOf(html, (byte)'<', i) is var at && at >= 0)
        {
            i = at;
            if (html[i..].StartsWith("<!--"u8))
            {
                var end = html[(i + 4)..].IndexOf("-->"u8);
                i = end < 0 ? html.Length : i + 4 + end + 3;
                continue;
            }
            var nameStart = i + 1;
            var nameEnd = nameStart;
            while (nameEnd < html.Length && char.IsAsciiLetterOrDigit((char)html[nameEnd]))
            {
                nameEnd++;
            }
            if (nameEnd == nameStart)
            {
                i++; // « </… », « <!DOCTYPE », or a lone « < » in text
                continue;
            }
            var name = KnownName(html[nameStart..nameEnd]);
            var (attributes, tagEnd) = Attributes(html, nameEnd, pool);
            if (attributes.Id is { } id)
            {
                ids.Add(id);
            }
            var url = name switch
            {
                "a" => attributes.Href,
                "link" when attributes.Rel != "canonical" => attributes.Href,
                "script" or "img" => attributes.Src,
                _ => null,
            };
            if (url is not null && seen.Add(url))
            {
                urls.Add(url);
            }
            if (url is not null && name != "a")
            {
                fetched.Add(url);
            }
            i = name is "script" or "style" or "textarea" or "title" ? SkipRawText(html, tagEnd, name) : tagEnd;
        }
        return new Result(ids, urls, fetched);
    }

    private static int NextIndexOf(ReadOnlySpan<byte> html, byte value, int from)
    {
        var found = html[from..].IndexOf(value);
        return found < 0 ? -1 : from + found;
    }

    // The tag names this scanner acts on, as constants; any other tag is null (no string made for it).
    private static readonly string[] KnownNames = ["a", "link", "script", "img", "style", "textarea", "title"];

    private static string? KnownName(ReadOnlySpan<byte> name)
    {
        foreach (var known in KnownNames)
        {
            if (Ascii.EqualsIgnoreCase(name, known))
            {
                return known;
            }
        }
        return null;
    }

    // The only attributes read; the first of each name counts, as in a browser.
    private record struct TagAttributes(string? Id, string? Href, string? Src, string? Rel);

    // HTML's own white space: ASCII only.
    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\f' or (byte)'\r';

    // Attributes from just after the tag name to the closing « > »; values decoded, names compared without case.
    // Only the four read become strings: a dictionary of every attribute of every tag was a tenth of a build's garbage.
    private static (TagAttributes Attributes, int End) Attributes(ReadOnlySpan<byte> html, int i, StringPool pool)
    {
        var attributes = new TagAttributes();
        while (i < html.Length)
        {
            while (i < html.Length && (IsSpace(html[i]) || html[i] == '/'))
            {
                i++;
            }
            if (i >= html.Length || html[i] == '>')
            {
                return (attributes, Math.Min(i + 1, html.Length));
            }
            var nameStart = i;
            while (i < html.Length && !IsSpace(html[i]) && html[i] is not ((byte)'=' or (byte)'>' or (byte)'/'))
            {
                i++;
            }
            var name = html[nameStart..i];
            while (i < html.Length && IsSpace(html[i]))
            {
                i++;
            }
            var value = ReadOnlySpan<byte>.Empty;
            if (i < html.Length && html[i] == '=')
            {
                i++;
                while (i < html.Length && IsSpace(html[i]))
                {
                    i++;
                }
                if (i < html.Length && html[i] is (byte)'"' or (byte)'\'')
                {
                    var close = NextIndexOf(html, html[i], i + 1);
                    close = close < 0 ? html.Length : close;
                    value = html[(i + 1)..close];
                    i = Math.Min(close + 1, html.Length);
                }
                else
                {
                    var start = i;
                    while (i < html.Length && !IsSpace(html[i]) && html[i] != '>')
                    {
                        i++;
                    }
                    value = html[start..i];
                }
            }
            if (Ascii.EqualsIgnoreCase(name, "id"u8))
            {
                attributes.Id ??= Decoded(value, pool);
            }
            else if (Ascii.EqualsIgnoreCase(name, "href"u8))
            {
                attributes.Href ??= Decoded(value, pool);
            }
            else if (Ascii.EqualsIgnoreCase(name, "src"u8))
            {
                attributes.Src ??= Decoded(value, pool);
            }
            else if (Ascii.EqualsIgnoreCase(name, "rel"u8))
            {
                attributes.Rel ??= Decoded(value, pool);
            }
        }
        return (attributes, html.Length);
    }

    private static string Decoded(ReadOnlySpan<byte> value, StringPool pool) =>
        value.Contains((byte)'&') ? pool.Get(WebUtility.HtmlDecode(Encoding.UTF8.GetString(value))) : pool.Get(value);

    // To the « </name » that ends a raw-text element, the name in any case.
    private static int SkipRawText(ReadOnlySpan<byte> html, int from, string element)
    {
        var i = from;
        while (html[i..].IndexOf("</"u8) is var found && found >= 0)
        {
            var at = i + found;
            var after = at + 2;
            if (after + element.Length <= html.Length && Ascii.EqualsIgnoreCase(html.Slice(after, element.Length), element))
            {
                return at;
            }
            i = after;
        }
        return html.Length;
    }
}
