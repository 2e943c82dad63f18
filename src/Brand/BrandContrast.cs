using FichesSite.Pipeline;

namespace FichesSite.Brand;

/// <summary>
/// Checks every pair of <see cref="BrandPairs.All"/> against its minimum, in both schemes, before anything is built:
/// a pair under it is an error on the line of the colour to change, with the ratio found, the minimum and a colour
/// of the same hue that passes.
/// </summary>
public static class BrandContrast
{
    /// <summary>
    /// The colours the theme will use (the brand's, the theme's where the brand says nothing, the dark variant derived
    /// from the brand's colour when not given), or null after an error for each pair under its minimum.
    /// </summary>
    public static BrandPalette? Check(BrandSettings brand, string displayPath, DiagnosticBag diagnostics)
    {
        var palette = PaletteOf(brand);
        var failed = false;
        foreach (var pair in BrandPairs.All)
        {
            var (foreground, background) = (pair.Foreground(palette), pair.Background(palette));
            var ratio = Contrast.Ratio(foreground, background);
            if (ratio >= pair.Minimum)
            {
                continue;
            }
            failed = true;
            var (line, fix) = pair.DependsOn switch
            {
                BrandPairs.Setting.Primary => (brand.PrimaryLine,
                    $"Foncez « primary » : par exemple « {Passing(palette, BrandPairs.Setting.Primary)} », de la même teinte, atteint le minimum de chaque paire où cette couleur entre."),
                BrandPairs.Setting.PrimaryDark => (brand.PrimaryDarkLine,
                    $"Éclaircissez « primary_dark » : par exemple « {Passing(palette, BrandPairs.Setting.PrimaryDark)} », de la même teinte, atteint le minimum de chaque paire où cette couleur entre."),
                _ => (brand.Line, "Les couleurs fixes du thème ont changé : rendez à theme/assets/css/site.css des couleurs contrastées, et reportez-les dans src/Brand/BrandPairs.cs."),
            };
            diagnostics.Error(displayPath, line,
                $"contraste insuffisant {SchemeName(pair.Scheme)} : {pair.What}, {foreground} sur {background}, donne {Contrast.Format(ratio)} ; il faut au moins {Contrast.Format(pair.Minimum)}.",
                fix);
        }
        return failed ? null : palette;
    }

    /// <summary>The brand's colours where given, the theme's otherwise; a missing dark variant of a given colour is derived from it.</summary>
    public static BrandPalette PaletteOf(BrandSettings brand)
    {
        var primary = brand.Primary ?? BrandPairs.Default.Primary;
        var dark = brand.PrimaryDark
            ?? (brand.Primary is { } given ? Derived(given) : BrandPairs.Default.PrimaryDark);
        return new BrandPalette(primary, dark);
    }

    /// <summary>
    /// The dark scheme's variant of a brand colour: the colour mixed with white, in steps of 1 %, until every pair of
    /// the dark variant passes (white itself passes all of them).
    /// </summary>
    public static HexColour Derived(HexColour primary) =>
        Passing(new BrandPalette(primary, primary), BrandPairs.Setting.PrimaryDark);

    // The setting's colour moved step by step towards black (the light scheme's colour) or white (the dark variant),
    // to the first that passes every pair depending on it.
    private static HexColour Passing(BrandPalette palette, BrandPairs.Setting setting)
    {
        var (start, target) = setting == BrandPairs.Setting.Primary ? (palette.Primary, HexColour.Black) : (palette.PrimaryDark, HexColour.White);
        for (var step = 0; step <= 100; step++)
        {
            var candidate = start.MixedWith(target, step / 100.0);
            var tried = setting == BrandPairs.Setting.Primary ? palette with { Primary = candidate } : palette with { PrimaryDark = candidate };
            if (BrandPairs.All.Where(p => p.DependsOn == setting).All(p => Contrast.Ratio(p.Foreground(tried), p.Background(tried)) >= p.Minimum))
            {
                return candidate;
            }
        }
        return target;
    }

    private static string SchemeName(BrandPairs.Scheme scheme) => scheme switch
    {
        BrandPairs.Scheme.Light => "en mode clair",
        BrandPairs.Scheme.Dark => "en mode sombre",
        _ => "dans les deux modes",
    };
}
