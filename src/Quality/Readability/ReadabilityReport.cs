using System.Globalization;
using System.Text.Json;
using FichesSite.Content;
using FichesSite.Pipeline;

namespace FichesSite.Quality.Readability;

/// <summary>
/// The readability of every sheet of a build, with the sections below the thresholds of input/site.yml.
/// Flagged sections are notes for the editorial team, not warnings: the formulas were made for long
/// texts and misjudge a section of two short sentences, so they must never fail a build, even under
/// --strict (which CI uses). Nothing of it reaches the public pages: it is printed by the command line
/// (<see cref="ReadabilityTable"/>) and written to reports/lisibilite.json (lisibilite-intranet.json for the intranet), outside the site.
/// </summary>
public sealed class ReadabilityReport(IReadOnlyList<PageReadability> pages, ReadabilitySettings thresholds)
{
    /// <summary>
    /// The report file's name in the reports folder, one per target: the intranet's pages hold internal blocks the
    /// public ones do not, so its scores differ, and each build would otherwise replace the other's report.
    /// </summary>
    public static string FileName(BuildTarget target) => target == BuildTarget.Intranet ? "lisibilite-intranet.json" : "lisibilite.json";

    /// <summary>The site product that <see cref="WriteReportsStage"/> makes, for the command line to print.</summary>
    public static readonly MetaKey<ReadabilityReport> Key = new("readability-report");

    public IReadOnlyList<PageReadability> Pages { get; } = pages;

    public ReadabilitySettings Thresholds { get; } = thresholds;

    public static ReadabilityReport From(IEnumerable<Document> documents, ReadabilitySettings thresholds) =>
        new(documents
                .Select(d => d.TryGet(PageReadability.Key, out var scores) ? scores : null)
                .OfType<PageReadability>()
                .OrderBy(p => p.SourcePath, StringComparer.Ordinal)
                .ToList(),
            thresholds);

    /// <summary>True when a section reads harder than the thresholds allow (sections without sentences never are).</summary>
    public bool IsFlagged(ReadabilityCounts counts) =>
        counts.KandelMoles < Thresholds.KandelMolesMin || counts.Lix > Thresholds.LixMax;

    public IEnumerable<(PageReadability Page, SectionReadability Section)> FlaggedSections =>
        Pages.SelectMany(p => p.Sections.Where(s => IsFlagged(s.Counts)).Select(s => (p, s)));

    // The writer holds what it wrote until flushed: handed to the stream page by page, the report (which grows with
    // every section of the site) is never held whole, nor copied each time its buffer doubles.
    private const int FlushAboveBytes = 64 * 1024;

    /// <summary>Writes the report as JSON (UTF-8, keys in French for the editorial team), the same bytes for the same sheets.</summary>
    public void WriteJson(Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        ReportsFolder.WriteGenerator(json); // first: how a later build knows the file is its own to replace
        json.WriteStartObject("seuils");
        json.WriteNumber("kandel_moles_min", Thresholds.KandelMolesMin);
        json.WriteNumber("lix_max", Thresholds.LixMax);
        json.WriteEndObject();
        json.WriteStartArray("fiches");
        foreach (var page in Pages)
        {
            json.WriteStartObject();
            json.WriteString("fichier", page.SourcePath);
            json.WriteString("titre", page.Title);
            WriteCounts(json, page.Total);
            json.WriteStartArray("sections");
            foreach (var section in page.Sections)
            {
                json.WriteStartObject();
                json.WriteString("titre", section.Title);
                json.WriteString("ancre", section.Anchor);
                json.WriteNumber("ligne", section.Line);
                WriteCounts(json, section.Counts);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            if (json.BytesPending > FlushAboveBytes)
            {
                json.Flush();
            }
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private void WriteCounts(Utf8JsonWriter json, ReadabilityCounts counts)
    {
        WriteScore(json, "kandel_moles", counts.KandelMoles);
        WriteScore(json, "lix", counts.Lix);
        json.WriteBoolean("sous_les_seuils", IsFlagged(counts));
        json.WriteNumber("phrases", counts.Sentences);
        json.WriteNumber("mots", counts.Words);
        json.WriteNumber("mots_mesures", counts.ScoredWords);
        json.WriteNumber("syllabes", counts.Syllables);
        json.WriteNumber("mots_longs", counts.LongWords);
    }

    // One decimal, as printed: the formulas are not more precise than that.
    private static void WriteScore(Utf8JsonWriter json, string name, double? score)
    {
        if (score is { } value)
        {
            json.WriteNumber(name, Math.Round(value, 1, MidpointRounding.AwayFromZero));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    /// <summary>A score as authors read it: one decimal, French comma, whatever the machine's culture.</summary>
    public static string Format(double? score) =>
        score is { } value ? Math.Round(value, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture).Replace('.', ',') : "–";
}
