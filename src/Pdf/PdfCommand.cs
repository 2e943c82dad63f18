using System.Diagnostics;
using System.IO.Enumeration;
using FichesSite.Content;
using FichesSite.Pipeline;

namespace FichesSite.Pdf;

/// <summary>
/// « dotnet run --project Site.csproj -- pdf »: prints every sheet of the BUILT site to
/// &lt;site&gt;/pdf/&lt;name&gt;.pdf with one headless Chromium, then shows each page's link to its PDF.
/// Reads only the built folder: the build never calls it, and never needs Chromium.
/// Whatever the site holds, it ends with a French message naming the page, never with an exception:
/// first a plan of what goes where (checked before Chromium starts), then each page printed on its own.
/// </summary>
public static class PdfCommand
{
    /// <summary>One page to print and where its PDF goes, both relative to the site folder, with « / ».</summary>
    public sealed record Handout(string Page, string Pdf);

    public static async Task<int> RunAsync(string siteDirectory, string? chromiumOption, TextWriter output, TextWriter errors)
    {
        try
        {
            return await PrintAllAsync(siteDirectory, chromiumOption, output, errors);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The last resort: every known failure has its own message above; this one still names the site and ends cleanly.
            errors.WriteLine($"{siteDirectory}/ : erreur interne de la commande pdf ({e.GetType().Name} : {e.Message}). Signalez ce message à l’équipe du site ; les PDF déjà imprimés restent en place.");
            return 1;
        }
    }

