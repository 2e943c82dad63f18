using System.Text.RegularExpressions;
using FichesSite.Brand;

namespace FichesSite.Tests;

/// <summary>
/// The theme's colours that BrandPairs checks the brand's against are those theme/assets/css/site.css really uses: the
/// check would otherwise pass colours against a page that is not the one published.
/// </summary>
public sealed partial class BrandPaletteTests
{
    private static readonly string Css = File.ReadAllText(Path.Combine(TestSite.RepositoryTheme, "assets", "css", "site.css"));

    // The first :root block is the light scheme's, the one inside « prefers-color-scheme: dark » the dark one's.
    private static string Property(string name, bool dark)
    {
        var block = dark
            ? Regex.Match(Css, @"@media \(prefers-color-scheme: dark\) \{\s*:root \{(?<body>[^}]*)\}").Groups["body"].Value
            : Regex.Match(Css, @":root \{(?<body>[^}]*)\}").Groups["body"].Value;
        return Regex.Match(block, $@"--{name}:\s*(?<value>#[0-9a-fA-F]{{3,6}})\s*;").Groups["value"].Value;
    }

    [Theory]
    [InlineData("background", false)]
    [InlineData("footer-background", false)]
    [InlineData("focus", false)]
    [InlineData("on-primary", false)]
    [InlineData("primary", false)]
    [InlineData("primary-dark", false)]
    [InlineData("background", true)]
    [InlineData("footer-background", true)]
    [InlineData("focus", true)]
    [InlineData("note", false)]
    [InlineData("tip", false)]
    [InlineData("warning", false)]
    [InlineData("caution", false)]
    [InlineData("note", true)]
    [InlineData("tip", true)]
    [InlineData("warning", true)]
    [InlineData("caution", true)]
    public void Each_theme_colour_of_the_pairs_is_site_css(string property, bool dark)
    {
        var tint = BrandPairs.Tints.FirstOrDefault(t => t.Name == property);
        var expected = (property, dark) switch
        {
            _ when tint.Name is not null => dark ? tint.Dark : tint.Light,
            ("background", false) => BrandPairs.LightBackground,
            ("footer-background", false) => BrandPairs.LightFooter,
            ("focus", false) => BrandPairs.LightFocus,
            ("on-primary", _) => BrandPairs.OnPrimary,
            ("primary", _) => BrandPairs.Default.Primary,
            ("primary-dark", _) => BrandPairs.Default.PrimaryDark,
            ("background", true) => BrandPairs.DarkBackground,
            ("footer-background", true) => BrandPairs.DarkFooter,
            _ => BrandPairs.DarkFocus,
        };
        var value = Property(property, dark);
        Assert.True(value.Length > 0, $"--{property} not found in site.css ({(dark ? "dark" : "light")} scheme)");
        Assert.Equal(expected, HexColour.Parse(value));
    }
}
