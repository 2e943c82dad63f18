using System.Globalization;
using System.Text;

namespace FichesSite.Pdf;

/// <summary>
/// Chromium writes the time of printing into each PDF (« /CreationDate » and « /ModDate » of its information
/// dictionary), the only bytes that differ between two prints of the same page. With SOURCE_DATE_EPOCH set, both are
/// rewritten to that date, so a handout, and the package that holds it, is the same file for the same source.
/// </summary>
public static class PdfDates
{
    private static readonly byte[][] Keys = [Encoding.ASCII.GetBytes("/CreationDate (D:"), Encoding.ASCII.GetBytes("/ModDate (D:")];

    /// <summary>
    /// Writes <paramref name="date"/> over each date of <paramref name="pdf"/>, in place and at the same length, so
    /// that the file's cross-reference offsets stay right. A date written in another form than Chromium's
    /// (« YYYYMMDDHHmmSS » then « Z » or « +HH'mm' ») is left as it is.
    /// </summary>
    public static void Rewrite(byte[] pdf, DateTimeOffset date)
    {
        var utc = date.ToUniversalTime().ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        foreach (var key in Keys)
        {
            var at = pdf.AsSpan().IndexOf(key);
            if (at < 0)
            {
                continue;
            }
            var digits = at + key.Length;
            var zone = digits + utc.Length;
            if (zone >= pdf.Length || pdf.AsSpan(digits, utc.Length).ContainsAnyExceptInRange((byte)'0', (byte)'9'))
            {
                continue;
            }
            if (pdf[zone] == (byte)'Z')
            {
                Encoding.ASCII.GetBytes(utc, pdf.AsSpan(digits));
            }
            else if (zone + 7 <= pdf.Length && pdf[zone] is (byte)'+' or (byte)'-' && pdf[zone + 3] == (byte)'\'' && pdf[zone + 6] == (byte)'\'')
            {
                Encoding.ASCII.GetBytes(utc + "+00'00'", pdf.AsSpan(digits));
            }
        }
    }
}
