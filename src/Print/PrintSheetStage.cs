using System.Text;
using FichesSite.Content;
using FichesSite.Pipeline;

namespace FichesSite.Print;

/// <summary>What a sheet needs on paper.</summary>
/// <param name="QrCode">SVG markup of the QR code of <paramref name="Url"/>, placed in the page.</param>
/// <param name="Stylesheet">Site path of the style sheet that fills the page margins of this sheet.</param>
/// <param name="Url">The canonical address the QR code leads to.</param>
public sealed record PrintSheet(string QrCode, string Stylesheet, string Url)
{
    public static readonly MetaKey<PrintSheet> Key = new("print-sheet");
}

/// <summary>The words a printed sheet carries, from the theme's i18n file, and how a date is written.</summary>
public sealed record PrintWords(string QrCodeAlt, string Version, string UpdatedOn, string Page, Func<DateOnly, string> LongDate);

/// <summary>
/// Makes, for each sheet, the QR code of its canonical address (inside the page) and a small print
/// style sheet whose @page margin boxes carry its title, « Page X / Y », its version and review date.
/// The style sheet is a file of its own because the Content-Security-Policy forbids inline styles
/// (a server may add a stricter policy than the page's own, so no hash exception is relied on), and
/// CSS cannot read these facts from the page (Chromium has no string-set). Without a base URL there
/// is no address to print: nothing is made.
/// </summary>
public sealed class PrintSheetStage(string? baseUrl, PrintWords words) : IDocumentStage
{
    public const string StylesheetName = "print-page.css";

    public string Name => "print sheet";

    public Document Run(Document document, SiteProducts site, DiagnosticBag diagnostics)
    {
        if (!PageAddresses.IsFiche(document.OutputPath) || PageAddresses.Absolute(baseUrl, document.OutputPath) is not { } url)
        {
            return document;
        }
        var folder = document.OutputPath[..(document.OutputPath.LastIndexOf('/') + 1)];
        var sheet = new PrintSheet(QrCodeSvg.For(url, words.QrCodeAlt), folder + StylesheetName, url);
        return document
            .With(PrintSheet.Key, sheet)
            .With(GeneratedFiles.Key, [new GeneratedFile(sheet.Stylesheet, Encoding.UTF8.GetBytes(Stylesheet(document.Get(FrontMatter.Key))))]);
    }

    /// <summary>Only the words; how they look is in theme/assets/css/print.css.</summary>
    public string Stylesheet(FrontMatter page)
    {
        var facts = new List<string>();
        if (page.Version is { } version)
        {
            facts.Add($"{words.Version} {version}");
        }
        if (page.LastReviewed is { } reviewed)
        {
            facts.Add($"{words.UpdatedOn} {words.LongDate(reviewed)}");
        }
        return $$"""
            @charset "utf-8";
            /* Made by the build for this sheet only (src/Print/PrintSheetStage.cs). */
            @page {
              @top-center { content: {{CssString(page.Title)}}; }
              @bottom-left { content: {{CssString(string.Join(" · ", facts))}}; }
              @bottom-right { content: {{CssString(words.Page + " ")}} counter(page) " / " counter(pages); }
            }

            """;
    }

    /// <summary>A CSS string literal: quotes and backslashes escaped, line breaks as spaces.</summary>
    public static string CssString(string text) =>
        "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace('\n', ' ').Replace('\r', ' ') + "\"";
}
