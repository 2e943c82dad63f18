using System.Numerics;

namespace FichesSite.Print;

/// <summary>
/// Everything about a QR symbol that depends on its version only, computed once per version and
/// kept (a site's URLs need two or three versions): the function patterns (ISO/IEC 18004, 6.3),
/// where each codeword bit goes (7.7.3), and each mask's pattern over the data modules (7.8.2).
/// A code then costs its bits, eight XORs of arrays and eight penalty scores.
/// </summary>
internal sealed class QrLayout
{
    private static readonly QrLayout?[] Layouts = new QrLayout?[41];

    public readonly int Size;

    // Index y * Size + x throughout; 1 dark, 0 light.
    private readonly byte[] functionModules; // format information left light: it depends on the mask
    private readonly bool[] isFunction;
    private readonly int[] dataPositions;    // module of each codeword bit, in placement order
    private readonly byte[][] maskPatterns;  // 1 where mask k inverts a data module
    private readonly int[] formatFirstCopy = new int[15];  // module of format bit i, around the top-left finder
    private readonly int[] formatSecondCopy = new int[15]; // and split between the two other finders

    // The same as 64-bit words, for symbols of at most 64 modules a side (versions 1–11), which
    // QrPenalty scores a whole line at a time: bit x of a row word, bit y of a column word.
    private const int MaxWordSize = 64;
    private readonly ulong[] functionRows = [];
    private readonly ulong[] functionColumns = [];
    private readonly ulong[][] maskRows = [];
    private readonly ulong[][] maskColumns = [];

    public static QrLayout For(int version)
    {
        var layout = Volatile.Read(ref Layouts[version]);
        if (layout is null)
        {
            // Two threads may both compute it: the same layout, one kept.
            layout = new QrLayout(version);
            Interlocked.CompareExchange(ref Layouts[version], layout, null);
        }
        return layout;
    }

    private QrLayout(int version)
    {
        Size = version * 4 + 17;
        functionModules = new byte[Size * Size];
        isFunction = new bool[Size * Size];
        DrawFunctionPatterns(version);
        dataPositions = PlacementOrder();
        maskPatterns = new byte[8][];
        for (var mask = 0; mask < 8; mask++)
        {
            maskPatterns[mask] = MaskPattern(mask);
        }
        if (Size <= MaxWordSize)
        {
            (functionRows, functionColumns) = ToWords(functionModules);
            maskRows = new ulong[8][];
            maskColumns = new ulong[8][];
            for (var mask = 0; mask < 8; mask++)
            {
                (maskRows[mask], maskColumns[mask]) = ToWords(maskPatterns[mask]);
            }
        }
    }

    private (ulong[] Rows, ulong[] Columns) ToWords(byte[] modules)
    {
        var rows = new ulong[Size];
        var columns = new ulong[Size];
        for (var y = 0; y < Size; y++)
        {
            for (var x = 0; x < Size; x++)
            {
                if (modules[y * Size + x] != 0)
                {
                    rows[y] |= 1UL << x;
                    columns[x] |= 1UL << y;
                }
            }
        }
        return (rows, columns);
    }

    /// <summary>
    /// The symbol for these codewords (data and error correction, interleaved), with the mask of
    /// lowest penalty and its format information, index y * Size + x.
    /// </summary>
    public byte[] BestMasked(byte[] codewords)
    {
        var unmasked = (byte[])functionModules.Clone();
        var bits = codewords.Length * 8; // the remainder bits after them stay light (7.7.3)
        for (var bit = 0; bit < bits; bit++)
        {
            unmasked[dataPositions[bit]] = (byte)((codewords[bit >> 3] >> (7 - (bit & 7))) & 1);
        }

        // The first mask of lowest penalty, as other encoders choose, so the same text gives the same code.
        if (Size <= MaxWordSize)
        {
            var chosen = BestMaskByWords(unmasked);
            var result = new byte[unmasked.Length];
            Xor(unmasked, maskPatterns[chosen], result);
            DrawFormat(result, chosen);
            return result;
        }
        var candidate = new byte[unmasked.Length];
        var best = new byte[unmasked.Length];
        var bestPenalty = int.MaxValue;
        for (var mask = 0; mask < 8; mask++)
        {
            Xor(unmasked, maskPatterns[mask], candidate);
            DrawFormat(candidate, mask);
            var penalty = QrPenalty.Score(candidate, Size);
            if (penalty < bestPenalty)
            {
                bestPenalty = penalty;
                (best, candidate) = (candidate, best);
            }
        }
        return best;
    }

