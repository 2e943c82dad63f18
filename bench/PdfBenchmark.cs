using System.Diagnostics;
using FichesSite.Build;
using FichesSite.Content;
using FichesSite.Pdf;
using UglyToad.PdfPig;

namespace FichesSite.Bench;

/// <summary>
/// PDF handouts of N synthetic sheets with one warm Chromium, as the pdf command prints them (same
/// printer, same tab reused): the browser's start and one warm-up page are timed apart, then every
/// sheet is printed and its pages counted with PdfPig. Target: 0.5 s per sheet or less.
/// </summary>
public static class PdfBenchmark
{
    public static async Task Run(string repository, int count)
    {
        var work = Path.Combine(Path.GetTempPath(), $"fiches-bench-pdf-{count}");
        var input = Path.Combine(work, "input");
        var site = Path.Combine(work, "_site");
        Corpus.Write(repository, input, count);
        Corpus.RemoveUnmarkedSite(site);
        var build = SiteBuilder.Build(new BuildOptions(input, Path.Combine(repository, "theme"), site));
        if (!build.Succeeded)
        {
            throw new InvalidOperationException("the build failed:\n" + string.Join("\n", build.Diagnostics));
        }
        var pages = Directory.EnumerateFiles(Path.Combine(site, "fiches"), "index.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var chromium = HandoutPrinter.ChromiumPath(null);
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; chromium: {chromium}");

        var clock = Stopwatch.StartNew();
        await using var printer = await HandoutPrinter.LaunchAsync(chromium);
        var launch = clock.Elapsed;
        clock.Restart();
        await printer.PrintAsync(pages[0]);
        var warmUp = clock.Elapsed;

        var pdfPages = 0;
        var slowest = TimeSpan.Zero;
        var all = Stopwatch.StartNew();
        foreach (var page in pages)
        {
            var one = Stopwatch.StartNew();
            var pdf = await printer.PrintAsync(page);
            slowest = one.Elapsed > slowest ? one.Elapsed : slowest;
            var sitePath = Path.GetRelativePath(site, page).Replace('\\', '/');
            var destination = Path.Combine(site, HandoutPath.For(sitePath));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.WriteAllBytes(destination, pdf);
            using var document = PdfDocument.Open(pdf);
            pdfPages += document.NumberOfPages;
        }
        var total = all.Elapsed;
        Console.WriteLine();
        Console.WriteLine($"== {pages.Count} fiches, {pdfPages} PDF pages, one warm Chromium");
        Console.WriteLine($"  browser start   {launch.TotalSeconds,7:0.00} s");
        Console.WriteLine($"  warm-up page    {warmUp.TotalSeconds,7:0.00} s");
        Console.WriteLine($"  all fiches      {total.TotalSeconds,7:0.00} s (PDF written, pages counted)");
        Console.WriteLine($"  per fiche       {total.TotalSeconds / pages.Count,7:0.000} s   (target ≤ 0.5 s)");
        Console.WriteLine($"  per PDF page    {total.TotalSeconds / pdfPages,7:0.000} s");
        Console.WriteLine($"  slowest fiche   {slowest.TotalSeconds,7:0.000} s");
        Console.WriteLine($"  pages per fiche {(double)pdfPages / pages.Count,7:0.00}");
    }
}
