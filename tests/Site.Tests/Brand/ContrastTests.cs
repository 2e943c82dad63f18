using System.Globalization;
using CsCheck;
using FichesSite.Brand;
using FichesSite.Pipeline;

namespace FichesSite.Tests;

/// <summary>
/// The contrast ratio against WCAG's own figures, the colours site.yml may give (and the hostile ones it may not), and
/// the brand check as a whole: it refuses exactly the palettes where a listed pair falls under its minimum, and prints
/// the ratio an independent computation finds.
/// </summary>
public sealed class ContrastTests
{
    [Theory]
    [InlineData("#000000", "#ffffff", 21.0)]
    [InlineData("#ffffff", "#ffffff", 1.0)]
    [InlineData("#777777", "#ffffff", 4.48)]  // the classic « just under AA » grey
    [InlineData("#767676", "#ffffff", 4.54)]  // the lightest grey that passes on white
    [InlineData("#595959", "#ffffff", 7.0)]   // the lightest grey that passes AAA on white
    [InlineData("#ff0000", "#ffffff", 4.0)]
    [InlineData("#0000ff", "#ffffff", 8.59)]
    public void The_ratio_is_wcags(string a, string b, double expected)
    {
        var ratio = Contrast.Ratio(HexColour.Parse(a), HexColour.Parse(b));
        Assert.Equal(expected, ratio, 0.005);
        Assert.Equal(ratio, Contrast.Ratio(HexColour.Parse(b), HexColour.Parse(a))); // the order does not matter
    }

    [Theory]
    [InlineData(4.478, "4,47:1")]  // cut, never rounded up to the minimum
    [InlineData(4.5, "4,5:1")]
    [InlineData(3.0, "3:1")]
    [InlineData(21.0, "21:1")]
    [InlineData(2.8361, "2,83:1")]
    public void A_ratio_is_printed_the_french_way_and_never_rounded_up(double ratio, string printed) =>
        Assert.Equal(printed, Contrast.Format(ratio));

    [Theory]
    [InlineData("#1d5a8c", "#1d5a8c")]
    [InlineData("#1D5A8C", "#1d5a8c")]
    [InlineData("#abc", "#aabbcc")]
    [InlineData("#FFF", "#ffffff")]
    public void A_hex_colour_is_read_and_written_back_as_rrggbb(string text, string written)
    {
        Assert.True(HexColour.TryParse(text, out var colour));
        Assert.Equal(written, colour.ToString());
    }

    [Theory]
    [InlineData("red;}body{display:none")]
    [InlineData("#fff;}body{display:none}")]
    [InlineData("url(https://exemple.invalid/x.png)")]
    [InlineData("url(#x)")]
    [InlineData("red")]
    [InlineData("rebeccapurple")]
    [InlineData("transparent")]
    [InlineData("currentColor")]
    [InlineData("rgb(0, 0, 0)")]
    [InlineData("var(--x)")]
    [InlineData("#12345")]
    [InlineData("#1234567")]
    [InlineData("#1d5a8c80")]
    [InlineData("#ggg")]
    [InlineData(" #fff")]
    [InlineData("#fff ")]
    [InlineData("#fff\n")]
    [InlineData("＃fff")]
    [InlineData("#٣٣٣")] // Arabic-Indic digits: digits, not hexadecimal
    [InlineData("")]
    public void Anything_but_rgb_or_rrggbb_is_refused(string text) =>
        Assert.False(HexColour.TryParse(text, out _));

    [Fact]
    public void Every_generated_text_read_as_a_colour_writes_back_as_seven_safe_characters() =>
        Gen.String.Sample(text =>
        {
            if (HexColour.TryParse(text, out var colour))
            {
                Assert.Matches("^#[0-9a-f]{6}$", colour.ToString());
            }
        }, iter: 20_000);

    // ---- The brand check against an independent computation ----

