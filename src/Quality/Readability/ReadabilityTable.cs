using System.Globalization;

namespace FichesSite.Quality.Readability;

/// <summary>
/// The readability report as the command line prints it. With a few sheets, a table per sheet: each
/// section with its line, sentences, words and scores, the ones below the thresholds marked. With many
/// (a hospital's whole catalogue, the 10,000-sheet benchmark), one summary line and the file that holds
/// the rest: a console is not the place to read ten thousand tables.
/// </summary>
public static class ReadabilityTable
{
    /// <summary>Past this many sheets, only the summary is printed.</summary>
    public const int MaxSheetsInTable = 10;

    private const string Flag = "← à simplifier";

    /// <param name="reportPath">Where the full report was written, as the author should read it; null when it was not.</param>
    public static void Print(ReadabilityReport report, TextWriter output, string? reportPath)
    {
        if (report.Pages.Count == 0)
        {
            return;
        }
        var thresholds = string.Create(CultureInfo.InvariantCulture,
            $"Kandel–Moles ≥ {report.Thresholds.KandelMolesMin:0.#}, LIX ≤ {report.Thresholds.LixMax:0.#}").Replace('.', ',');
        var flagged = report.FlaggedSections.Count();
        var sections = report.Pages.Sum(p => p.Sections.Count);
        var where = reportPath is null ? "" : $" Détail : {reportPath}.";
        if (report.Pages.Count > MaxSheetsInTable)
        {
            output.WriteLine($"Lisibilité : {report.Pages.Count} fiches, {sections} sections, dont {flagged} sous les seuils ({thresholds}).{where}");
            return;
        }
        output.WriteLine($"Lisibilité ({thresholds} ; {flagged} section(s) sous les seuils, à relire, sans effet sur la publication).{where}");
        foreach (var page in report.Pages)
        {
            var total = page.Total;
            output.WriteLine($"  {page.SourcePath} : Kandel–Moles {ReadabilityReport.Format(total.KandelMoles)}, LIX {ReadabilityReport.Format(total.Lix)}"
                + (report.IsFlagged(total) ? "  " + Flag : ""));
            output.WriteLine("    ligne  phrases   mots  K–M    LIX    section");
            foreach (var section in page.Sections)
            {
                var counts = section.Counts;
                var title = section.Title.Length == 0 ? "(avant le premier titre)" : section.Title;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"    {section.Line,5}  {counts.Sentences,7}  {counts.Words,5}  {ReadabilityReport.Format(counts.KandelMoles),-5}  {ReadabilityReport.Format(counts.Lix),-5}  {title}")
                    + (report.IsFlagged(counts) ? "  " + Flag : ""));
            }
        }
    }
}
