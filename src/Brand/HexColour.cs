using System.Globalization;

namespace FichesSite.Brand;

/// <summary>
/// A colour of the hospital's brand as site.yml gives it: « #rgb » or « #rrggbb », nothing else. Only this reaches the
/// generated stylesheet, always written back as « #rrggbb » by <see cref="ToString"/>, so no text of site.yml becomes CSS.
/// </summary>
public readonly record struct HexColour(byte R, byte G, byte B)
{
    public static readonly HexColour White = new(255, 255, 255);
    public static readonly HexColour Black = new(0, 0, 0);

    /// <summary>Reads « #rgb » or « #rrggbb » (either case); any other text (a name, « url(…) », « rgb(…) », a « ; ») gives false.</summary>
    public static bool TryParse(string? text, out HexColour colour)
    {
        colour = default;
        if (text is null || text.Length is not (4 or 7) || text[0] != '#' || !text[1..].All(char.IsAsciiHexDigit))
        {
            return false;
        }
        var digits = text.Length == 4 ? string.Concat(text[1], text[1], text[2], text[2], text[3], text[3]) : text[1..];
        colour = new HexColour(Channel(digits, 0), Channel(digits, 2), Channel(digits, 4));
        return true;
    }

    /// <summary>The colour from literal CSS of the theme, for constants; throws on anything but #rgb or #rrggbb.</summary>
    public static HexColour Parse(string text) =>
        TryParse(text, out var colour) ? colour : throw new FormatException($"« {text} » is not #rgb or #rrggbb.");

    /// <summary>This colour moved a fraction <paramref name="amount"/> (0 to 1) of the way towards <paramref name="target"/>, each channel rounded.</summary>
    public HexColour MixedWith(HexColour target, double amount) =>
        new(Mix(R, target.R, amount), Mix(G, target.G, amount), Mix(B, target.B, amount));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"#{R:x2}{G:x2}{B:x2}");

    private static byte Channel(string digits, int start) => byte.Parse(digits.AsSpan(start, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static byte Mix(byte from, byte to, double amount) => (byte)Math.Round(from + (to - from) * amount, MidpointRounding.AwayFromZero);
}