    // WCAG 2.2's relative luminance, written here again from the definition, apart from Contrast.
    private static double Luminance(HexColour c)
    {
        static double Channel(int value)
        {
            var s = value / 255.0;
            return s <= 0.04045 ? s / 12.92 : Math.Pow((s + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * Channel(c.R) + 0.7152 * Channel(c.G) + 0.0722 * Channel(c.B);
    }

    private static double OracleRatio(HexColour a, HexColour b)
    {
        var (l1, l2) = (Luminance(a), Luminance(b));
        return l1 > l2 ? (l1 + 0.05) / (l2 + 0.05) : (l2 + 0.05) / (l1 + 0.05);
    }

    private static string OracleFormat(double ratio) =>
        (Math.Floor(ratio * 100) / 100).ToString("0.##", CultureInfo.InvariantCulture).Replace('.', ',') + ":1";

    private static readonly Gen<HexColour> Colour = Gen.Select(Gen.Byte, Gen.Byte, Gen.Byte, (r, g, b) => new HexColour(r, g, b));

    [Fact]
    public void The_check_refuses_exactly_when_a_listed_pair_is_under_its_minimum_and_prints_its_ratio() =>
        Gen.Select(Colour, Colour, Gen.Bool).Sample((primary, dark, darkGiven) =>
        {
            var brand = new BrandSettings { Line = 1, Primary = primary, PrimaryLine = 2, PrimaryDark = darkGiven ? dark : null, PrimaryDarkLine = darkGiven ? 3 : 0 };
            var palette = BrandContrast.PaletteOf(brand);
            var failing = BrandPairs.All
                .Select(p => (Pair: p, Ratio: OracleRatio(p.Foreground(palette), p.Background(palette))))
                .Where(p => p.Ratio < p.Pair.Minimum)
                .ToList();
            var diagnostics = new DiagnosticBag(warningsAreErrors: false);

            var checkedPalette = BrandContrast.Check(brand, "input/site.yml", diagnostics);

            Assert.Equal(failing.Count == 0, checkedPalette is not null);
            // One error per failing pair, on the line of the colour to change, naming the pair and both ratios.
            var expected = failing
                .Select(f => (pair: f.Pair.DependsOn == BrandPairs.Setting.Primary ? 2 : 3,
                    f.Pair.What + $", {f.Pair.Foreground(palette)} sur {f.Pair.Background(palette)}, donne {OracleFormat(f.Ratio)} ; il faut au moins {OracleFormat(f.Pair.Minimum)}."))
                .Order()
                .ToList();
            var found = diagnostics.All.Select(e => (e.Line, e.Message[(e.Message.IndexOf(" : ", StringComparison.Ordinal) + 3)..])).Order().ToList();
            Assert.Equal(expected, found);
        }, iter: 5_000);

    [Fact]
    public void Without_primary_dark_the_dark_variant_derived_from_primary_passes_every_pair() =>
        Colour.Sample(primary =>
        {
            var derived = BrandContrast.Derived(primary);
            var palette = new BrandPalette(primary, derived);
            Assert.All(BrandPairs.All.Where(p => p.DependsOn == BrandPairs.Setting.PrimaryDark),
                pair => Assert.True(OracleRatio(pair.Foreground(palette), pair.Background(palette)) >= pair.Minimum, $"{derived} from {primary}: {pair.What}"));
        }, iter: 2_000);

    [Fact]
    public void The_colour_a_failing_error_suggests_passes_every_pair_of_its_setting() =>
        Gen.Select(Colour, Colour).Sample((primary, dark) =>
        {
            var diagnostics = new DiagnosticBag(warningsAreErrors: false);
            BrandContrast.Check(new BrandSettings { Primary = primary, PrimaryLine = 2, PrimaryDark = dark, PrimaryDarkLine = 3 }, "input/site.yml", diagnostics);
            foreach (var error in diagnostics.All)
            {
                var suggested = HexColour.Parse(System.Text.RegularExpressions.Regex.Match(error.Fix!, "#[0-9a-f]{6}").Value);
                var palette = error.Line == 2 ? new BrandPalette(suggested, dark) : new BrandPalette(primary, suggested);
                var setting = error.Line == 2 ? BrandPairs.Setting.Primary : BrandPairs.Setting.PrimaryDark;
                Assert.All(BrandPairs.All.Where(p => p.DependsOn == setting),
                    pair => Assert.True(OracleRatio(pair.Foreground(palette), pair.Background(palette)) >= pair.Minimum, $"{suggested}: {pair.What}"));
            }
        }, iter: 2_000);

    [Fact]
    public void The_themes_own_colours_pass_as_they_are()
    {
        var diagnostics = new DiagnosticBag(warningsAreErrors: false);
        Assert.Equal(BrandPairs.Default, BrandContrast.Check(new BrandSettings(), "input/site.yml", diagnostics));
        Assert.Empty(diagnostics.All);
    }
}
