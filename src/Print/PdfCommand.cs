using System.Diagnostics;
using FichesSite.Content;

namespace FichesSite.Print;

/// <summary>
/// « dotnet run --project Site.csproj -- pdf »: prints every sheet of the BUILT site to
/// &lt;site&gt;/pdf/&lt;slug&gt;.pdf with one headless Chromium, then shows each page's link to its PDF.
/// Reads only the built folder: the build never calls it, and never needs Chromium.
/// </summary>
public static class PdfCommand
{
    public static async Task<int> RunAsync(string siteDirectory, string? chromiumOption, TextWriter output, TextWriter errors)
    {
        // Only a site this generator built is written into; before looking for Chromium, which this does not need.
        if (Build.SiteMark.SiteProblem(siteDirectory, "pdf") is { } problem)
        {
            errors.WriteLine($"erreur : {problem.Message} {problem.Fix}");
            return 1;
        }
        var chromium = HandoutPrinter.ChromiumPath(chromiumOption);
        if (!File.Exists(chromium))
        {
            errors.WriteLine($"erreur : Chromium est introuvable ({chromium}). Indiquez son chemin avec l’option --chromium (ou la variable CHROMIUM_PATH) ; sous Debian : apt-get install chromium.");
            return 1;
        }
        var fiches = Path.Combine(siteDirectory, ReadSources.FichesFolder);
        if (!Directory.Exists(fiches))
        {
            errors.WriteLine($"erreur : aucune fiche dans {siteDirectory}/. Construisez d’abord le site (dotnet run --project Site.csproj), puis relancez la commande pdf avec le même --output.");
            return 1;
        }
        var pages = Directory.EnumerateFiles(fiches, "index.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(siteDirectory, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        var clock = Stopwatch.StartNew();
        await using (var printer = await HandoutPrinter.LaunchAsync(chromium))
        {
            foreach (var page in pages)
            {
                var pdf = await printer.PrintAsync(Path.Combine(siteDirectory, page));
                var destination = Path.Combine(siteDirectory, ReadSources.HandoutPathFor(page));
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                // Written beside and renamed: a link found at that name is replaced, never written through.
                File.WriteAllBytes(destination + ".tmp", pdf);
                File.Move(destination + ".tmp", destination, overwrite: true);
                HandoutLinks.ShowInFile(Path.Combine(siteDirectory, page), pdf.Length);
            }
        }
        var seconds = clock.Elapsed.TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture).Replace('.', ',');
        output.WriteLine($"{pages.Count} fiche(s) imprimée(s) en PDF en {seconds} s (→ {siteDirectory}/pdf/).");
        return 0;
    }
}
