using CsCheck;
using FichesSite.Content;
using FichesSite.Pipeline;

namespace FichesSite.Tests.Collection;

/// <summary>
/// A service's phone becomes the « tel: » link a patient taps on each of its sheets (Service.PhoneHref keeps its
/// digits and « + »). A phone written with anything beyond one number (« poste 1234 », « ou 01… », the « (0) » of
/// « +33 (0)1… ») gave a link to another number: « +33 (0)1 00 00 00 01, poste 1234 » dialled +3301000000011234.
/// Whatever is written, the build either refuses it at its line or links to exactly the number shown.
/// </summary>
public sealed class ServicePhoneTests
{
    private static readonly Gen<string> Number = Gen.OneOf(Gen.Const("01 00 00 00 01"), Gen.Const("01.00.00.00.01"), Gen.Const("01-00-00-00-01"),
        Gen.Const("0100000001"), Gen.Const("+33 1 00 00 00 01"), Gen.Const("15"), Gen.Const("01\u00A000\u00A000\u00A000\u00A001"));

    private static readonly Gen<string> Extra = Gen.OneOf(Gen.Const(""), Gen.Const(""), Gen.Const(" poste 1234"), Gen.Const(", poste 12"),
        Gen.Const(" ou 01 00 00 00 02"), Gen.Const(" (standard)"), Gen.Const(" / 06 00 00 00 00"), Gen.Const(" 24 h/24"));

    [Fact]
    public void A_phone_is_refused_at_its_line_or_links_to_the_very_number_shown()
    {
        var gen =
            from number in Number
            from extra in Extra
            from zero in Gen.Int[0, 4]
            select zero == 0 && number.StartsWith("+33 ", StringComparison.Ordinal) ? "+33 (0)" + number[4..] + extra : number + extra;
        gen.Sample(phone =>
        {
            var root = Directory.CreateTempSubdirectory("fiches-catalogue-").FullName;
            try
            {
                var services = Path.Combine(root, "services.yml");
                File.WriteAllText(services, $"radiologie:\n  name: \"Radiologie\"\n  phone: \"{phone}\"\n");
                var diagnostics = new DiagnosticBag();

                var catalog = CatalogFile.Load((services, "services.yml"), (Path.Combine(root, "themes.yml"), "themes.yml"), diagnostics);

                if (catalog is null)
                {
                    var error = Assert.Single(diagnostics.All, d => d.Severity == Severity.Error);
                    Assert.Contains("téléphone", error.Message);
                    Assert.True(error.Line is 1 or 3, $"line {error.Line}");
                    return;
                }
                var shown = new string(phone.Where(ch => ch is not (' ' or '.' or '-' or '\u00A0')).ToArray());
                Assert.Equal("tel:" + shown, catalog.Service("radiologie")!.PhoneHref);
            }
            finally
            {
                Directory.Delete(root, recursive: true);
            }
        }, iter: 200, threads: 1);
    }
}
