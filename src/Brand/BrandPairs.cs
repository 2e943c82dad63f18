namespace FichesSite.Brand;

/// <summary>The brand's colours as the theme uses them: <see cref="Primary"/> in the light scheme, <see cref="PrimaryDark"/> in the dark one.</summary>
public readonly record struct BrandPalette(HexColour Primary, HexColour PrimaryDark);

/// <summary>
/// Every pair of colours the theme makes from the brand's, in both schemes, with the contrast each needs (WCAG 2.2 AA):
/// the one list to change when the theme puts a brand colour somewhere new. <see cref="BrandContrast"/> checks them.
/// The theme's own colours met here are those of theme/assets/css/site.css (its :root and dark-scheme :root), which a
/// test holds equal to these constants.
/// </summary>
/// <remarks>
/// Controls drawn in the brand's colour (the search button) are told from the page by their background: that is pair
/// « primary on the page » again, at 3:1 instead of 4.5:1, so it needs no line of its own. The theme's focus ring
/// colours are fixed; they are listed against the backgrounds the footer adds so that a change of either is checked.
/// </remarks>
public static class BrandPairs
{
    public enum Scheme { Light, Dark, Both }

    /// <summary>The setting a pair depends on: the one to change when it fails.</summary>
    public enum Setting { Primary, PrimaryDark, Theme }

    /// <param name="What">The pair as the error names it, in French.</param>
    public sealed record Pair(Scheme Scheme, string What, Func<BrandPalette, HexColour> Foreground, Func<BrandPalette, HexColour> Background, double Minimum, Setting DependsOn);

    // The theme's colours (theme/assets/css/site.css).
    public static readonly HexColour LightBackground = HexColour.Parse("#ffffff");
    public static readonly HexColour LightFooter = HexColour.Parse("#f0f2f4");
    public static readonly HexColour LightFocus = HexColour.Parse("#b34700");
    public static readonly HexColour DarkBackground = HexColour.Parse("#121212");
    public static readonly HexColour DarkFooter = HexColour.Parse("#1e2124");
    public static readonly HexColour DarkFocus = HexColour.Parse("#ffb870");
    /// <summary>Text and the focus ring on the navigation band, in both schemes.</summary>
    public static readonly HexColour OnPrimary = HexColour.White;

    /// <summary>
    /// The tinted backgrounds of the callouts and components (site.css's --note, --tip, --warning, --caution), on which
    /// an author's link is drawn in the brand's colour: by name, light scheme then dark.
    /// </summary>
    public static readonly IReadOnlyList<(string Name, string Shown, HexColour Light, HexColour Dark)> Tints =
    [
        ("note", "« Information » et « L’essentiel »", HexColour.Parse("#eef4fb"), HexColour.Parse("#1b2634")),
        ("tip", "« Conseil », « À faire » et « À éviter »", HexColour.Parse("#eaf5ee"), HexColour.Parse("#16291d")),
        ("warning", "« Attention »", HexColour.Parse("#fdf3e1"), HexColour.Parse("#2f2410")),
        ("caution", "« Important », « Prudence » et « Urgence »", HexColour.Parse("#fbeaea"), HexColour.Parse("#351a1b")),
    ];

    /// <summary>The theme's colours without a brand (site.css's --primary and --primary-dark).</summary>
    public static readonly BrandPalette Default = new(HexColour.Parse("#0b4f9c"), HexColour.Parse("#8cc4ff"));

    public static readonly IReadOnlyList<Pair> All =
    [
        // The light scheme: the brand's colour as links and text on the page and in the footer.
        new(Scheme.Light, "les liens et titres en couleur principale sur le fond de la page", p => p.Primary, _ => LightBackground, Contrast.Text, Setting.Primary),
        new(Scheme.Light, "les liens en couleur principale sur le fond du pied de page", p => p.Primary, _ => LightFooter, Contrast.Text, Setting.Primary),
        // The navigation band is the brand's colour in both schemes, with white text and a white focus ring; so are the
        // buttons in the light scheme.
        new(Scheme.Both, "le texte blanc sur la couleur principale (bandeau de navigation, boutons en mode clair)", _ => OnPrimary, p => p.Primary, Contrast.Text, Setting.Primary),
        new(Scheme.Both, "l’anneau de focus blanc dans le bandeau de navigation", _ => OnPrimary, p => p.Primary, Contrast.NonText, Setting.Primary),
        // The dark scheme: the light variant as links, and as buttons with the page's dark colour for text.
        new(Scheme.Dark, "les liens et titres en couleur principale sombre sur le fond de la page", p => p.PrimaryDark, _ => DarkBackground, Contrast.Text, Setting.PrimaryDark),
        new(Scheme.Dark, "les liens en couleur principale sombre sur le fond du pied de page", p => p.PrimaryDark, _ => DarkFooter, Contrast.Text, Setting.PrimaryDark),
        new(Scheme.Dark, "le texte sombre des boutons sur la couleur principale sombre", _ => DarkBackground, p => p.PrimaryDark, Contrast.Text, Setting.PrimaryDark),
        // An author's links inside the tinted callouts and components, in each scheme.
        .. Tints.Select(t => new Pair(Scheme.Light, $"les liens en couleur principale dans les encadrés {t.Shown}", p => p.Primary, _ => t.Light, Contrast.Text, Setting.Primary)),
        .. Tints.Select(t => new Pair(Scheme.Dark, $"les liens en couleur principale sombre dans les encadrés {t.Shown}", p => p.PrimaryDark, _ => t.Dark, Contrast.Text, Setting.PrimaryDark)),
        // The theme's focus ring on the page and the footer, in each scheme.
        new(Scheme.Light, "l’anneau de focus sur le fond de la page", _ => LightFocus, _ => LightBackground, Contrast.NonText, Setting.Theme),
        new(Scheme.Light, "l’anneau de focus sur le fond du pied de page", _ => LightFocus, _ => LightFooter, Contrast.NonText, Setting.Theme),
        new(Scheme.Dark, "l’anneau de focus sur le fond de la page", _ => DarkFocus, _ => DarkBackground, Contrast.NonText, Setting.Theme),
        new(Scheme.Dark, "l’anneau de focus sur le fond du pied de page", _ => DarkFocus, _ => DarkFooter, Contrast.NonText, Setting.Theme),
    ];
}
