using System.Diagnostics;
using System.Globalization;
using FichesSite.Bench;

// Benchmarks of the generator (docs/benchmarks.md has the commands and the figures).
//   corpus N FOLDER [zipf]  writes a content folder of N sheets: synthetic, or drawn from a French dictionary by Zipf's law
//   build [N …]          full builds as a separate process (default 1000 10000), both corpora, beside Hugo when installed
//   serve-edit N         the preview: one sheet edited in an N-sheet site, from save to reload message
//   pdf [N]              PDF handouts of N sheets (default 100) with one warm Chromium (docs/print.md)
//   qr [N]               processor time per QR code, ours against QRCoder, N URLs (default 2000; docs/print.md)
//   words [N] [zipf]     time per word of the word scan, glossary, syllables, readability, search terms and index (default 1000)
//   worst [NAME …]       issue 24's worst cases (1 MB page, 80,000 headings, links…) at ¼, ½ and all of their size, published generator
//   start [N]            the published generator on input/, N times (default 20): start-up wall and processor time
//   files [N]            system time of writing N folders of two files, opened as File.WriteAllBytes does and as new (default 10000)
//   lighthouse [R]       Lighthouse's mobile scores of the home page, a sheet and the search page of input/, R rounds (default 1)
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var repository = FindRepository();
var command = args.FirstOrDefault() ?? "build";
var numbers = args.Skip(1).Where(a => int.TryParse(a, out _)).Select(int.Parse).ToList();
switch (command)
{
    case "corpus":
        Corpus.Write(repository, args[2], numbers[0], args.Contains("zipf") ? ZipfCorpus.Load() : null);
        Console.WriteLine($"{numbers[0]} fiches written to {args[2]}");
        return 0;
    case "build":
        BuildBenchmark.Run(repository, numbers.Count > 0 ? numbers : [1000, 10000]);
        return 0;
    case "serve-edit":
        await ServeBenchmark.Run(repository, numbers.Count > 0 ? numbers[0] : 1000);
        return 0;
    case "pdf":
        await PdfBenchmark.Run(repository, numbers.Count > 0 ? numbers[0] : 100);
        return 0;
    case "qr":
        QrBenchmark.Run(numbers.Count > 0 ? numbers[0] : 2000);
        return 0;
    case "words":
        WordsBenchmark.Run(repository, numbers.Count > 0 ? numbers[0] : 1000, args.Contains("zipf"));
        return 0;
    case "worst":
        WorstCaseBenchmark.Run(repository, args.Skip(1).ToList());
        return 0;
    case "start":
        StartBenchmark.Run(repository, numbers.Count > 0 ? numbers[0] : 20);
        return 0;
    case "files":
        FileWriteBenchmark.Run(numbers.Count > 0 ? numbers[0] : 10000);
        return 0;
    case "lighthouse":
        return LighthouseBenchmark.Run(repository, numbers.Count > 0 ? numbers[0] : 1);
    default:
        Console.Error.WriteLine("usage: corpus N FOLDER [zipf] | build [N …] | serve-edit [N] | pdf [N] | qr [N] | words [N] [zipf] | worst [NAME …] | start [N] | files [N] | lighthouse [R]");
        return 2;
}

static string FindRepository()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Site.csproj")))
        {
            return dir.FullName;
        }
    }
    throw new InvalidOperationException("run from inside the repository");
}
