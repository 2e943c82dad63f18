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

    private sealed class Held : IDisposable
    {
        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }

    private sealed class Holds(Held held) : ISiteStage
    {
        public string Name => "tient";

        public BuildState Run(BuildState build, DiagnosticBag diagnostics) => build.With(HeldKey, held);
    }

    private static readonly MetaKey<Held> HeldKey = new("held");

    [Fact]
    public void A_product_that_holds_something_is_disposed_when_the_run_ends_however_it_ends()
    {
        var completed = new Held();
        PipelineRunner.Run([new Pages("a"), new Holds(completed)], new DiagnosticBag());
        var stopped = new Held();
        PipelineRunner.Run([new Holds(stopped), new Throws(), new Never()], new DiagnosticBag());
        using var abandon = new CancellationTokenSource();
        var abandoned = new Held();
        PipelineRunner.Run([new Holds(abandoned), new Then(_ => abandon.Cancel()), new Never()], new DiagnosticBag(), abandon: abandon.Token);

        Assert.True(completed.Disposed);
        Assert.True(stopped.Disposed);
        Assert.True(abandoned.Disposed);
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

/// <summary>
/// Which errors stop the build early: only those about the whole site. A content file refused for its name stops
/// nothing, so the same build still reports every page's own problems.
/// </summary>
public sealed class SiteWideErrorsTests
{
    [Theory]
    [InlineData("fiches/notes.markdown")]
    [InlineData("fiches/Notes.MD")]
    [InlineData("assets/page.md")]
    public void A_refused_content_file_does_not_hide_the_pages_errors(string refused)
    {
        using var site = new TestSite();
        var refusedPath = Path.Combine(site.Input, refused);
        Directory.CreateDirectory(Path.GetDirectoryName(refusedPath)!);
        File.WriteAllText(refusedPath, "---\ntitle: x\n---\n\nTexte.\n");
        var sheet = Directory.GetFiles(Path.Combine(site.Input, "fiches"), "*.md").Single(f => !f.EndsWith(refused, StringComparison.Ordinal));
        File.AppendAllText(sheet, "\nUn [lien cassé](absente.md).\n");

        var result = site.Build();

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.File.Replace('\\', '/').EndsWith(refused, StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.File == FichesSite.Content.SourcePaths.Display(sheet) && e.Message.Contains("absente.md", StringComparison.Ordinal));
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void A_template_that_does_not_parse_stops_the_build_before_the_pages_are_laid_out()
    {
        using var site = new TestSite(ownTheme: true);
        File.AppendAllText(Path.Combine(site.Theme, "layouts", "page.liquid"), "{% if x %}");

        var result = site.Build();

        var error = Assert.Single(result.Errors);
        Assert.Contains("erreur de syntaxe Liquid", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Timings, t => t.Stage == "layout");
    }
}
