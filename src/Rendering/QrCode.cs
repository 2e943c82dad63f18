using System.Text;

namespace FichesSite.Rendering;

/// <summary>
/// A QR code encoder (ISO/IEC 18004) for what the site needs: text as UTF-8 bytes in byte mode,
/// error correction level M, the smallest version from 1 to 40 that fits, the mask of lowest penalty.
/// Ours rather than QRCoder's because every page carries a code: QRCoder took about 0.36 ms of
/// processor time per code, a tenth of the whole page's budget (figures in docs/print.md). QRCoder
/// stays in the tests as the oracle: for the same bytes both give the same modules.
/// </summary>
public static class QrCode
{
    /// <summary>The light border readers need around the symbol, in modules (ISO/IEC 18004, 6.3.8).</summary>
    public const int QuietZone = 4;

    /// <summary>Level M, version 40: the most bytes a code can hold.</summary>
    public const int MaxBytes = 2331;

    // Per version (index 1–40), level M: error correction codewords per block and number of blocks
    // (ISO/IEC 18004, table 9). Index 0 is unused.
    private static readonly byte[] EccCodewordsPerBlock =
    [
        0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
        26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
    ];

    private static readonly byte[] BlockCount =
    [
        0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16,
        17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49,
    ];

    // Format information's error correction level bits: M is 00 (ISO/IEC 18004, table 12).
    private const int LevelMBits = 0;

