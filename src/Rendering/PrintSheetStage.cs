using System.Security.Cryptography;
using System.Text;
using FichesSite.Content;
using FichesSite.Pipeline;

namespace FichesSite.Rendering;

/// <summary>What a sheet needs on paper, carried inside its page so that a sheet stays one file.</summary>
/// <param name="QrCode">The QR code of <paramref name="Url"/>, as a data: URI.</param>
/// <param name="MarginStyle">CSS whose @page margin boxes carry the sheet's title, « Page X / Y », version and review date.</param>
/// <param name="MarginStyleHash">The CSP source (<c>'sha256-…'</c>) that allows exactly that style element and no other.</param>
/// <param name="Url">The canonical address the QR code leads to.</param>
public sealed record PrintSheet(string QrCode, string MarginStyle, string MarginStyleHash, string Url)
{
    public static readonly MetaKey<PrintSheet> Key = new("print-sheet");
}

/// <summary>
/// Makes, for each sheet, the QR code of its canonical address and the few lines of print CSS that
/// put its own title, version and review date in the page margins. CSS cannot read these facts from
/// the page (Chromium has no string-set), so each sheet has its own rules; they go in a style element
/// allowed by its hash in the page's Content-Security-Policy, which still refuses every other inline
/// style. (Two small files beside each page did the same and made writing the site twice as slow.)
/// Without a base URL there is no address to print: nothing is made.
/// </summary>
public sealed class PrintSheetStage(string? baseUrl, ThemeStrings strings) : IDocumentStage
{
    public string Name => "print sheet";

    public Document Run(Document document, DiagnosticBag diagnostics)
    {
        if (!ReadSources.IsFiche(document.OutputPath) || SiteModel.AbsoluteUrl(baseUrl, document.OutputPath) is not { } url)
        {
            return document;
        }
        var style = MarginStyle(document.Get(FrontMatter.Key));
        return document.With(PrintSheet.Key, new PrintSheet(QrCodeSvg.DataUriFor(url), style, CspHash(style), url));
    }

    /// <summary>Only the words; how they look is in theme/assets/css/print.css.</summary>
    public string MarginStyle(FrontMatter page)
    {
        var facts = new List<string>();
        if (page.Version is { } version)
        {
            facts.Add($"{strings.Text("print", "version")} {version}");
        }
        if (page.LastReviewed is { } reviewed)
        {
            facts.Add($"{strings.Text("print", "updated_on")} {strings.LongDate(reviewed)}");
        }
        return "@page{"
            + $"@top-center{{content:{CssString(page.Title)}}}"
            + $"@bottom-left{{content:{CssString(string.Join(" · ", facts))}}}"
            + $"@bottom-right{{content:{CssString(strings.Text("print", "page") + " ")} counter(page) \" / \" counter(pages)}}"
            + "}";
    }

    /// <summary>
    /// A CSS string literal: quotes and backslashes escaped, line breaks as spaces, and « &lt; » as
    /// a CSS escape so that no title can close the style element it is written in.
    /// </summary>
    public static string CssString(string text) =>
        "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("<", "\\3c ").Replace('\n', ' ').Replace('\r', ' ') + "\"";

    /// <summary>The CSP hash source of a style element's exact text.</summary>
    public static string CspHash(string style) =>
        "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(style))) + "'";
}