    // The same choice as the byte arrays' loop in BestMasked, scored a line at a time.
    private int BestMaskByWords(byte[] unmasked)
    {
        Span<ulong> rows = stackalloc ulong[Size];
        Span<ulong> columns = stackalloc ulong[Size];
        Span<ulong> maskedRows = stackalloc ulong[Size];
        Span<ulong> maskedColumns = stackalloc ulong[Size];
        functionRows.CopyTo(rows);
        functionColumns.CopyTo(columns);
        foreach (var index in dataPositions)
        {
            if (unmasked[index] != 0)
            {
                var (y, x) = Math.DivRem(index, Size);
                rows[y] |= 1UL << x;
                columns[x] |= 1UL << y;
            }
        }

        var bestMask = 0;
        var bestPenalty = int.MaxValue;
        for (var mask = 0; mask < 8; mask++)
        {
            var patternRows = maskRows[mask];
            var patternColumns = maskColumns[mask];
            for (var i = 0; i < Size; i++)
            {
                maskedRows[i] = rows[i] ^ patternRows[i];
                maskedColumns[i] = columns[i] ^ patternColumns[i];
            }
            // Format modules are light in the function words: set the dark ones.
            var bits = FormatBits(mask);
            for (var i = 0; i < 15; i++)
            {
                if (((bits >> i) & 1) != 0)
                {
                    SetWordBit(maskedRows, maskedColumns, formatFirstCopy[i]);
                    SetWordBit(maskedRows, maskedColumns, formatSecondCopy[i]);
                }
            }
            var penalty = QrPenalty.Score(maskedRows, maskedColumns, Size);
            if (penalty < bestPenalty)
            {
                bestPenalty = penalty;
                bestMask = mask;
            }
        }
        return bestMask;
    }

    private void SetWordBit(Span<ulong> rows, Span<ulong> columns, int index)
    {
        var (y, x) = Math.DivRem(index, Size);
        rows[y] |= 1UL << x;
        columns[x] |= 1UL << y;
    }

    private static void Xor(byte[] a, byte[] b, byte[] result)
    {
        var i = 0;
        for (; i <= a.Length - Vector<byte>.Count; i += Vector<byte>.Count)
        {
            (new Vector<byte>(a, i) ^ new Vector<byte>(b, i)).CopyTo(result, i);
        }
        for (; i < a.Length; i++)
        {
            result[i] = (byte)(a[i] ^ b[i]);
        }
    }

    // 15 bits: level M (00) and the mask (5 bits), a BCH(15,5) code, XOR 101010000010010 (7.9).
    private void DrawFormat(byte[] modules, int mask)
    {
        var bits = FormatBits(mask);
        for (var i = 0; i < 15; i++)
        {
            var dark = (byte)((bits >> i) & 1);
            modules[formatFirstCopy[i]] = dark;
            modules[formatSecondCopy[i]] = dark;
        }
    }

