using FichesSite.Print;
using System.Text;
using QRCoder;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace FichesSite.Tests.Print;

/// <summary>
/// Our QR encoder (src/Print/QrCode.cs) against two independent implementations: QRCoder, the
/// library it replaces, must draw the very same modules for the same bytes (same version, mask,
/// codewords), and ZXing must read our codes back to the text.
/// </summary>
public sealed class QrCodeTests
{
    private const string Site = "https://fiches.hopital-exemple.invalid/fiches/";
    private const string Slug = "abcdefghijklmnopqrstuvwxyz0123456789-_/?=&.";
    private const string Accented = "éèêàçôœùÉÀ’«» îï";

    /// <summary>
    /// Every byte length from 1 to 320 (so every version boundary of versions 1–13, at and just past
    /// capacity), URLs with accents, curly quotes and ligatures (UTF-8 of 2 and 3 bytes a character)
    /// up to about 300 bytes, and longer ones in steps up to version 40's capacity.
    /// </summary>
    public static IEnumerable<object[]> Texts()
    {
        var random = new Random(18004);
        for (var length = 1; length <= 320; length++)
        {
            yield return [AsciiUrl(random, length)];
        }
        for (var i = 0; i < 240; i++)
        {
            yield return [AccentedUrl(random, 1 + random.Next(300))];
        }
        for (var length = 321; length <= QrCode.MaxBytes; length += 41)
        {
            yield return [AsciiUrl(random, length)];
        }
        yield return [AsciiUrl(random, QrCode.MaxBytes)];
    }

    // Lower-case letters make QRCoder choose byte mode, as ours always does.
    private static string AsciiUrl(Random random, int length)
    {
        var text = new StringBuilder(Site);
        while (text.Length < length)
        {
            text.Append(Slug[random.Next(Slug.Length)]);
        }
        return text.ToString(0, length);
    }

    private static string AccentedUrl(Random random, int maxBytes)
    {
        var text = new StringBuilder(Site);
        while (true)
        {
            var c = random.Next(4) == 0 ? Accented[random.Next(Accented.Length)] : Slug[random.Next(Slug.Length)];
            if (Encoding.UTF8.GetByteCount(text.ToString() + c) > Math.Max(maxBytes, Site.Length + 1))
            {
                return text.ToString();
            }
            text.Append(c);
        }
    }

