using FichesSite.Content;
using FichesSite.Pipeline;
using FichesSite.Quality.Readability;

namespace FichesSite.Quality;

/// <summary>
/// The build's reports for the editorial team, outside the site: the sheets' readability (always made and handed on
/// as <see cref="ReadabilityReport.Key"/>; its file <c>reports/lisibilite.json</c> only for a build that writes a site)
/// and the review report (<c>--report</c>). Their files are written beside their final names by <see cref="Write"/>,
/// before the site is published, and put in place by <see cref="Publish"/>, after it (<see cref="StagedFile"/>), so a
/// failed build changes neither. Disposed, however the build ended, it removes what was staged and not published.
/// </summary>
/// <param name="readabilityPath">Where the readability report goes, or null not to write it (a check, the preview).</param>
/// <param name="reviewPath">Where the review report goes, or null.</param>
public sealed class EditorialReports(ReadabilitySettings thresholds, string? readabilityPath, string? reviewPath, string inputDirectory, DateOnly today)
    : IDisposable
{
    /// <summary>The site product giving where the readability report was published; absent when it was not.</summary>
    public static readonly MetaKey<string> ReadabilityPathKey = new("readability-report-path");

    private StagedFile? _readabilityFile;
    private Task<bool> _readabilityStaged = Task.FromResult(false);
    private ReviewReport? _review;

    /// <summary>The stage that makes the reports and, when the build has no error so far, stages their files.</summary>
    public ISiteStage Write => new WriteStage(this);

    /// <summary>The stage, after the site's publication, that puts the staged files in place when no error was reported.</summary>
    public ISiteStage Publish => new PublishStage(this);

    private BuildState WriteReports(BuildState build, DiagnosticBag diagnostics)
    {
        var readability = ReadabilityReport.From(build.Documents.Where(d => !diagnostics.HasErrorsFor(d.SourcePath)), thresholds);
        build = build.With(ReadabilityReport.Key, readability);
        if (diagnostics.HasErrors)
        {
            return build;
        }
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
                // Written on the other core while this one finishes the site (a large JSON file for a large site).
                var file = _readabilityFile = new StagedFile(readabilityPath);
                _readabilityStaged = Task.Run(() => TryWrite(file, readability.WriteJson));
            }
        }
        if (reviewPath is not null)
        {
            var review = new ReviewReport(reviewPath, build.Documents, inputDirectory, today);
            _review = review.Stage(diagnostics) ? review : null;
        }
        return build;
    }

    private BuildState PublishReports(BuildState build, DiagnosticBag diagnostics)
    {
        if (diagnostics.HasErrors)
        {
            return build; // Dispose removes what was staged
        }
        _review?.Publish(diagnostics);
        // The readability report is a note: one that could not be written fails nothing, and no path is printed for it.
        if (_readabilityStaged.GetAwaiter().GetResult() && !diagnostics.HasErrors && _readabilityFile!.Publish() is null)
        {
            return build.With(ReadabilityPathKey, _readabilityFile.Path);
        }
        return build;
    }

    public void Dispose()
    {
        try
        {
            _readabilityStaged.Wait();
        }
        finally
        {
            _readabilityFile?.Discard();
            _review?.Discard();
        }
    }

    // A file that cannot be written does not fail the build nor undo the published site.
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

    private sealed class WriteStage(EditorialReports reports) : ISiteStage
    {
        public string Name => "reports";

        public BuildState Run(BuildState build, DiagnosticBag diagnostics) => reports.WriteReports(build, diagnostics);
    }

    private sealed class PublishStage(EditorialReports reports) : ISiteStage
    {
        public string Name => "publish reports";

        public BuildState Run(BuildState build, DiagnosticBag diagnostics) => reports.PublishReports(build, diagnostics);
    }
}
