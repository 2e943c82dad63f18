using System.Text;
using QRCoder;

namespace FichesSite.Rendering;

/// <summary>
/// A QR code as a small SVG inside a data: URI, so that a sheet is one file and its QR code prints
/// even from a saved copy. QRCoder computes the modules; the drawing is ours because QRCoder's SVG
/// draws one rectangle per module (about 12 KB a code): here each run of dark modules in a row is one
/// stroke (about 2 KB). Black on white with the four-module quiet zone readers need; sized by its
/// viewBox only (the page's CSS gives its printed width).
/// </summary>
public static class QrCodeSvg
{
    public const string DataUriPrefix = "data:image/svg+xml,";

    public static string DataUriFor(string url)
    {
        using var generator = new QRCodeGenerator();
        // Level M: survives a fold or a stain on a handout, and stays small for a URL.
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var rows = data.ModuleMatrix; // quiet zone included
        var size = rows.Count;
        // Only characters a URL allows unescaped, apart from the few escapes below (%3C, %3E, %20, %23),
        // so that HTML validators accept the attribute: commas separate numbers instead of spaces.
        var svg = new StringBuilder(2600);
        svg.Append(DataUriPrefix)
            .Append("%3Csvg%20xmlns='http://www.w3.org/2000/svg'%20viewBox='0,0,").Append(size).Append(',').Append(size)
            .Append("'%20shape-rendering='crispEdges'%3E")
            .Append("%3Cpath%20fill='%23fff'%20d='M0,0h").Append(size).Append('v').Append(size).Append("h-").Append(size).Append("z'/%3E")
            .Append("%3Cpath%20stroke='%23000'%20d='");
        for (var y = 0; y < size; y++)
        {
            AppendRow(svg, rows[y], y);
        }
        svg.Append("'/%3E%3C/svg%3E");
        return svg.ToString();
    }

    // One horizontal stroke, one module thick, per run of dark modules: "M x,y.5h n", then "m gap,0h n".
    private static void AppendRow(StringBuilder svg, System.Collections.BitArray row, int y)
    {
        var penX = -1; // where the last stroke ended, or -1 before the first in this row
        var x = 0;
        while (x < row.Length)
        {
            if (!row[x])
            {
                x++;
                continue;
            }
            var start = x;
            while (x < row.Length && row[x])
            {
                x++;
            }
            if (penX < 0)
            {
                svg.Append('M').Append(start).Append(',').Append(y).Append(".5");
            }
            else
            {
                svg.Append('m').Append(start - penX).Append(",0");
            }
            svg.Append('h').Append(x - start);
            penX = x;
        }
    }
}
