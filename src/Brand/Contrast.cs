using System.Globalization;

namespace FichesSite.Brand;

/// <summary>
/// WCAG 2.2's contrast ratio (success criteria 1.4.3 and 1.4.11): the relative luminance of each colour in sRGB, then
/// (L1 + 0.05) / (L2 + 0.05) with the lighter one on top. From 1:1 (the same colour) to 21:1 (black on white).
/// </summary>
public static class Contrast
{
    /// <summary>Text, and links, need 4.5:1 (1.4.3, level AA, text under 18.66 px bold or 24 px).</summary>
    public const double Text = 4.5;

    /// <summary>Focus rings and the borders of controls need 3:1 (1.4.11, level AA).</summary>
    public const double NonText = 3.0;

    public static double Ratio(HexColour a, HexColour b)
    {
        var (la, lb) = (RelativeLuminance(a), RelativeLuminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    /// <summary>WCAG 2.2's definition: each channel linearised (threshold 0.04045), weighted 0.2126, 0.7152, 0.0722.</summary>
    public static double RelativeLuminance(HexColour colour) =>
        0.2126 * Linear(colour.R) + 0.7152 * Linear(colour.G) + 0.0722 * Linear(colour.B);

    /// <summary>
    /// A ratio as French readers write it, « 4,47:1 »: cut (never rounded up) to two decimals, so that a ratio under
    /// its minimum is never printed as the minimum itself (4.478 is « 4,47:1 », not « 4,48:1 » nor « 4,5:1 »).
    /// </summary>
    public static string Format(double ratio) =>
        (Math.Floor(ratio * 100) / 100).ToString("0.##", CultureInfo.InvariantCulture).Replace('.', ',') + ":1";

    private static double Linear(byte channel)
    {
        var c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }
}