    private static int FormatBits(int mask)
    {
        var data = mask; // (M = 00) << 3 | mask
        var remainder = data;
        for (var i = 0; i < 10; i++)
        {
            remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537);
        }
        return ((data << 10) | remainder) ^ 0x5412;
    }

    private void SetFunction(int x, int y, bool dark)
    {
        functionModules[y * Size + x] = dark ? (byte)1 : (byte)0;
        isFunction[y * Size + x] = true;
    }

    private void DrawFunctionPatterns(int version)
    {
        // Timing patterns (6.3.5), drawn first: the finders overwrite their ends.
        for (var i = 0; i < Size; i++)
        {
            SetFunction(6, i, i % 2 == 0);
            SetFunction(i, 6, i % 2 == 0);
        }

        // Finder patterns with their separators (6.3.3, 6.3.4): centred 3 modules in from three corners.
        DrawFinder(3, 3);
        DrawFinder(Size - 4, 3);
        DrawFinder(3, Size - 4);

        // Alignment patterns (6.3.6, annex E): at every pair of listed positions but the finders' corners.
        var positions = AlignmentPositions(version);
        var count = positions.Length;
        for (var i = 0; i < count; i++)
        {
            for (var j = 0; j < count; j++)
            {
                var onFinder = (i == 0 && j == 0) || (i == 0 && j == count - 1) || (i == count - 1 && j == 0);
                if (!onFinder)
                {
                    DrawAlignment(positions[i], positions[j]);
                }
            }
        }

        // Format information (7.9): bit i's two modules, reserved here, written for each mask tried.
        for (var i = 0; i < 15; i++)
        {
            var (x1, y1) = i < 6 ? (8, i) : i == 6 ? (8, 7) : i == 7 ? (8, 8) : i == 8 ? (7, 8) : (14 - i, 8);
            var (x2, y2) = i < 8 ? (Size - 1 - i, 8) : (8, Size - 15 + i);
            SetFunction(x1, y1, false);
            SetFunction(x2, y2, false);
            formatFirstCopy[i] = y1 * Size + x1;
            formatSecondCopy[i] = y2 * Size + x2;
        }
        SetFunction(8, Size - 8, true); // the dark module (6.9)

        // Version information (7.10): 6 bits of version, 12 of BCH code, in two 6×3 blocks.
        if (version >= 7)
        {
            var remainder = version;
            for (var i = 0; i < 12; i++)
            {
                remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25);
            }
            var bits = (version << 12) | remainder;
            for (var i = 0; i < 18; i++)
            {
                var dark = ((bits >> i) & 1) != 0;
                var a = Size - 11 + i % 3;
                var b = i / 3;
                SetFunction(a, b, dark);
                SetFunction(b, a, dark);
            }
        }
    }

    private void DrawFinder(int centerX, int centerY)
    {
        for (var dy = -4; dy <= 4; dy++)
        {
            for (var dx = -4; dx <= 4; dx++)
            {
                var x = centerX + dx;
                var y = centerY + dy;
                if (x >= 0 && x < Size && y >= 0 && y < Size)
                {
                    var distance = Math.Max(Math.Abs(dx), Math.Abs(dy));
                    SetFunction(x, y, distance != 2 && distance != 4); // 4: the separator
                }
            }
        }
    }

    private void DrawAlignment(int centerX, int centerY)
    {
        for (var dy = -2; dy <= 2; dy++)
        {
            for (var dx = -2; dx <= 2; dx++)
            {
                SetFunction(centerX + dx, centerY + dy, Math.Max(Math.Abs(dx), Math.Abs(dy)) != 1);
            }
        }
    }

    // Row/column centres of the alignment patterns: 6, then evenly spaced (an even step) back from
    // Size − 7; version 32 is the one exception to the formula (annex E, table E.1).
    private int[] AlignmentPositions(int version)
    {
        if (version == 1)
        {
            return [];
        }
        var count = version / 7 + 2;
        var step = version == 32 ? 26 : (version * 4 + count * 2 + 1) / (count * 2 - 2) * 2;
        var positions = new int[count];
        positions[0] = 6;
        for (int i = count - 1, position = Size - 7; i >= 1; i--, position -= step)
        {
            positions[i] = position;
        }
        return positions;
    }

    // Two-module-wide columns from the right, upwards then downwards in turn, skipping the
    // vertical timing column and every function module (7.7.3).
    private int[] PlacementOrder()
    {
        var order = new List<int>(Size * Size);
        for (var right = Size - 1; right >= 1; right -= 2)
        {
            if (right == 6)
            {
                right = 5;
            }
            var upward = ((right + 1) & 2) == 0;
            for (var step = 0; step < Size; step++)
            {
                var y = upward ? Size - 1 - step : step;
                for (var j = 0; j < 2; j++)
                {
                    var index = y * Size + right - j;
                    if (!isFunction[index])
                    {
                        order.Add(index);
                    }
                }
            }
        }
        return [.. order];
    }

    // Table 10, x the column and y the row; never on function modules.
    private byte[] MaskPattern(int mask)
    {
        var pattern = new byte[Size * Size];
        for (var y = 0; y < Size; y++)
        {
            for (var x = 0; x < Size; x++)
            {
                var invert = mask switch
                {
                    0 => (x + y) % 2 == 0,
                    1 => y % 2 == 0,
                    2 => x % 3 == 0,
                    3 => (x + y) % 3 == 0,
                    4 => (x / 3 + y / 2) % 2 == 0,
                    5 => x * y % 2 + x * y % 3 == 0,
                    6 => (x * y % 2 + x * y % 3) % 2 == 0,
                    _ => ((x + y) % 2 + x * y % 3) % 2 == 0,
                };
                pattern[y * Size + x] = (byte)(invert && !isFunction[y * Size + x] ? 1 : 0);
            }
        }
        return pattern;
    }
}
