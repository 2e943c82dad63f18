namespace FichesSite.Brand;

/// <summary>The family name of the hospital's font, written into the generated stylesheet inside quotes: only names that cannot leave them.</summary>
public static class BrandFontFamily
{
    public const int MaxLength = 64;

    /// <summary>A letter, then letters, digits, spaces and hyphens: no quote, backslash, semicolon or brace can reach the CSS.</summary>
    public static bool IsValid(string? family) =>
        family is { Length: > 0 and <= MaxLength } && char.IsLetter(family[0]) && family.All(c => char.IsLetterOrDigit(c) || c is ' ' or '-');
}
