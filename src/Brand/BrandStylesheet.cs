using System.Text;

namespace FichesSite.Brand;

/// <summary>
/// assets/brand/brand.css, made from « brand: »: the brand's colours as custom properties, which theme/assets/css/site.css
/// reads (a file rather than a style element, so the pages' Content-Security-Policy stays without 'unsafe-inline'),
/// and the hospital's font. Nothing of site.yml is written here but checked colours (#rrggbb), a family name of
/// letters, digits, spaces and hyphens (<see cref="BrandFontFamily"/>) and the site's own file names.
/// </summary>
public static class BrandStylesheet
{
    public static string Write(BrandSettings brand, BrandPalette palette)
    {
        var css = new StringBuilder();
        css.Append("/* Made by the build from « brand: » in input/site.yml: change it there. Its colours passed the contrast check\n")
           .Append("   of every pair listed in src/Brand/BrandPairs.cs, in both schemes. */\n");
        if (brand.Font is { File: not null, Family: { } family } font)
        {
            FontFace(css, family, BrandFiles.FontName, "normal");
            if (font.BoldFile is not null)
            {
                FontFace(css, family, BrandFiles.BoldFontName, "bold");
            }
        }
        css.Append(":root {\n");
        if (brand.Primary is not null || brand.PrimaryDark is not null)
        {
            css.Append($"  --primary: {palette.Primary};\n  --primary-dark: {palette.PrimaryDark};\n");
        }
        if (brand.Font?.Family is { } name)
        {
            css.Append($"  --brand-font: \"{name}\";\n");
        }
        css.Append("}\n");
        return css.ToString();
    }

    // Relative to the stylesheet, which stands beside the font files.
    private static void FontFace(StringBuilder css, string family, string file, string weight) =>
        css.Append($"@font-face {{\n  font-family: \"{family}\";\n  src: url(\"{file}\") format(\"woff2\");\n  font-weight: {weight};\n  font-style: normal;\n  font-display: swap;\n}}\n");
}
