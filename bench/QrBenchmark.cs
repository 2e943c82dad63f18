using System.Diagnostics;
using FichesSite.Print;
using QRCoder;

namespace FichesSite.Bench;

/// <summary>
/// Processor time per QR code, our encoder (src/Print/QrCode.cs) against QRCoder 1.8.1, which it
/// replaced, on the same typical sheet URLs (60–120 ASCII characters), in alternate rounds of one
/// process. Processor time, not wall time: the machine is shared and loaded. Target: ≤ 0.05 ms per code.
/// </summary>
public static class QrBenchmark
{
    private const int Rounds = 7;

    public static void Run(int count)
    {
        var random = new Random(42);
        var urls = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var slug = new char[random.Next(14, 73)]; // 46 + slug + '/' = 61 to 120 characters
            for (var j = 0; j < slug.Length; j++)
            {
                slug[j] = random.Next(8) == 0 ? '-' : (char)('a' + random.Next(26));
            }
            urls.Add($"https://fiches.hopital-exemple.invalid/fiches/{new string(slug)}/");
        }
        var versions = urls.Select(u => (QrCode.Encode(u, quietZone: false).GetLength(0) - 17) / 4).ToList();
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; {count} URLs of {urls.Min(u => u.Length)}–{urls.Max(u => u.Length)} characters, versions {versions.Min()}–{versions.Max()}");

        var ours = new List<double>();
        var svg = new List<double>();
        var qrCoder = new List<double>();
        using var generator = new QRCodeGenerator();
        for (var round = 0; round <= Rounds; round++) // round 0 warms up the JIT and is not counted
        {
            var a = PerCode(urls, url => QrCode.Encode(url));
            var b = PerCode(urls, url => QrCodeSvg.For(url, "QR code"));
            var c = PerCode(urls, url =>
            {
                using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
            });
            if (round == 0)
            {
                continue;
            }
            ours.Add(a);
            svg.Add(b);
            qrCoder.Add(c);
            Console.WriteLine($"  round {round}: ours {a:0.0000} ms, ours + SVG {b:0.0000} ms, QRCoder {c:0.0000} ms per code (processor time)");
        }
        Console.WriteLine();
        Console.WriteLine($"== processor time per code, median of {Rounds} rounds of {count}");
        Console.WriteLine($"  QrCode.Encode       {Median(ours),8:0.0000} ms   (target ≤ 0.05 ms)");
        Console.WriteLine($"  QrCodeSvg.For       {Median(svg),8:0.0000} ms   (encoder + SVG markup, as the build calls it)");
        Console.WriteLine($"  QRCoder 1.8.1       {Median(qrCoder),8:0.0000} ms   (CreateQrCode only)");
        Console.WriteLine($"  ratio               {Median(qrCoder) / Median(ours),8:0.0} × faster");
    }

    private static double PerCode(List<string> urls, Action<string> encode)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.TotalProcessorTime;
        foreach (var url in urls)
        {
            encode(url);
        }
        process.Refresh();
        return (process.TotalProcessorTime - before).TotalMilliseconds / urls.Count;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
