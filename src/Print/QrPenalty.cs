using System.Numerics;

namespace FichesSite.Print;

/// <summary>
/// The penalty of a masked QR symbol (ISO/IEC 18004, 7.8.3.1), over the symbol without its quiet
/// zone: the encoder keeps the mask with the lowest. The four rules are read as QRCoder reads them,
/// so that our codes are module for module the same as its codes (tests/Site.Tests/Print/QrCodeTests.cs):
/// 1. each run of 5 or more same-colour modules in a row or column: 3 + (length − 5);
/// 2. each 2×2 block of one colour (overlapping blocks counted each): 3;
/// 3. each 1:1:3:1:1 finder-like pattern with 4 light modules before it or after it, that is each
///    11-module window reading 10111010000 or 00001011101, in rows and columns: 40;
/// 4. by the proportion of dark modules, in bands of 5 % closed below: 0 in [45 %, 55 %),
///    10 in [40 %, 45 %) or [55 %, 60 %), 20 one band further, and so on.
/// </summary>
internal static class QrPenalty
{
    private const int FinderThenLight = 0b10111010000;
    private const int LightThenFinder = 0b00001011101;
    private const int WindowMask = 0b11111111111;

    // Rule 1 by current run length (capped at 6): the fifth module adds 3, each one after it 1.
    private static ReadOnlySpan<byte> RunPenalty => [0, 0, 0, 0, 0, 3, 1];

    // Rule 2 by the number of dark modules in a 2×2 block.
    private static ReadOnlySpan<byte> BlockPenalty => [3, 0, 0, 0, 3];

    /// <param name="modules">1 dark, 0 light, index y * size + x.</param>
    /// <remarks>
    /// One pass in memory order: each row's run and window as it goes, each column's kept in a small
    /// array, so no column walk strides through memory. The run lengths are counted without a
    /// branch on the module's colour (a 50 % guess the processor would often miss), because the
    /// encoder scores eight masks for every code of a build.
    /// </remarks>
    public static int Score(byte[] modules, int size)
    {
        Span<int> columnRun = stackalloc int[size];
        Span<int> columnWindow = stackalloc int[size];
        columnRun.Clear();
        columnWindow.Clear();
        var penalty = 0;
        var dark = 0;
        for (var y = 0; y < size; y++)
        {
            var row = y * size;
            var above = y > 0 ? row - size : row; // row 0 continues a run of its own colour: length 1
            var run = 0;
            var previous = (int)modules[row];
            var window = 0;
            for (var x = 0; x < size; x++)
            {
                int m = modules[row + x];
                dark += m;

                run = run * (1 - (m ^ previous)) + 1;
                penalty += RunPenalty[Math.Min(run, 6)];
                previous = m;
                window = ((window << 1) | m) & WindowMask;
                if (x >= 10 && (window == FinderThenLight || window == LightThenFinder))
                {
                    penalty += 40;
                }

                var cr = columnRun[x] * (1 - (m ^ modules[above + x])) + 1;
                columnRun[x] = cr;
                penalty += RunPenalty[Math.Min(cr, 6)];
                var cw = ((columnWindow[x] << 1) | m) & WindowMask;
                columnWindow[x] = cw;
                if (y >= 10 && (cw == FinderThenLight || cw == LightThenFinder))
                {
                    penalty += 40;
                }
            }

            if (y > 0)
            {
                for (var x = 1; x < size; x++)
                {
                    penalty += BlockPenalty[modules[row + x] + modules[row + x - 1] + modules[above + x] + modules[above + x - 1]];
                }
            }
        }

        return penalty + DarkProportionPenalty(dark, size * size);
    }

    /// <summary>
    /// The same four rules over a symbol of at most 64 modules a side (versions 1–11, up to 251
    /// bytes: every sheet URL), each row and each column a 64-bit word, bit x for module x: the rules
    /// become shifts, ANDs and bit counts over whole lines, about ten times fewer operations.
    /// </summary>
    /// <param name="rows">Bit x of rows[y]: module (x, y) is dark.</param>
    /// <param name="columns">Bit y of columns[x]: the same modules, transposed.</param>
    public static int Score(ReadOnlySpan<ulong> rows, ReadOnlySpan<ulong> columns, int size)
    {
        var penalty = 0;
        var dark = 0;
        var pairs = (1UL << (size - 1)) - 1; // bit x for x + 1 < size
        for (var i = 0; i < size; i++)
        {
            penalty += LinePenalty(rows[i], size) + LinePenalty(columns[i], size);
            dark += BitOperations.PopCount(rows[i]);
            if (i > 0)
            {
                // Rule 2: bit x of sameAbove says module (x, y) matches (x, y − 1); of sameRight, (x + 1, y).
                var sameAbove = ~(rows[i] ^ rows[i - 1]);
                var sameRight = ~(rows[i] ^ (rows[i] >> 1));
                penalty += 3 * BitOperations.PopCount(sameAbove & (sameAbove >> 1) & sameRight & pairs);
            }
        }

        return penalty + DarkProportionPenalty(dark, size * size);
    }

    // Rule 4. fifths: the band of the dark proportion, [5 × fifths %, 5 × (fifths + 1) %).
    private static int DarkProportionPenalty(int dark, int total)
    {
        var fifths = dark * 20 / total;
        return Math.Min(Math.Abs(fifths - 10), Math.Abs(fifths - 9)) * 10;
    }

    // Rules 1 and 3 along one line of `size` modules, bit i for module i.
    private static int LinePenalty(ulong line, int size)
    {
        // Rule 1: a run of length L ≥ 5 holds L − 4 windows of five equal modules and costs
        // L − 2: one point per window, two more per run (counted at the window that starts it).
        var same = ~(line ^ (line >> 1)) & ((1UL << (size - 1)) - 1); // module i equals module i + 1
        var five = same & (same >> 1) & (same >> 2) & (same >> 3);      // modules i … i + 4 equal
        var penalty = BitOperations.PopCount(five) + 2 * BitOperations.PopCount(five & ~(five << 1));

        // Rule 3: 1011101 starting at i, and four light modules starting at i.
        var light = ~line;
        var finder = line & (light >> 1) & (line >> 2) & (line >> 3) & (line >> 4) & (light >> 5) & (line >> 6);
        var fourLight = light & (light >> 1) & (light >> 2) & (light >> 3);
        var starts = (1UL << (size - 10)) - 1; // 11-module windows starting at i ≤ size − 11
        var windows = BitOperations.PopCount(finder & (fourLight >> 7) & starts)  // 1011101 0000
            + BitOperations.PopCount(fourLight & (finder >> 4) & starts);         // 0000 1011101
        return penalty + 40 * windows;
    }
}
