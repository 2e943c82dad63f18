using System.Text;

namespace FichesSite.Print;

/// <summary>
/// A QR code encoder (ISO/IEC 18004) for what the site needs: text as UTF-8 bytes in byte mode,
/// error correction level M, the smallest version from 1 to 40 that fits, the mask of lowest penalty.
/// Ours rather than QRCoder's because every page carries a code: QRCoder's took a large share of a
/// whole page's processor time, this one a small fraction of it (docs/print.md).
/// QRCoder stays in the tests as the oracle: for the same bytes both give the same modules.
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
        if (version == 0)
        {
            throw new ArgumentException(
                $"Text of {bytes.Length} UTF-8 bytes is too long for a QR code at error correction level M (at most {MaxBytes} bytes).",
                nameof(text));
        }
        var codewords = AddErrorCorrection(DataCodewords(bytes, version), version);

        var layout = QrLayout.For(version);
        var modules = layout.BestMasked(codewords);

        var size = layout.Size;
        var border = quietZone ? QuietZone : 0;
        var matrix = new bool[size + 2 * border, size + 2 * border];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                matrix[y + border, x + border] = modules[y * size + x] != 0;
            }
        }
        return matrix;
    }

    // 0 when even version 40 is too small.
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
        return 0;
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
            writer.Append(b);
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

        // A whole byte at once: after the 12- or 20-bit header it straddles two codewords.
        public void Append(byte value)
        {
            var shift = Position & 7;
            target[Position >> 3] |= (byte)(value >> shift);
            if (shift != 0)
            {
                target[(Position >> 3) + 1] |= (byte)(value << (8 - shift));
            }
            Position += 8;
        }

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
}
