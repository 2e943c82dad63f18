using System.Net;
using FichesSite.Text;

namespace FichesSite.Html;

/// <summary>
/// Reads the ids and the followed or fetched URLs (a, link, script, img) of an HTML page with a
/// small tokenizer instead of a DOM: AngleSharp took about 3.7 ms a page here, which at 10,000
/// sheets was most of the build (docs/benchmarks.md), and link checking needs tags and
/// attributes, not a tree. It understands what HTML pages contain (double, single or no quotes,
/// comments, raw-text elements, character references); the tests compare it with AngleSharp.
/// </summary>
public static class HtmlLinkScanner
{
    /// <param name="Urls">Every URL followed or fetched, once each, in page order.</param>
    /// <param name="Fetched">The URLs the browser fetches by itself when showing the page (styles, scripts, images, icons).</param>
    public sealed record Result(HashSet<string> Ids, List<string> Urls, HashSet<string> Fetched);

    /// <param name="pool">Where ids and URLs are kept once for the whole site (the link check holds every page's until the end).</param>
    public static Result Scan(string html, StringPool? pool = null)
    {
        pool ??= new StringPool();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var urls = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var fetched = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0)
        {
            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                var end = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = end < 0 ? html.Length : end + 3;
                continue;
            }
            var nameStart = i + 1;
            var nameEnd = nameStart;
            while (nameEnd < html.Length && char.IsAsciiLetterOrDigit(html[nameEnd]))
            {
                nameEnd++;
            }
            if (nameEnd == nameStart)
            {
                i++; // « </… », « <!DOCTYPE », or a lone « < » in text
                continue;
            }
            var name = KnownName(html.AsSpan(nameStart, nameEnd - nameStart));
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

    // The tag names this scanner acts on, as constants; any other tag is null (no string made for it).
    private static readonly string[] KnownNames = ["a", "link", "script", "img", "style", "textarea", "title"];

    private static string? KnownName(ReadOnlySpan<char> name)
    {
        foreach (var known in KnownNames)
        {
            if (name.Equals(known, StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }
        return null;
    }

    // The only attributes read; the first of each name counts, as in a browser.
    private record struct TagAttributes(string? Id, string? Href, string? Src, string? Rel);

    // Attributes from just after the tag name to the closing « > »; values decoded, names compared without case.
    // Only the four read become strings: a dictionary of every attribute of every tag was a tenth of a build's garbage.
    private static (TagAttributes Attributes, int End) Attributes(string html, int i, StringPool pool)
    {
        var attributes = new TagAttributes();
        while (i < html.Length)
        {
            while (i < html.Length && (char.IsWhiteSpace(html[i]) || html[i] == '/'))
            {
                i++;
            }
            if (i >= html.Length || html[i] == '>')
            {
                return (attributes, Math.Min(i + 1, html.Length));
            }
            var nameStart = i;
            while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] is not ('=' or '>' or '/'))
            {
                i++;
            }
            var name = html.AsSpan(nameStart, i - nameStart);
            while (i < html.Length && char.IsWhiteSpace(html[i]))
            {
                i++;
            }
            var value = ReadOnlySpan<char>.Empty;
            if (i < html.Length && html[i] == '=')
            {
                i++;
                while (i < html.Length && char.IsWhiteSpace(html[i]))
                {
                    i++;
                }
                if (i < html.Length && html[i] is '"' or '\'')
                {
                    var quote = html[i];
                    var close = html.IndexOf(quote, i + 1);
                    close = close < 0 ? html.Length : close;
                    value = html.AsSpan((i + 1)..close);
                    i = Math.Min(close + 1, html.Length);
                }
                else
                {
                    var start = i;
                    while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] != '>')
                    {
                        i++;
                    }
                    value = html.AsSpan(start..i);
                }
            }
            if (name.Equals("id", StringComparison.OrdinalIgnoreCase))
            {
                attributes.Id ??= Decoded(value, pool);
            }
            else if (name.Equals("href", StringComparison.OrdinalIgnoreCase))
            {
                attributes.Href ??= Decoded(value, pool);
            }
            else if (name.Equals("src", StringComparison.OrdinalIgnoreCase))
            {
                attributes.Src ??= Decoded(value, pool);
            }
            else if (name.Equals("rel", StringComparison.OrdinalIgnoreCase))
            {
                attributes.Rel ??= Decoded(value, pool);
            }
        }
        return (attributes, html.Length);
    }

    private static string Decoded(ReadOnlySpan<char> value, StringPool pool) =>
        pool.Get(value.Contains('&') ? WebUtility.HtmlDecode(value.ToString()) : value);

    private static int SkipRawText(string html, int from, string element)
    {
        var end = html.IndexOf("</" + element, from, StringComparison.OrdinalIgnoreCase);
        return end < 0 ? html.Length : end;
    }
}
