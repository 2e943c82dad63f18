using FichesSite.Markdown;

namespace FichesSite.Tests;

/// <summary>French spacing before high punctuation, percent signs and inside guillemets (src/Markdown/FrenchTypography).</summary>
public sealed class FrenchTypographyTests
{
    [Theory]
    [InlineData("Qu’est-ce que c’est ?", "Qu’est-ce que c’est\u202F?")]
    [InlineData("environ 20 % des patients", "environ 20\u202F% des patients")]
    [InlineData("une aiguille (« trocart »)", "une aiguille («\u202Ftrocart\u202F»)")]
    [InlineData("a ? b", "a\u202F? b")]
    [InlineData("pas d’espace?", "pas d’espace?")]
    public void French_typography_uses_narrow_no_break_spaces(string text, string expected) =>
        Assert.Equal(expected, FrenchTypography.Fix(text));
}