    [Fact]
    public void The_modules_are_QRCoder_s_for_the_same_utf8_bytes()
    {
        var texts = Texts().Select(t => (string)t[0]).ToList();
        Assert.True(texts.Count >= 500, $"{texts.Count} texts");
        Assert.Contains(texts, t => Encoding.UTF8.GetByteCount(t) != t.Length); // some are not ASCII
        using var generator = new QRCodeGenerator();
        var mismatches = new List<string>();
        foreach (var text in texts)
        {
            // forceUtf8: QRCoder would otherwise write Latin-1 bytes for « é »; with the default
            // EciMode it writes no ECI header, like ours. For ASCII text the bytes are the same anyway.
            using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M, forceUtf8: true);
            var expected = data.ModuleMatrix; // with its 4-module quiet zone, as ours
            var actual = QrCode.Encode(text);
            if (!SameModules(expected, actual))
            {
                mismatches.Add($"{Encoding.UTF8.GetByteCount(text)} bytes, version {data.Version}: {text}");
            }
        }
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {texts.Count} differ:\n" + string.Join("\n", mismatches.Take(10)));
    }

    private static bool SameModules(List<System.Collections.BitArray> expected, bool[,] actual)
    {
        if (expected.Count != actual.GetLength(0) || expected.Count != actual.GetLength(1))
        {
            return false;
        }
        for (var y = 0; y < expected.Count; y++)
        {
            for (var x = 0; x < expected.Count; x++)
            {
                if (expected[y][x] != actual[y, x])
                {
                    return false;
                }
            }
        }
        return true;
    }

    [Theory]
    [InlineData("https://fiches.hopital-exemple.invalid/fiches/cimentoplastie-metastases-osseuses/")]
    [InlineData("https://fiches.hopital-exemple.invalid/")]
    [InlineData("https://fiches.hopital-exemple.invalid/fiches/ponction-biopsie-hépatique/")]
    [InlineData("https://fiches.hopital-exemple.invalid/fiches/l’embolisation-des-fibromes-utérins-œdème/?à=ç")]
    [InlineData("a")]
    [InlineData("https://fiches.hopital-exemple.invalid/fiches/drainage-biliaire-percutane-sous-anesthesie-locale-et-sedation/informations-complementaires/")]
    public void ZXing_reads_our_code_back(string url)
    {
        Assert.Equal(url, Decode(QrCode.Encode(url)));
    }

    [Fact]
    public void ZXing_reads_the_sampled_texts_back()
    {
        // One in five, to keep the test quick; the QRCoder comparison covers them all.
        foreach (var text in Texts().Select(t => (string)t[0]).Where((_, i) => i % 5 == 0))
        {
            var modules = QrCode.Encode(text);
            Assert.True(text == Decode(modules), $"{Encoding.UTF8.GetByteCount(text)} bytes, {modules.GetLength(0)} modules: {text}");
        }
    }

    // Renders the modules at 4 pixels each, black on white, as the RGBA bytes ZXing reads.
    private static string? Decode(bool[,] modules)
    {
        const int Scale = 4;
        var size = modules.GetLength(0) * Scale;
        var rgba = new byte[size * size * 4];
        for (var py = 0; py < size; py++)
        {
            for (var px = 0; px < size; px++)
            {
                var value = modules[py / Scale, px / Scale] ? (byte)0 : (byte)255;
                var i = (py * size + px) * 4;
                rgba[i] = rgba[i + 1] = rgba[i + 2] = value;
                rgba[i + 3] = 255;
            }
        }
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(rgba, size, size, RGBLuminanceSource.BitmapFormat.RGBA32)));
        // No ECI header in our codes: ZXing would guess the character set, so it is told. The image
        // is the bare code, as drawn: the pure-barcode reader finds large versions' modules exactly.
        var hints = new Dictionary<DecodeHintType, object>
        {
            [DecodeHintType.CHARACTER_SET] = "UTF-8",
            [DecodeHintType.PURE_BARCODE] = true,
        };
        return new QRCodeReader().decode(bitmap, hints)?.Text;
    }

    [Fact]
    public void The_quiet_zone_is_four_light_modules_and_can_be_left_out()
    {
        var with = QrCode.Encode(Site);
        var without = QrCode.Encode(Site, quietZone: false);
        Assert.Equal(without.GetLength(0) + 2 * QrCode.QuietZone, with.GetLength(0));
        for (var i = 0; i < with.GetLength(0); i++)
        {
            for (var border = 0; border < QrCode.QuietZone; border++)
            {
                Assert.False(with[i, border] || with[border, i] || with[i, with.GetLength(0) - 1 - border] || with[with.GetLength(0) - 1 - border, i]);
            }
        }
        Assert.True(without[0, 0]); // the top-left finder's corner
    }

    [Fact]
    public void The_largest_text_fits_version_40_and_one_byte_more_is_refused()
    {
        Assert.Equal(177 + 2 * QrCode.QuietZone, QrCode.Encode(new string('a', QrCode.MaxBytes)).GetLength(0));
        var error = Assert.Throws<ArgumentException>(() => QrCode.Encode(new string('a', QrCode.MaxBytes + 1)));
        Assert.Contains("too long", error.Message, StringComparison.Ordinal);
        // Counted in UTF-8 bytes, not characters: 1,166 « é » are 2,332 bytes.
        Assert.Throws<ArgumentException>(() => QrCode.Encode(new string('é', 1166)));
    }
}
