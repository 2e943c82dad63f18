using System.Globalization;
using System.Text;

namespace FichesSite.Pdf;

/// <summary>
/// Shows, in a built page, the link to its PDF with the PDF's size (« Télécharger la fiche (PDF, 120 Ko) »).
/// </summary>
/// <remarks>
/// Why after printing, and not in the build: the size is known only once the PDF exists, and the build
/// must not need Chromium (nor call the pdf command). So the build leaves the link, with its words from
/// theme/i18n/fr.yml and « {size} » in place of the size, inside an HTML comment
/// (theme/partials/handout.liquid); the pdf command prints the PDF, then brings the link out of the
/// comment. A site built without PDFs therefore has no link that could be broken, and the link checker,
/// which skips comments, never sees one. A fresh build starts from the comment again.
/// </remarks>
public static class HandoutLinks
{
    public const string Marker = "<!--handout ";
    private const string End = " -->";
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Rewrites the page file; false when the page has no link waiting (a layout without the partial, or already shown).</summary>
    public static bool ShowInFile(string pageFile, long pdfBytes)
    {
        var html = File.ReadAllText(pageFile, Utf8);
        var shown = ShowIn(html, pdfBytes);
        if (shown is null)
        {
            return false;
        }
        var temporary = pageFile + ".tmp";
        File.WriteAllText(temporary, shown, Utf8);
        File.Move(temporary, pageFile, overwrite: true);
        return true;
    }

    /// <summary>The page with its waiting link shown, or null when it has none.</summary>
    public static string? ShowIn(string html, long pdfBytes)
    {
        var start = html.IndexOf(Marker, StringComparison.Ordinal);
        var end = start < 0 ? -1 : html.IndexOf(End, start, StringComparison.Ordinal);
        if (end < 0)
        {
            return null;
        }
        var link = html[(start + Marker.Length)..end].Replace("{size}", Size(pdfBytes), StringComparison.Ordinal);
        return string.Concat(html.AsSpan(0, start), link, html.AsSpan(end + End.Length));
    }

    /// <summary>« 120 Ko », « 1,2 Mo »: French units of 1024, rounded up, with a no-break space.</summary>
    public static string Size(long bytes)
    {
        var kilo = Math.Ceiling(bytes / 1024.0);
        return kilo < 1000
            ? kilo.ToString("0", CultureInfo.InvariantCulture) + "\u00a0Ko"
            : (bytes / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture).Replace('.', ',') + "\u00a0Mo";
    }
}
