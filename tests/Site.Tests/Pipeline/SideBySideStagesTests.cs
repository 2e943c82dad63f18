using FichesSite.Pipeline;

namespace FichesSite.Tests;

/// <summary>
/// The two site stages run side by side: both run, on two threads, only the first may change the pages, and what
/// both make is handed on.
/// </summary>
public sealed class SideBySideStagesTests
{
    private static readonly BuildState Pages = new(
        [new Document("input/fiches/a.md", "fiches/a/index.html", "a"), new Document("input/fiches/b.md", "fiches/b/index.html", "b")],
        SiteProducts.None);

    private static readonly MetaKey<string> FirstMade = new("first"), AlongsideMade = new("alongside");

    [Fact]
    public void Both_stages_run_at_once_and_the_first_ones_pages_come_out()
    {
        // Each stage waits until the other has started: run one after the other, they would wait for ever.
        using var bothStarted = new Barrier(2);
        var first = new Stage("first", pages => { Assert.True(bothStarted.SignalAndWait(TimeSpan.FromSeconds(30))); return [.. pages.Take(1)]; });
        var alongside = new Stage("alongside", pages => { Assert.True(bothStarted.SignalAndWait(TimeSpan.FromSeconds(30))); return pages; });

        var result = new SideBySideStages(first, alongside).Run(Pages, new DiagnosticBag(warningsAreErrors: false));

        Assert.Equal(["fiches/a/index.html"], result.Documents.Select(d => d.OutputPath));
    }

    [Fact]
    public void What_both_stages_make_is_handed_on()
    {
        var first = new Stage("first", pages => pages, FirstMade);
        var alongside = new Stage("alongside", pages => pages, AlongsideMade);

        var result = new SideBySideStages(first, alongside).Run(Pages, new DiagnosticBag(warningsAreErrors: false));

        Assert.Equal(("first", "alongside"), (result.Products.Get(FirstMade), result.Products.Get(AlongsideMade)));
    }

    [Fact]
    public void A_second_stage_that_changes_the_pages_is_refused()
    {
        var first = new Stage("first", pages => pages);
        var alongside = new Stage("alongside", pages => [.. pages]); // a copy: not the pages it was given

        var error = Assert.Throws<InvalidOperationException>(() => new SideBySideStages(first, alongside).Run(Pages, new DiagnosticBag(warningsAreErrors: false)));

        Assert.Contains("alongside", error.Message);
    }

    private sealed class Stage(string name, Func<IReadOnlyList<Document>, IReadOnlyList<Document>> run, MetaKey<string>? makes = null) : ISiteStage
    {
        public string Name => name;

        public BuildState Run(BuildState build, DiagnosticBag diagnostics)
        {
            var after = build with { Documents = run(build.Documents) };
            return makes is null ? after : after.With(makes, name);
        }
    }
}
