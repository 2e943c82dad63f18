using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using FichesSite.Content;
using FichesSite.Pipeline;

namespace FichesSite.Quality;

/// <summary>
/// The review report (reports/revue.json by default): every sheet with its review dates, days left
/// and status, for the editorial team to track. Written outside the site, since it is not for
/// patients. Deterministic: sorted by path, dated by the build's « today », never by the clock.
/// Staged beside its final name and renamed only once the site is published (<see cref="StagedFile"/>), so a
/// failed build changes neither the site nor the report.
/// </summary>
public sealed class ReviewReport
{
    private readonly StagedFile _file;
    private readonly byte[] _json;

    public ReviewReport(string path, IReadOnlyList<Document> documents, string inputDirectory, DateOnly today)
    {
        _file = new StagedFile(path);
        _json = Create(documents, inputDirectory, today);
    }

    /// <summary>Default place: revue.json in the reports folder beside the content folder, with the other reports.</summary>
    public static string DefaultPathFor(string inputDirectory) =>
        Path.Combine(Quality.ReportsFolder.For(inputDirectory), "revue.json");

    public static byte[] Create(IReadOnlyList<Document> documents, string inputDirectory, DateOnly today)
    {
        var input = Path.GetFullPath(inputDirectory);
        var fiches = documents
            .Where(d => PageAddresses.IsFiche(d.OutputPath))
            .Select(d => (Path: Path.GetRelativePath(input, Path.GetFullPath(d.SourcePath)).Replace('\\', '/'), d.OutputPath, FrontMatter: d.Get(FrontMatter.Key)))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();

        using var stream = new MemoryStream();
        // Relaxed escaping: the file is read by people and tools, never put inside HTML, and French stays legible.
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            Quality.ReportsFolder.WriteGenerator(json); // first: how a later build knows the file is its own to replace
            json.WriteString("date", Iso(today));
            json.WriteNumber("soon_days", ReviewStatus.SoonDays);
            var statuses = fiches.Select(f => f.FrontMatter.NextReview is { } next ? ReviewStatus.Of(next, today) : null).ToList();
            json.WriteStartObject("counts");
            foreach (var label in new[] { "ok", "bientôt", "dépassée", "sans date" })
            {
                json.WriteNumber(label, statuses.Count(s => (s?.Label ?? "sans date") == label));
            }
            json.WriteEndObject();
            json.WriteStartArray("fiches");
            for (var i = 0; i < fiches.Count; i++)
            {
                var (path, outputPath, frontMatter) = fiches[i];
                var status = statuses[i];
                json.WriteStartObject();
                json.WriteString("path", path);
                json.WriteString("url", outputPath);
                json.WriteString("title", frontMatter.Title);
                WriteDate(json, "last_reviewed", frontMatter.LastReviewed);
                WriteDate(json, "next_review", frontMatter.NextReview);
                if (status is null)
                {
                    json.WriteNull("days_left");
                }
                else
                {
                    json.WriteNumber("days_left", status.DaysLeft);
                }
                json.WriteString("status", status?.Label ?? "sans date");
                WriteText(json, "reviewed_by", frontMatter.ReviewedBy);
                WriteText(json, "version", frontMatter.Version);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    /// <summary>Writes the report under a temporary name; false (with an error) when the folder cannot be written.</summary>
    public bool Stage(DiagnosticBag diagnostics)
    {
        try
        {
            _file.Write(stream => stream.Write(_json));
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Discard();
            diagnostics.Error("--report", 0, $"impossible d’écrire le rapport de révision « {_file.Path} » : {e.Message}",
                "Vérifiez que ce dossier existe et que vous pouvez y écrire, ou choisissez-en un autre avec --report.");
            return false;
        }
    }

    /// <summary>Puts the staged report in place (one rename), once the site itself is published; false, with an error, when it could not.</summary>
    public bool Publish(DiagnosticBag diagnostics)
    {
        if (_file.Publish() is not { } problem)
        {
            return true;
        }
        diagnostics.Error("--report", 0, problem.Message, problem.Fix);
        return false;
    }

    /// <summary>Removes what <see cref="Stage"/> wrote: the previous report, like the previous site, stays as it was.</summary>
    public void Discard() => _file.Discard();

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void WriteDate(Utf8JsonWriter json, string name, DateOnly? date)
    {
        if (date is { } d)
        {
            json.WriteString(name, Iso(d));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteText(Utf8JsonWriter json, string name, string? text)
    {
        if (text is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, text);
        }
    }
}
