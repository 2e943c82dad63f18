namespace FichesSite.Rendering;

/// <summary>
/// The penalty of a masked QR symbol (ISO/IEC 18004, 7.8.3.1), over the symbol without its quiet
/// zone: the encoder keeps the mask with the lowest. The four rules are read as QRCoder and ZXing's
/// encoder read them, so that our codes are module for module the same as theirs:
/// 1. each run of 5 or more same-colour modules in a row or column: 3 + (length − 5);
/// 2. each 2×2 block of one colour (overlapping blocks counted each): 3;
/// 3. each 1:1:3:1:1 finder-like pattern with 4 light modules before it or after it, that is each
///    11-module window reading 10111010000 or 00001011101, in rows and columns: 40;
/// 4. 10 for each whole 5 % step by which the dark proportion lies outside 45–55 %.
/// </summary>
internal static class QrPenalty
{
    private const int FinderThenLight = 0b10111010000;
    private const int LightThenFinder = 0b00001011101;
    private const int WindowMask = 0b11111111111;

    /// <param name="modules">1 dark, 0 light, index y * size + x.</param>
    public static int Score(byte[] modules, int size)
    {
        var penalty = 0;
        for (var line = 0; line < size; line++)
        {
            penalty += ScoreLine(modules, line * size, 1, size);   // row
            penalty += ScoreLine(modules, line, size, size);       // column
        }

        var dark = 0;
        for (var y = 0; y < size; y++)
        {
            var row = y * size;
            for (var x = 0; x < size; x++)
            {
                var m = modules[row + x];
                dark += m;
                if (y + 1 < size && x + 1 < size
                    && m == modules[row + x + 1] && m == modules[row + size + x] && m == modules[row + size + x + 1])
                {
                    penalty += 3;
                }
            }
        }

        var total = size * size;
        var fifths = dark * 20 / total; // the dark proportion in whole 5 % steps
        penalty += Math.Min(Math.Abs(fifths - 10), Math.Abs(fifths - 9)) * 10;
        return penalty;
    }

    // Rules 1 and 3 along one row or column: `stride` 1 walks a row, `size` a column.
    private static int ScoreLine(byte[] modules, int start, int stride, int size)
    {
        var penalty = 0;
        var run = 0;
        var previous = -1;
        var window = 0;
        for (int i = 0, index = start; i < size; i++, index += stride)
        {
            int m = modules[index];
            if (m == previous)
            {
                run++;
                if (run == 5)
                {
                    penalty += 3;
                }
                else if (run > 5)
                {
                    penalty++;
                }
            }
            else
            {
                run = 1;
                previous = m;
            }

            window = ((window << 1) | m) & WindowMask;
            if (i >= 10 && (window == FinderThenLight || window == LightThenFinder))
            {
                penalty += 40;
            }
        }
        return penalty;
    }
}
