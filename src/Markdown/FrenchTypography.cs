using Markdig.Helpers;
using Markdig.Syntax.Inlines;

namespace FichesSite.Markdown;

/// <summary>
/// French typography without asking authors to type invisible characters: the space written
/// before « ? ! ; : % » and inside « guillemets » becomes a narrow no-break space, so the sign
/// never starts a line on a narrow phone screen. Code is left alone.
/// </summary>
public static class FrenchTypography
{
    private const char NarrowNoBreakSpace = '\u202F';

    // The signs that may need a narrow space, found in two searches rather than one over all seven: a set that mixes
    // ASCII with « » is searched with a per-character check on every accented letter, and French text is full of them
    // (docs/benchmarks.md has the measurement). Five ASCII values, then two values, are each one vectorised pass
    // whatever the letters.
    private static readonly System.Buffers.SearchValues<char> AsciiSigns = System.Buffers.SearchValues.Create("?!;:%");

    public static void Apply(IEnumerable<LiteralInline> literals)
    {
        foreach (var literal in literals)
        {
            // Markdig may cut « Attention ! » into two literals ("!" can start an image), so look ahead.
            var next = literal.NextSibling is LiteralInline { Content.Length: > 0 } following ? following.Content[following.Content.Start] : '\0';
            if (!HasSign(literal.Content.AsSpan()) && !HasSign([next]))
            {
                continue; // most literals: nothing to do, and no string to allocate
            }
            var text = literal.Content.ToString();
            var fixedText = Fix(text, next);
            if (text != fixedText)
            {
                literal.Content = new StringSlice(fixedText);
            }
        }
    }

    private static bool HasSign(ReadOnlySpan<char> text) => text.IndexOfAny(AsciiSigns) >= 0 || text.IndexOfAny('«', '»') >= 0;

    /// <param name="following">The first character after the text, when it continues in another literal.</param>
    public static string Fix(string text, char following = '\0')
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is not (' ' or '\u00A0'))
            {
                continue;
            }
            var before = i > 0 ? chars[i - 1] : '\0';
            var after = i + 1 < chars.Length ? chars[i + 1] : following;
            if (after is '?' or '!' or ';' or ':' or '%' or '»' || before == '«')
            {
                chars[i] = NarrowNoBreakSpace;
            }
        }
        return new string(chars);
    }
}