    private static async Task<int> PrintAllAsync(string siteDirectory, string? chromiumOption, TextWriter output, TextWriter errors)
    {
        // Only a site this generator built is written into; before looking for Chromium, which this does not need.
        if (Build.SiteMark.SiteProblem(siteDirectory, "pdf", PageAddresses.FichesFolder.TrimEnd('/')) is { } problem)
        {
            errors.WriteLine($"erreur : {problem.Message} {problem.Fix}");
            return 1;
        }
        var plan = Plan(siteDirectory, errors);
        if (plan is null)
        {
            return 1;
        }
        var chromium = HandoutPrinter.ChromiumPath(chromiumOption);
        if (!File.Exists(chromium))
        {
            errors.WriteLine($"erreur : Chromium est introuvable ({chromium}). Indiquez son chemin avec l’option --chromium (ou la variable CHROMIUM_PATH) ; sous Debian : apt-get install chromium.");
            return 1;
        }
        var clock = Stopwatch.StartNew();
        var failed = 0;
        HandoutPrinter printer;
        try
        {
            printer = await HandoutPrinter.LaunchAsync(chromium);
        }
        catch (Exception e)
        {
            errors.WriteLine($"erreur : Chromium ({chromium}) n’a pas pu démarrer ({e.Message}). Vérifiez que ce chemin est bien celui de Chromium et qu’il se lance (« {chromium} --version »), ou indiquez-en un autre avec --chromium.");
            return 1;
        }
        await using (printer)
        {
            foreach (var handout in plan)
            {
                try
                {
                    await PrintAsync(printer, siteDirectory, handout);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // One page that cannot be printed does not hide the others; the command still fails.
                    failed++;
                    errors.WriteLine($"{Display(siteDirectory, handout.Page)} : erreur : impression en PDF impossible ({e.Message}). Vérifiez que la page se lit et que {Display(siteDirectory, handout.Pdf)} peut être écrit, puis relancez la commande pdf.");
                }
            }
        }
        var seconds = clock.Elapsed.TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture).Replace('.', ',');
        if (failed > 0)
        {
            errors.WriteLine($"Échec : {failed} fiche(s) sur {plan.Count} n’ont pas pu être imprimées en PDF (en {seconds} s, → {siteDirectory}/pdf/).");
            return 1;
        }
        output.WriteLine($"{plan.Count} fiche(s) imprimée(s) en PDF en {seconds} s (→ {siteDirectory}/pdf/).");
        return 0;
    }

    /// <summary>
    /// Every page under fiches/ and its PDF (<see cref="HandoutPath"/>), in order; null after a French message
    /// when the site cannot be printed as it is: no such folder, no sheet, a page that is a symbolic link (it
    /// could print a file from outside the site), or two pages that would share a PDF.
    /// </summary>
    public static IReadOnlyList<Handout>? Plan(string siteDirectory, TextWriter errors)
    {
        var fiches = Path.Combine(siteDirectory, PageAddresses.FichesFolder);
        if (!Directory.Exists(fiches))
        {
            errors.WriteLine($"erreur : aucune fiche dans {siteDirectory}/. Construisez d’abord le site (dotnet run --project Site.csproj), puis relancez la commande pdf avec le même --output.");
            return null;
        }
        List<string> pages, links;
        try
        {
            (pages, links) = PagesUnder(siteDirectory, fiches);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.WriteLine($"erreur : le dossier {Display(siteDirectory, PageAddresses.FichesFolder)} ne se lit pas ({e.Message}). Vérifiez ses droits, ou reconstruisez le site.");
            return null;
        }
        foreach (var link in links)
        {
            errors.WriteLine($"{Display(siteDirectory, link)} : erreur : lien symbolique dans le site construit ; la commande pdf n’imprime que les pages écrites par la construction. Reconstruisez le site (dotnet run --project Site.csproj).");
        }
        var plan = pages.Select(p => new Handout(p, HandoutPath.For(p))).ToList();
        var shared = plan.GroupBy(h => h.Pdf, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).ToList();
        foreach (var group in shared)
        {
            errors.WriteLine($"{Display(siteDirectory, group.First().Page)} : erreur : {string.Join(" et ", group.Select(h => h.Page))} donneraient le même PDF {group.Key}. Renommez l’une des fiches, puis reconstruisez le site.");
        }
        return links.Count > 0 || shared.Count > 0 ? null : plan;
    }

    private static async Task PrintAsync(HandoutPrinter printer, string siteDirectory, Handout handout)
    {
        var page = Path.Combine(siteDirectory, handout.Page);
        var pdf = await printer.PrintAsync(page);
        if (Build.BuildDate.SourceDateEpoch() is { } date)
        {
            PdfDates.Rewrite(pdf, date);
        }
        var destination = Path.Combine(siteDirectory, handout.Pdf);
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        // Beside its final name, then renamed: a PDF is either the old one or the whole new one.
        var temporary = destination + ".tmp";
        try
        {
            File.WriteAllBytes(temporary, pdf);
            File.Move(temporary, destination, overwrite: true);
        }
        catch
        {
            File.Delete(temporary); // no half-written file left in the site; the page's error is reported by the caller
            throw;
        }
        HandoutLinks.ShowInFile(page, pdf.Length);
    }

    // The site's pages under fiches/ (every index.html, with « / »), in order; and every symbolic link met on the
    // way, which is neither followed nor printed.
    private static (List<string> Pages, List<string> Links) PagesUnder(string siteDirectory, string fiches)
    {
        static bool IsLink(ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) != 0;
        var entries = new FileSystemEnumerable<(string Path, bool Link)>(fiches,
            (ref FileSystemEntry entry) => (entry.ToFullPath(), IsLink(ref entry)),
            new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false })
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => IsLink(ref entry) || (!entry.IsDirectory && entry.FileName is PageAddresses.PageFile),
            ShouldRecursePredicate = (ref FileSystemEntry entry) => !IsLink(ref entry),
        };
        var pages = new List<string>();
        var links = new List<string>();
        foreach (var (path, link) in entries)
        {
            (link ? links : pages).Add(Path.GetRelativePath(siteDirectory, path).Replace('\\', '/'));
        }
        pages.Sort(StringComparer.Ordinal);
        links.Sort(StringComparer.Ordinal);
        return (pages, links);
    }

    private static string Display(string siteDirectory, string sitePath) =>
        Path.Join(siteDirectory, sitePath).Replace('\\', '/');
}
