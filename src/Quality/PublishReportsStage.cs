using FichesSite.Pipeline;

namespace FichesSite.Quality;

/// <summary>
/// After the site's publication, puts the reports <see cref="WriteReportsStage"/> staged in place, only when no error
/// was reported; otherwise they are removed with the build's other products (<see cref="StagedReports.Dispose"/>).
/// </summary>
public sealed class PublishReportsStage : ISiteStage
{
    /// <summary>The site product giving where the readability report was published; absent when it was not.</summary>
    public static readonly MetaKey<string> ReadabilityPathKey = new("readability-report-path");

    public string Name => "publish reports";

    public BuildState Run(BuildState build, DiagnosticBag diagnostics)
    {
        if (diagnostics.HasErrors || !build.Products.TryGet(StagedReports.Key, out var staged))
        {
            return build;
        }
        staged.Review?.Publish(diagnostics);
        // A readability report that could not be put in place fails nothing; no path is printed for it.
        return !diagnostics.HasErrors && staged.Readability is { } file && file.Publish() is null
            ? build.With(ReadabilityPathKey, file.Path)
            : build;
    }
}
