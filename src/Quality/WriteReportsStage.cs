using FichesSite.Content;
using FichesSite.Pipeline;
using FichesSite.Quality.Readability;

namespace FichesSite.Quality;

/// <summary>
/// Makes the build's reports for the editorial team, outside the site: the sheets' readability, always, handed on as
/// <see cref="ReadabilityReport.Key"/> for the command line; and, when the build has no error so far, their files
/// staged beside their final names (<see cref="StagedReports"/>): <c>reports/lisibilite.json</c> for a build that
/// writes a site, written on the other core while this one finishes the site, and the review report (<c>--report</c>).
/// <see cref="PublishReportsStage"/> puts them in place once the site is published.
/// </summary>
/// <param name="readabilityPath">Where the readability report goes, or null not to write it (a check, the preview).</param>
/// <param name="reviewPath">Where the review report goes, or null.</param>
public sealed class WriteReportsStage(ReadabilitySettings thresholds, string? readabilityPath, string? reviewPath, string inputDirectory, DateOnly today)
    : ISiteStage
{
    public string Name => "reports";

    public BuildState Run(BuildState build, DiagnosticBag diagnostics)
    {
        var readability = ReadabilityReport.From(build.Documents.Where(d => !diagnostics.HasErrorsFor(d.SourcePath)), thresholds);
        build = build.With(ReadabilityReport.Key, readability);
        if (diagnostics.HasErrors)
        {
            return build;
        }
        StagedFile? readabilityFile = null;
        var readabilityWritten = Task.FromResult(false);
        if (readabilityPath is not null)
        {
            var shown = SourcePaths.Display(readabilityPath);
            // A file there that is not a report of this generator stays as it is; said, and the build goes on (the report is a note).
            if (StagedFile.Problem(readabilityPath, shown) is { } foreign)
            {
                diagnostics.Notice(shown, 0, foreign.Message, foreign.Fix);
            }
            else
            {
                var file = readabilityFile = new StagedFile(readabilityPath);
                readabilityWritten = Task.Run(() => TryWrite(file, readability.WriteJson));
            }
        }
        var review = reviewPath is null ? null : new ReviewReport(reviewPath, build.Documents, inputDirectory, today);
        if (review is not null && !review.Stage(diagnostics))
        {
            review = null;
        }
        return build.With(StagedReports.Key, new StagedReports(readabilityFile, readabilityWritten, review));
    }

    // The readability report is a note: a file that cannot be written does not fail the build nor undo the published site.
    private static bool TryWrite(StagedFile file, Action<Stream> write)
    {
        try
        {
            file.Write(write);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            file.Discard();
            return false;
        }
    }
}
