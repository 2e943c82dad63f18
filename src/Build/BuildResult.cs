using FichesSite.Pipeline;
using FichesSite.Quality.Readability;

namespace FichesSite.Build;

public sealed record BuildResult(
    bool Succeeded,
    int PageCount,
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyList<StageTiming> Timings,
    TimeSpan Elapsed)
{
    /// <summary>The sheets' readability, once the pages were parsed (null when the configuration stopped the build).</summary>
    public ReadabilityReport? Readability { get; init; }

    /// <summary>Where the readability report was written, or null (a check, a failed build, the preview).</summary>
    public string? ReadabilityReportPath { get; init; }

    /// <summary>Where the output site stands: what the command line may say about it after a failure.</summary>
    public SiteState Site { get; init; }

    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.Severity == Severity.Error);
    public IEnumerable<Diagnostic> Warnings => Diagnostics.Where(d => d.Severity == Severity.Warning);
    public IEnumerable<Diagnostic> Notices => Diagnostics.Where(d => d.Severity == Severity.Notice);
}
