using System.Text;

namespace FichesSite.Print;

/// <summary>
/// A QR code as SVG markup to place inside the page: no extra file to write or fetch, and no image
/// URL for a Content-Security-Policy to block (SVG presentation attributes are not inline styles).
/// <see cref="QrCode"/> computes the modules; each run of dark modules in a row is one stroke (several
/// times smaller than one rectangle per module, as QRCoder's SVG draws).
/// Black on white with the four-module quiet zone readers need; sized by its viewBox only (the
/// page's CSS gives its printed width).
/// </summary>
public static class QrCodeSvg
{
    /// <param name="label">What the code is, for screen readers (the role of an image's alt text).</param>
    public static string For(string url, string label)
    {
        // Level M (QrCode's only level): survives a fold or a stain on a handout, and stays small for a URL.
        var modules = QrCode.Encode(url); // quiet zone included
        var size = modules.GetLength(0);
        var svg = new StringBuilder(2400);
        svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").Append(size).Append(' ').Append(size)
            .Append("\" role=\"img\" aria-label=\"").Append(System.Net.WebUtility.HtmlEncode(label))
            .Append("\" shape-rendering=\"crispEdges\"><path fill=\"#fff\" d=\"M0 0h").Append(size).Append('v').Append(size).Append("h-").Append(size)
            .Append("z\"/><path stroke=\"#000\" d=\"");
        for (var y = 0; y < size; y++)
        {
            AppendRow(svg, modules, y);
        }
        svg.Append("\"/></svg>");
        return svg.ToString();
    }

    // One horizontal stroke, one module thick, per run of dark modules: "M x y.5h n", then "m gap 0h n".
    private static void AppendRow(StringBuilder svg, bool[,] modules, int y)
    {
        var penX = -1; // where the last stroke ended, or -1 before the first in this row
        var width = modules.GetLength(1);
        var x = 0;
        while (x < width)
        {
            if (!modules[y, x])
            {
                x++;
                continue;
            }
            var start = x;
            while (x < width && modules[y, x])
            {
                x++;
            }
            if (penX < 0)
            {
                svg.Append('M').Append(start).Append(' ').Append(y).Append(".5");
            }
            else
            {
                svg.Append('m').Append(start - penX).Append(" 0");
            }
            svg.Append('h').Append(x - start);
            penX = x;
        }
    }
}
