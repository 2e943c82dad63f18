using System.Text;
using CsCheck;
using FichesSite.Pdf;

namespace FichesSite.Tests.Pdf;

/// <summary>
/// The dates Chromium writes into a PDF, rewritten to SOURCE_DATE_EPOCH's in place: the same length, so the file's
/// offsets hold, and nothing else of the file changes.
/// </summary>
public sealed class PdfDatesTests
{
    private static byte[] Pdf(string creation, string modification) => Encoding.ASCII.GetBytes(
        $"%PDF-1.4\n1 0 obj\n<</Creator (Chromium)\n/Producer (Skia/PDF m120)\n/CreationDate (D:{creation})\n/ModDate (D:{modification})>>\nendobj\nxref\n0 2\ntrailer\n%%EOF\n");

    [Fact]
    public void Both_dates_become_the_epoch_s_and_nothing_else_changes()
    {
        var date = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000); // 2023-11-14 22:13:20 UTC
        Gen.Select(Gen.Int[0, 9999], Gen.Int[0, 9999], Gen.Bool).Sample((a, b, utc) =>
        {
            string Stamp(int n) => new DateTime(2026, 1, 1).AddSeconds(n * 997.0).ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture) + (utc ? "Z" : "+01'00'");
            var pdf = Pdf(Stamp(a), Stamp(b));
            var expected = Pdf("20231114221320" + (utc ? "Z" : "+00'00'"), "20231114221320" + (utc ? "Z" : "+00'00'"));

            PdfDates.Rewrite(pdf, date);

            Assert.Equal(Encoding.ASCII.GetString(expected), Encoding.ASCII.GetString(pdf));
        });
    }

    [Theory]
    [InlineData("2026-12-07")]
    [InlineData("D:2026")]
    [InlineData("20261207")]
    public void A_date_in_another_form_is_left_as_it_is(string written)
    {
        var pdf = Encoding.ASCII.GetBytes($"<</CreationDate (D:{written})>>");
        var before = pdf.ToArray();

        PdfDates.Rewrite(pdf, DateTimeOffset.UnixEpoch);

        Assert.Equal(before, pdf);
    }
}
