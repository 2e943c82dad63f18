namespace FichesSite.Print;

/// <summary>
/// Reed–Solomon error correction codewords for QR codes (ISO/IEC 18004, section 7.5.2): arithmetic
/// in GF(256) with the field polynomial x⁸ + x⁴ + x³ + x² + 1 (0x11D) and generator polynomials
/// (x − α⁰)(x − α¹)…(x − αⁿ⁻¹) with α = 2. Multiplication goes through log/antilog tables, and each
/// generator is computed once per degree, because the encoder runs once per page of a 10,000-page build.
/// </summary>
internal static class QrReedSolomon
{
    // Level M uses at most 30 error correction codewords per block; levels Q and H never exceed it either.
    private const int MaxDegree = 30;

    // Exp[i] = αⁱ, doubled in length so that Exp[Log[a] + Log[b]] needs no modulo 255.
    private static readonly byte[] Exp = new byte[512];
    private static readonly byte[] Log = new byte[256];

    // GeneratorLogs[n][i]: log of the coefficient of xⁿ⁻¹⁻ⁱ of the degree-n generator (the leading
    // coefficient, 1, is implicit). Every coefficient is non-zero, so the log always exists.
    private static readonly byte[][] GeneratorLogs = new byte[MaxDegree + 1][];

    static QrReedSolomon()
    {
        var value = 1;
        for (var i = 0; i < 255; i++)
        {
            Exp[i] = (byte)value;
            Log[value] = (byte)i;
            value <<= 1;
            if (value >= 0x100)
            {
                value ^= 0x11D;
            }
        }
        for (var i = 255; i < Exp.Length; i++)
        {
            Exp[i] = Exp[i - 255];
        }
        for (var degree = 1; degree <= MaxDegree; degree++)
        {
            GeneratorLogs[degree] = MakeGeneratorLogs(degree);
        }
    }

    private static byte Multiply(byte a, byte b) => a == 0 || b == 0 ? (byte)0 : Exp[Log[a] + Log[b]];

    // Multiplies the polynomial by (x − αⁱ) for i = 0 … degree − 1, coefficients highest first.
    private static byte[] MakeGeneratorLogs(int degree)
    {
        var coefficients = new byte[degree]; // without the leading 1
        coefficients[degree - 1] = 1;
        byte root = 1;
        for (var i = 0; i < degree; i++)
        {
            for (var j = 0; j < degree; j++)
            {
                coefficients[j] = Multiply(coefficients[j], root);
                if (j + 1 < degree)
                {
                    coefficients[j] ^= coefficients[j + 1];
                }
            }
            root = Multiply(root, 2);
        }
        var logs = new byte[degree];
        for (var j = 0; j < degree; j++)
        {
            logs[j] = Log[coefficients[j]];
        }
        return logs;
    }

    /// <summary>
    /// Writes into <paramref name="ecc"/> (its length is the degree) the remainder of
    /// data(x)·xⁿ divided by the degree-n generator: the block's error correction codewords.
    /// </summary>
    public static void Remainder(ReadOnlySpan<byte> data, Span<byte> ecc)
    {
        var degree = ecc.Length;
        var generator = GeneratorLogs[degree];
        ecc.Clear();
        foreach (var codeword in data)
        {
            var factor = (byte)(codeword ^ ecc[0]);
            ecc[1..].CopyTo(ecc);
            ecc[degree - 1] = 0;
            if (factor == 0)
            {
                continue;
            }
            var factorLog = Log[factor];
            for (var i = 0; i < degree; i++)
            {
                ecc[i] ^= Exp[generator[i] + factorLog];
            }
        }
    }
}
