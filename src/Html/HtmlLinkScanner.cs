using System.Net;

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

    public static Result Scan(string html)
    {
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
            var name = html[nameStart..nameEnd].ToLowerInvariant();
            var (attributes, tagEnd) = Attributes(html, nameEnd);
            if (attributes.TryGetValue("id", out var id))
            {
                ids.Add(id);
            }
            var url = name switch
            {
                "a" => attributes.GetValueOrDefault("href"),
                "link" when attributes.GetValueOrDefault("rel") != "canonical" => attributes.GetValueOrDefault("href"),
                "script" or "img" => attributes.GetValueOrDefault("src"),
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

    // Attributes from just after the tag name to the closing « > »; values decoded, names lower-cased.
    private static (Dictionary<string, string> Attributes, int End) Attributes(string html, int i)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
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
            var name = html[nameStart..i].ToLowerInvariant();
            while (i < html.Length && char.IsWhiteSpace(html[i]))
            {
                i++;
            }
            var value = "";
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
                    value = html[(i + 1)..close];
                    i = Math.Min(close + 1, html.Length);
                }
                else
                {
                    var start = i;
                    while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] != '>')
                    {
                        i++;
                    }
                    value = html[start..i];
                }
            }
            attributes.TryAdd(name, WebUtility.HtmlDecode(value));
        }
        return (attributes, html.Length);
    }

    private static int SkipRawText(string html, int from, string element)
    {
        var end = html.IndexOf("</" + element, from, StringComparison.OrdinalIgnoreCase);
        return end < 0 ? html.Length : end;
    }
}
