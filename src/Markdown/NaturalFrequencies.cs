using System.Globalization;
using System.Text;

namespace FichesSite.Markdown;

/// <summary>
/// Says a risk given as a percentage again in natural frequencies, which patients read more
/// accurately: « 5 % » becomes « 5 % (environ 5 personnes sur 100) », computed from the number
/// the author wrote, so the two can never disagree.
/// <para>
/// The rule (docs/guide-redaction.md): the denominator is 100 when the percentage is a whole
/// number, otherwise the smallest of 1 000, 10 000… that makes the count whole (0,5 % → 5 sur
/// 1 000; 1,5 % → 15 sur 1 000). One family of denominators keeps risks easy to compare; no
/// rounding means no figure the source does not give. « environ » because the percentage itself
/// is an estimate. Left as written: words (« rare », « exceptionnel »), ranges and bounds
/// (« 1 à 2 % », « moins de 1 % »), and a percentage already followed by its frequency.
/// </para>
/// A hand-written scanner rather than a regular expression: it runs on every risk of every sheet,
/// and looks only at the few characters around each « % ».
/// </summary>
public static class NaturalFrequencies
{
    private const char NarrowNoBreakSpace = '\u202F';
    private const long LargestDenominator = 1_000_000;

    // The word before the number that makes it a bound or the end of a range, not a risk of its own.
    private static readonly HashSet<string> RangeWords = new(StringComparer.Ordinal)
    {
        "à", "et", "ou", "entre", "-", "–", "—", "<", ">", "≤", "≥", "jusqu’à", "jusqu'à",
    };

    /// <summary>« environ 5 personnes sur 100 », or null for a percentage that is no risk (0, above 100).</summary>
    public static string? Describe(decimal percent)
    {
        if (percent <= 0 || percent > 100)
        {
            return null;
        }
        long denominator = 100;
        var count = percent;
        while (count != decimal.Truncate(count) && denominator < LargestDenominator)
        {
            denominator *= 10;
            count = percent * denominator / 100;
        }
        var people = (long)decimal.Round(count, MidpointRounding.AwayFromZero);
        return people < 1
            ? null
            : $"environ {Group(people)} personne{(people > 1 ? "s" : "")} sur {Group(denominator)}";
    }

    /// <summary>The text with each risk percentage followed by its natural frequency.</summary>
    /// <param name="following">The text that comes after, when it continues in other inlines (to see a frequency already written).</param>
    public static string Annotate(string text, string following = "")
    {
        var percent = text.IndexOf('%');
        if (percent < 0)
        {
            return text;
        }
        var result = new StringBuilder(text.Length + 40);
        var copied = 0;
        for (; percent >= 0; percent = text.IndexOf('%', percent + 1))
        {
            var glued = percent + 1 < text.Length && char.IsLetterOrDigit(text[percent + 1]); // « 50%0 », « %s »: no percentage
            if (glued || ReadNumber(text, percent) is not { } number || AlreadyWritten(text, percent, following))
            {
                continue;
            }
            var frequency = Describe(number);
            if (frequency is null)
            {
                continue;
            }
            result.Append(text, copied, percent + 1 - copied);
            copied = percent + 1;
            // Inside parentheses, « (5 %) » reads better as « (5 %, soit environ … ) » than with nested ones.
            result.Append(NextVisible(text, percent + 1, following) == ')' ? $", soit {frequency}" : $" ({frequency})");
        }
        return copied == 0 ? text : result.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>The number written just before the « % » at <paramref name="percent"/>, unless it is part of a range or a bound.</summary>
    private static decimal? ReadNumber(string text, int percent)
    {
        var end = percent;
        if (end > 0 && IsSpace(text[end - 1]))
        {
            end--;
        }
        var start = end;
        while (start > 0 && (char.IsAsciiDigit(text[start - 1]) || text[start - 1] is ',' or '.'))
        {
            start--;
        }
        while (start < end && !char.IsAsciiDigit(text[start]))
        {
            start++; // a comma or full stop before the number is punctuation, not a decimal point
        }
        if (start == end || !char.IsAsciiDigit(text[end - 1]) || (start > 0 && char.IsLetterOrDigit(text[start - 1])))
        {
            return null;
        }
        var digits = text[start..end].Replace(',', '.');
        if (digits.Count(c => c == '.') > 1
            || !decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }
        return RangeWords.Contains(PreviousWord(text, start)) || IsBound(text, start) ? null : number;
    }

    // « moins de 1 % », « plus d’1 % »: a bound, which a single frequency would misstate.
    private static bool IsBound(string text, int start)
    {
        var before = text[..start].TrimEnd(' ', '\u00A0', NarrowNoBreakSpace);
        foreach (var bound in new[] { "moins de", "plus de", "moins d’", "plus d’", "moins d'", "plus d'", "inférieur à", "supérieur à" })
        {
            if (before.EndsWith(bound, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    private static string PreviousWord(string text, int start)
    {
        var end = start;
        while (end > 0 && IsSpace(text[end - 1]))
        {
            end--;
        }
        var begin = end;
        while (begin > 0 && !IsSpace(text[begin - 1]))
        {
            begin--;
        }
        return text[begin..end].ToLowerInvariant();
    }

    // The author already wrote it (« 5 % (environ 5 personnes sur 100) », « 5 %, soit 1 patient sur 20 »):
    // « sur » and a number, in the same sentence, soon after the percentage. « 5 % des personnes
    // opérées » has no such number, and gets its frequency.
    private static bool AlreadyWritten(string text, int percent, string following)
    {
        var after = text[(percent + 1)..] + following;
        var window = after.AsSpan(0, Math.Min(after.Length, 80));
        var stop = window.IndexOfAny('.', ';', '%');
        if (stop >= 0)
        {
            window = window[..stop];
        }
        for (var from = 0; ;)
        {
            var sur = window[from..].IndexOf(" sur ");
            if (sur < 0)
            {
                return false;
            }
            var rest = window[(from + sur + 5)..].TrimStart(' ');
            if (rest.Length > 0 && char.IsAsciiDigit(rest[0]))
            {
                return true;
            }
            from += sur + 1;
        }
    }

    private static char NextVisible(string text, int from, string following)
    {
        foreach (var c in text.AsSpan(from))
        {
            if (!IsSpace(c))
            {
                return c;
            }
        }
        foreach (var c in following)
        {
            if (!IsSpace(c))
            {
                return c;
            }
        }
        return '\0';
    }

    private static bool IsSpace(char c) => c is ' ' or '\u00A0' or NarrowNoBreakSpace or '\n' or '\t';

    /// <summary>French grouping of thousands, with the narrow no-break space: 1 000, 10 000.</summary>
    private static string Group(long value)
    {
        var digits = value.ToString(CultureInfo.InvariantCulture);
        var grouped = new StringBuilder(digits.Length + digits.Length / 3);
        for (var i = 0; i < digits.Length; i++)
        {
            if (i > 0 && (digits.Length - i) % 3 == 0)
            {
                grouped.Append(NarrowNoBreakSpace);
            }
            grouped.Append(digits[i]);
        }
        return grouped.ToString();
    }
}
