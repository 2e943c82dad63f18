using FichesSite.Pipeline;

namespace FichesSite.Tests;

/// <summary>An exception in any stage, a page's or the whole site's, becomes a French error: the build fails, it never crashes.</summary>
public sealed class PipelineRunnerTests
{
    private sealed class Throws : ISiteStage
    {
        public string Name => "lance une exception";

        public IReadOnlyList<Document> Run(IReadOnlyList<Document> documents, DiagnosticBag diagnostics) =>
            throw new InvalidOperationException("boom");
    }

    private sealed class Never : ISiteStage
    {
        public string Name => "jamais";

        public IReadOnlyList<Document> Run(IReadOnlyList<Document> documents, DiagnosticBag diagnostics) =>
            throw new Xunit.Sdk.XunitException("a stage ran after a site-wide internal error");
    }

    [Fact]
    public void An_exception_in_a_site_stage_is_an_internal_error_of_the_site_and_stops_the_build()
    {
        var diagnostics = new DiagnosticBag();
        var result = PipelineRunner.Run([new Throws(), new Never()], diagnostics);

        Assert.False(result.Completed);
        var error = Assert.Single(diagnostics.All);
        Assert.Equal((PipelineRunner.SiteWideFile, Severity.Error), (error.File, error.Severity));
        Assert.StartsWith(PipelineRunner.SiteInternalErrorMessage + " (étape « lance une exception »", error.Message, StringComparison.Ordinal);
    }
}
