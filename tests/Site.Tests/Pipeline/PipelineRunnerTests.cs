using FichesSite.Pipeline;

namespace FichesSite.Tests;

/// <summary>
/// The runner: an exception in any stage, a page's or the whole site's, becomes a French error (the build fails, it
/// never crashes); what a site stage makes is handed to every later stage; an abandoned run starts no further stage.
/// </summary>
public sealed class PipelineRunnerTests
{
    private static readonly MetaKey<string> Made = new("made");

    private sealed class Throws : ISiteStage
    {
        public string Name => "lance une exception";

        public BuildState Run(BuildState build, DiagnosticBag diagnostics) => throw new InvalidOperationException("boom");
    }

    private sealed class Never : ISiteStage
    {
        public string Name => "jamais";

        public BuildState Run(BuildState build, DiagnosticBag diagnostics) =>
            throw new Xunit.Sdk.XunitException("a stage ran when it should not have");
    }

    private sealed class Pages(params string[] names) : ISiteStage
    {
        public string Name => "pages";

        public BuildState Run(BuildState build, DiagnosticBag diagnostics) =>
            build with { Documents = [.. names.Select(n => new Document($"input/fiches/{n}.md", $"fiches/{n}/index.html", n))] };
    }

    private sealed class Makes(string value) : ISiteStage
    {
        public string Name => "fabrique";

        public BuildState Run(BuildState build, DiagnosticBag diagnostics) => build.With(Made, value);
    }

    private static readonly MetaKey<string> Read = new("read");

    // Each page gets its source joined to the site product: the product reached the page pass.
    private sealed class Reads : IDocumentStage
    {
        public string Name => "lit";

        public Document Run(Document document, SiteProducts site, DiagnosticBag diagnostics) =>
            document.With(Read, document.Source + "+" + site.Get(Made));
    }

    private sealed class Then(Action<BuildState> check) : ISiteStage
    {
        public string Name => "vérifie";

        public BuildState Run(BuildState build, DiagnosticBag diagnostics)
        {
            check(build);
            return build;
        }
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

    [Fact]
    public void What_a_site_stage_makes_reaches_the_page_stages_the_site_stages_and_the_result_after_it()
    {
        string? seen = null;
        var result = PipelineRunner.Run([new Pages("a", "b"), new Makes("modèle"), new Reads(), new Then(b => seen = b.Products.Get(Made))], new DiagnosticBag());

        Assert.True(result.Completed);
        Assert.Equal(["a+modèle", "b+modèle"], result.Documents.Select(d => d.Get(Read)));
        Assert.Equal("modèle", seen);
        Assert.Equal("modèle", result.Products.Get(Made));
    }

    [Fact]
    public void A_product_read_before_the_stage_that_makes_it_is_an_error_naming_the_page_not_a_crash()
    {
        var diagnostics = new DiagnosticBag();
        var result = PipelineRunner.Run([new Pages("a"), new Reads(), new Makes("trop tard")], diagnostics);

        Assert.False(result.Completed);
        var error = Assert.Single(diagnostics.All);
        Assert.Equal("input/fiches/a.md", error.File);
        Assert.Contains("made", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_abandoned_run_starts_no_further_stage_and_is_not_complete()
    {
        using var abandon = new CancellationTokenSource();
        var result = PipelineRunner.Run([new Pages("a"), new Then(_ => abandon.Cancel()), new Never()], new DiagnosticBag(), abandon: abandon.Token);

        Assert.False(result.Completed);
        Assert.Equal(["a"], result.Documents.Select(d => d.Source));
    }
}
