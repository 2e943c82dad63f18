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
            var (catalog, diagnostics) = CatalogFiles.Load($"radiologie:\n  name: \"Radiologie\"\n  phone: \"{phone}\"\n", themes: false);

            if (catalog is null)
            {
                var error = Assert.Single(diagnostics.All, d => d.Severity == Severity.Error);
                Assert.Contains("téléphone", error.Message);
                Assert.True(error.Line is 1 or 3, $"line {error.Line}");
                return;
            }
            Assert.Equal("tel:" + Shown(phone), catalog.Service("radiologie")!.PhoneHref);
        }, iter: 200, threads: 1);
    }

    [Fact]
    public void The_organisation_s_phone_in_site_yml_follows_the_same_rule()
    {
        Gen.Select(Number, Extra).Sample((number, extra) =>
        {
            using var site = new TestSite();
            var path = Path.Combine(site.Input, "site.yml");
            var text = File.ReadAllText(path);
            Assert.Contains("  phone: \"01 00 00 00 00\"", text);
            File.WriteAllText(path, text.Replace("  phone: \"01 00 00 00 00\"", $"  phone: \"{number + extra}\"", StringComparison.Ordinal));

            var result = site.Build(output: null);

            if (!result.Succeeded)
            {
                var error = Assert.Single(result.Errors);
                Assert.Contains("le téléphone de l’établissement doit être un seul numéro", error.Message);
                Assert.NotEqual("", extra);
                return;
            }
            Assert.Equal("", extra);
            Assert.Equal("tel:" + Shown(number), site.Page("index.html").QuerySelector("footer .contact a[href^='tel:']")!.GetAttribute("href"));
        }, iter: 12, threads: 1);
    }

    // The number's digits and « + », as a link dials them.
    private static string Shown(string phone) => new(phone.Where(ch => ch is not (' ' or '.' or '-' or '\u00A0')).ToArray());
}
