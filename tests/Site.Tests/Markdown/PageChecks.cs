using System.Security.Cryptography;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using FichesSite.Build;

namespace FichesSite.Tests;

/// <summary>
/// What a built page must never hold, judged as a browser would judge it, independently of the generator's own
/// rule (src/Pipeline/UrlPolicy): no event handler, no style attribute, no address whose scheme could run code.
/// </summary>
public static class PageChecks
{
    private static readonly HtmlParser Parser = new();

    /// <summary>Attributes a browser follows or loads as an address.</summary>
    public static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "xlink:href", "poster", "cite", "data", "background", "srcset"];

    private static readonly string[] SafeSchemes = ["http", "https", "mailto", "tel"];

    /// <summary>
    /// The scheme the URL parser of a browser reads (WHATWG URL Standard, « scheme start state »): leading and trailing
    /// C0 controls and spaces stripped, tabs and newlines removed, then a letter followed by letters, digits, « + », « - »
    /// or « . » up to a colon. Null for a relative URL.
    /// </summary>
    public static string? BrowserScheme(string url)
    {
        var text = new string(url.Trim(Enumerable.Range(0, 33).Select(c => (char)c).ToArray()).Where(c => c is not ('\t' or '\n' or '\r')).ToArray());
        if (text.Length == 0 || !char.IsAsciiLetter(text[0]))
        {
            return null;
        }
        var i = 1;
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '+' or '-' or '.'))
        {
            i++;
        }
        return i < text.Length && text[i] == ':' ? text[..i].ToLowerInvariant() : null;
    }

    /// <summary>Everything in the page that could run script or restyle it, described for an assertion message.</summary>
    public static List<string> ScriptProblems(IDocument page)
    {
        var problems = new List<string>();
        foreach (var element in page.All)
        {
            foreach (var attribute in element.Attributes)
            {
                var name = attribute.Name.ToLowerInvariant();
                if (name.StartsWith("on", StringComparison.Ordinal) || name == "style")
                {
                    problems.Add($"<{element.LocalName} {attribute.Name}=\"{attribute.Value}\">");
                }
                else if (UrlAttributes.Contains(name) && BrowserScheme(attribute.Value) is { } scheme && !SafeSchemes.Contains(scheme))
                {
                    problems.Add($"<{element.LocalName} {attribute.Name}=\"{attribute.Value}\">");
                }
            }
            if (element.LocalName is "iframe" or "object" or "embed" or "base"
                || (element.LocalName is "style" && !AllowedByItsHash(element))
                || (element.LocalName == "script" && element.GetAttribute("type") != "application/ld+json" && !element.HasAttribute("src") && !AllowedByItsHash(element)))
            {
                problems.Add($"<{element.LocalName}>");
            }
        }
        return problems;
    }

    /// <summary>
    /// True for a style or script element written in the page whose text the page's Content-Security-Policy allows by
    /// its hash (the 404 page's two, src/Rendering/NotFoundPage.cs): the build wrote it, since no author's text can
    /// match a hash the build computed from the theme's files, and the browser applies it under the strict policy.
    /// </summary>
    public static bool AllowedByItsHash(IElement element)
    {
        if (element.LocalName is not ("style" or "script") || element.HasAttribute("src") || element.HasAttribute("style"))
        {
            return false;
        }
        var policy = element.Owner?.QuerySelector("meta[http-equiv=Content-Security-Policy]")?.GetAttribute("content") ?? "";
        var directive = element.LocalName == "style" ? "style-src" : "script-src";
        var hash = "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(element.TextContent))) + "'";
        return policy.Split(';').Select(d => d.Trim().Split(' ')).Any(d => d[0] == directive && d.Contains(hash));
    }

    /// <summary>Ids given to more than one element of the page.</summary>
    public static List<string> DuplicateIds(IDocument page) =>
        page.All.Where(e => !string.IsNullOrEmpty(e.Id)).GroupBy(e => e.Id!).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

    /// <summary>Every HTML page of a built site, parsed.</summary>
    public static IEnumerable<(string SitePath, IDocument Page)> Pages(TestSite site) =>
        site.HtmlPages().Select(p => (p, (IDocument)Parser.ParseDocument(File.ReadAllText(Path.Combine(site.Output, p)))));

    /// <summary>
    /// A failed build must say why in French on the page's own lines: no internal error, nothing published, and at
    /// least one error naming <paramref name="file"/> with a line.
    /// </summary>
    public static void AssertFailedOnItsLines(BuildResult result, string file, TestSite site)
    {
        Assert.False(result.Succeeded);
        var errors = result.Errors.ToList();
        Assert.DoesNotContain(errors, e => e.Message.StartsWith(Pipeline.PipelineRunner.InternalErrorMessage, StringComparison.Ordinal));
        Assert.Contains(errors, e => e.File.EndsWith(file, StringComparison.Ordinal) && e.Line > 0);
        Assert.False(Directory.Exists(site.Output));
    }
}
