using FichesSite.Pipeline;

namespace FichesSite.Quality;

/// <summary>
/// The editorial reports' files written beside their final names (<see cref="StagedFile"/>), handed on from
/// <see cref="WriteReportsStage"/> to <see cref="PublishReportsStage"/>. Disposed by the runner when the build ends,
/// however it ends, it removes what was not published: a failed build changes no report.
/// </summary>
public sealed class StagedReports(StagedFile? readability, Task<bool> readabilityWritten, ReviewReport? review) : IDisposable
{
    public static readonly MetaKey<StagedReports> Key = new("staged-reports");

    /// <summary>The readability report's file, once written; null when there is none or it could not be written.</summary>
    public StagedFile? Readability => readabilityWritten.GetAwaiter().GetResult() ? readability : null;

    public ReviewReport? Review => review;

    public void Dispose()
    {
        try
        {
            readabilityWritten.Wait();
        }
        finally
        {
            readability?.Discard();
            review?.Discard();
        }
    }
}
