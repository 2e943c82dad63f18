using System.Globalization;
using System.Text;

namespace FichesSite.Text;

/// <summary>
/// Unicode's canonical decomposition (NFD), so that two texts that are the same characters written in two forms
/// (« café » with « é » or with « e » and a combining accent) compare equal. The generator runs with invariant
/// globalization, where <see cref="string.Normalize()"/> returns its text unchanged: the data is Unicode's own,
/// written out by tools/unicode/canonical-decomposition.py.
/// </summary>
public static partial class CanonicalDecomposition
{
    private static readonly Lazy<Dictionary<int, int[]>> Decompositions = new(() => ParseDecompositions(DecompositionData));
    private static readonly Lazy<(int First, int Last, int Class)[]> CombiningClasses = new(() => ParseClasses(CombiningClassData));

    /// <summary>The text in Unicode's normalisation form D: every character decomposed, combining marks in canonical order.</summary>
    public static string Of(string text)
    {
        if (Ascii.IsValid(text))
        {
            return text; // nothing to decompose: most names
        }
        var runes = new List<int>(text.Length + 4);
        foreach (var rune in text.EnumerateRunes())
        {
            Append(runes, rune.Value);
        }
        SortMarks(runes);
        var result = new StringBuilder(runes.Count);
        foreach (var value in runes)
        {
            result.Append(char.ConvertFromUtf32(value));
        }
        return result.ToString();
    }

    private static void Append(List<int> runes, int value)
    {
        const int hangulFirst = 0xAC00, hangulCount = 11172, leadFirst = 0x1100, vowelFirst = 0x1161, trailFirst = 0x11A7;
        if (value is >= hangulFirst and < hangulFirst + hangulCount)
        {
            // Hangul syllables decompose by arithmetic (Unicode's chapter 3.12), not by table.
            var index = value - hangulFirst;
            runes.Add(leadFirst + index / (21 * 28));
            runes.Add(vowelFirst + index % (21 * 28) / 28);
            if (index % 28 != 0)
            {
                runes.Add(trailFirst + index % 28);
            }
            return;
        }
        if (Decompositions.Value.TryGetValue(value, out var parts))
        {
            runes.AddRange(parts); // already fully decomposed by the generator
            return;
        }
        runes.Add(value);
    }

    // Canonical ordering: each run of combining marks sorted by class, stable, so « e + ̣ + ́ » equals « e + ́ + ̣ ».
    private static void SortMarks(List<int> runes)
    {
        for (var i = 1; i < runes.Count; i++)
        {
            var mark = runes[i];
            var markClass = ClassOf(mark);
            if (markClass == 0)
            {
                continue;
            }
            var j = i;
            while (j > 0 && ClassOf(runes[j - 1]) > markClass)
            {
                runes[j] = runes[j - 1];
                j--;
            }
            runes[j] = mark;
        }
    }

    private static int ClassOf(int value)
    {
        var classes = CombiningClasses.Value;
        int low = 0, high = classes.Length - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (value < classes[middle].First)
            {
                high = middle - 1;
            }
            else if (value > classes[middle].Last)
            {
                low = middle + 1;
            }
            else
            {
                return classes[middle].Class;
            }
        }
        return 0;
    }

    private static Dictionary<int, int[]> ParseDecompositions(string data)
    {
        var map = new Dictionary<int, int[]>();
        foreach (var record in data.Split(';'))
        {
            var (from, to) = (record[..record.IndexOf('=')], record[(record.IndexOf('=') + 1)..]);
            map[Hex(from)] = to.Split(' ').Select(Hex).ToArray();
        }
        return map;
    }

    private static (int, int, int)[] ParseClasses(string data) =>
        data.Split(';').Select(record =>
        {
            var colon = record.IndexOf(':');
            var dash = record.IndexOf('-');
            return (Hex(record[..dash]), Hex(record[(dash + 1)..colon]), int.Parse(record[(colon + 1)..], CultureInfo.InvariantCulture));
        }).ToArray();

    private static int Hex(string text) => int.Parse(text, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