    /// <summary>
    /// The modules of the code for <paramref name="text"/>, indexed [row, column], true for dark;
    /// with the four-module quiet zone around the symbol unless <paramref name="quietZone"/> is false.
    /// </summary>
    /// <exception cref="ArgumentException">The text is longer than a level-M code can hold (2,331 UTF-8 bytes).</exception>
    public static bool[,] Encode(string text, bool quietZone = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = Encoding.UTF8.GetBytes(text);
        var version = SmallestVersion(bytes.Length);
        var codewords = AddErrorCorrection(DataCodewords(bytes, version), version);

        var size = version * 4 + 17;
        var symbol = new Symbol(size);
        symbol.DrawFunctionPatterns(version);
        symbol.PlaceCodewords(codewords);
        symbol.ApplyBestMask();

        var border = quietZone ? QuietZone : 0;
        var matrix = new bool[size + 2 * border, size + 2 * border];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                matrix[y + border, x + border] = symbol.Modules[y * size + x] != 0;
            }
        }
        return matrix;
    }

    private static int SmallestVersion(int byteCount)
    {
        for (var version = 1; version <= 40; version++)
        {
            var neededBits = 4 + CountBits(version) + 8 * byteCount;
            if (neededBits <= DataCodewordCount(version) * 8)
            {
                return version;
            }
        }
        throw new ArgumentException(
            $"Text of {byteCount} UTF-8 bytes is too long for a QR code at error correction level M (at most {MaxBytes} bytes).",
            "text");
    }

    // Byte mode's character count indicator: 8 bits up to version 9, 16 bits beyond (table 3).
    private static int CountBits(int version) => version <= 9 ? 8 : 16;

    // Modules left for codewords once the function patterns are drawn (the remainder bits included).
    private static int RawDataModules(int version)
    {
        var modules = (16 * version + 128) * version + 64;
        if (version >= 2)
        {
            var alignments = version / 7 + 2;
            modules -= (25 * alignments - 10) * alignments - 55;
            if (version >= 7)
            {
                modules -= 36; // the two 6×3 version information blocks
            }
        }
        return modules;
    }

    private static int DataCodewordCount(int version) =>
        RawDataModules(version) / 8 - EccCodewordsPerBlock[version] * BlockCount[version];

    // Mode indicator 0100 (byte), character count, the bytes, a terminator of up to four zero bits,
    // zero bits to the byte boundary, then the pad codewords 0xEC 0x11 alternately (7.4.9, 7.4.10).
    private static byte[] DataCodewords(byte[] bytes, int version)
    {
        var codewords = new byte[DataCodewordCount(version)];
        var writer = new BitWriter(codewords);
        writer.Append(0b0100, 4);
        writer.Append(bytes.Length, CountBits(version));
        foreach (var b in bytes)
        {
            writer.Append(b, 8);
        }
        var capacity = codewords.Length * 8;
        writer.Append(0, Math.Min(4, capacity - writer.Position));
        var next = (writer.Position + 7) / 8; // the zero bits up to the boundary are already there
        for (var pad = 0xEC; next < codewords.Length; next++, pad ^= 0xEC ^ 0x11)
        {
            codewords[next] = (byte)pad;
        }
        return codewords;
    }

    // Splits the data codewords into blocks (the short blocks first, long ones one codeword longer),
    // computes each block's error correction codewords, and interleaves: the data codewords column
    // by column across blocks, then the error correction codewords the same way (7.6).
    private static byte[] AddErrorCorrection(byte[] data, int version)
    {
        var blocks = BlockCount[version];
        var eccLength = EccCodewordsPerBlock[version];
        var shortDataLength = data.Length / blocks;
        var longBlocks = data.Length % blocks;
        var shortBlocks = blocks - longBlocks;

        var result = new byte[data.Length + blocks * eccLength];
        var ecc = new byte[blocks * eccLength];
        var start = 0;
        for (var b = 0; b < blocks; b++)
        {
            var length = shortDataLength + (b < shortBlocks ? 0 : 1);
            QrReedSolomon.Remainder(data.AsSpan(start, length), ecc.AsSpan(b * eccLength, eccLength));
            start += length;
        }

        var output = 0;
        for (var i = 0; i <= shortDataLength; i++)
        {
            start = 0;
            for (var b = 0; b < blocks; b++)
            {
                var length = shortDataLength + (b < shortBlocks ? 0 : 1);
                if (i < length)
                {
                    result[output++] = data[start + i];
                }
                start += length;
            }
        }
        for (var i = 0; i < eccLength; i++)
        {
            for (var b = 0; b < blocks; b++)
            {
                result[output++] = ecc[b * eccLength + i];
            }
        }
        return result;
    }

    // Appends bits, most significant first, into a zeroed byte array.
    private struct BitWriter(byte[] target)
    {
        public int Position { get; private set; }

        public void Append(int value, int count)
        {
            for (var i = count - 1; i >= 0; i--)
            {
                if (((value >> i) & 1) != 0)
                {
                    target[Position >> 3] |= (byte)(0x80 >> (Position & 7));
                }
                Position++;
            }
        }
    }

    /// <summary>The symbol without its quiet zone, as flat arrays: index y * size + x.</summary>
    private sealed class Symbol(int size)
    {
        public readonly byte[] Modules = new byte[size * size]; // 1 dark, 0 light
        private readonly bool[] isFunction = new bool[size * size];

        private void SetFunction(int x, int y, bool dark)
        {
            Modules[y * size + x] = dark ? (byte)1 : (byte)0;
            isFunction[y * size + x] = true;
        }

        public void DrawFunctionPatterns(int version)
        {
            // Timing patterns (6.3.5), drawn first: the finders overwrite their ends.
            for (var i = 0; i < size; i++)
            {
                SetFunction(6, i, i % 2 == 0);
                SetFunction(i, 6, i % 2 == 0);
            }

            // Finder patterns with their separators (6.3.3, 6.3.4): centred 3 modules in from three corners.
            DrawFinder(3, 3);
            DrawFinder(size - 4, 3);
            DrawFinder(3, size - 4);

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

            // Format information areas, reserved now and written for each mask tried (7.9).
            DrawFormat(0);

            // Version information (7.10): 6 bits of version, 12 of BCH code, two 6×3 blocks.
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
                    var a = size - 11 + i % 3;
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
                    if (x >= 0 && x < size && y >= 0 && y < size)
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
        // size − 7; version 32 is the one exception to the formula (annex E, table E.1).
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
            for (int i = count - 1, position = size - 7; i >= 1; i--, position -= step)
            {
                positions[i] = position;
            }
            return positions;
        }

        // 15 bits: level and mask (5 bits), a BCH(15,5) code, XOR 101010000010010; one copy around
        // the top-left finder, the other split between the two other finders; plus the dark module.
        private void DrawFormat(int mask)
        {
            var bits = FormatBits(mask);
            for (var i = 0; i <= 5; i++)
            {
                SetFunction(8, i, Bit(bits, i));
            }
            SetFunction(8, 7, Bit(bits, 6));
            SetFunction(8, 8, Bit(bits, 7));
            SetFunction(7, 8, Bit(bits, 8));
            for (var i = 9; i < 15; i++)
            {
                SetFunction(14 - i, 8, Bit(bits, i));
            }
            for (var i = 0; i < 8; i++)
            {
                SetFunction(size - 1 - i, 8, Bit(bits, i));
            }
            for (var i = 8; i < 15; i++)
            {
                SetFunction(8, size - 15 + i, Bit(bits, i));
            }
            SetFunction(8, size - 8, true); // the dark module (6.9)
        }

        private static int FormatBits(int mask)
        {
            var data = (LevelMBits << 3) | mask;
            var remainder = data;
            for (var i = 0; i < 10; i++)
            {
                remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537);
            }
            return ((data << 10) | remainder) ^ 0x5412;
        }

        private static bool Bit(int value, int index) => ((value >> index) & 1) != 0;

        // Two-module-wide columns from the right, upwards then downwards in turn, skipping the
        // vertical timing column and every function module; the remainder bits stay light (7.7.3).
        public void PlaceCodewords(byte[] codewords)
        {
            var bit = 0;
            var totalBits = codewords.Length * 8;
            for (var right = size - 1; right >= 1; right -= 2)
            {
                if (right == 6)
                {
                    right = 5;
                }
                var upward = ((right + 1) & 2) == 0;
                for (var step = 0; step < size; step++)
                {
                    var y = upward ? size - 1 - step : step;
                    for (var j = 0; j < 2; j++)
                    {
                        var index = y * size + right - j;
                        if (!isFunction[index] && bit < totalBits)
                        {
                            Modules[index] = (byte)((codewords[bit >> 3] >> (7 - (bit & 7))) & 1);
                            bit++;
                        }
                    }
                }
            }
        }

        // Tries the 8 masks, each with its own format information, and keeps the first of lowest
        // penalty (7.8.3), as other encoders do, so that the same text gives the same code.
        public void ApplyBestMask()
        {
            var unmasked = (byte[])Modules.Clone();
            var bestMask = 0;
            var bestPenalty = int.MaxValue;
            for (var mask = 0; mask < 8; mask++)
            {
                ApplyMask(mask, unmasked);
                DrawFormat(mask);
                var penalty = QrPenalty.Score(Modules, size);
                if (penalty < bestPenalty)
                {
                    bestPenalty = penalty;
                    bestMask = mask;
                }
            }
            ApplyMask(bestMask, unmasked);
            DrawFormat(bestMask);
        }

        // Modules = unmasked XOR the mask's pattern, on data modules only (table 10; x column, y row).
        private void ApplyMask(int mask, byte[] unmasked)
        {
            for (var y = 0; y < size; y++)
            {
                var row = y * size;
                for (var x = 0; x < size; x++)
                {
                    var index = row + x;
                    if (isFunction[index])
                    {
                        Modules[index] = unmasked[index];
                        continue;
                    }
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
                    Modules[index] = (byte)(unmasked[index] ^ (invert ? 1 : 0));
                }
            }
        }
    }
}
