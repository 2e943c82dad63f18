using FichesSite.Pipeline;

namespace FichesSite.Build;

public sealed record BuildResult(
    bool Succeeded,
    int PageCount,
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyList<StageTiming> Timings,
    TimeSpan Elapsed)
{
    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.Severity == Severity.Error);
    public IEnumerable<Diagnostic> Warnings => Diagnostics.Where(d => d.Severity == Severity.Warning);
    public IEnumerable<Diagnostic> Notices => Diagnostics.Where(d => d.Severity == Severity.Notice);
}
