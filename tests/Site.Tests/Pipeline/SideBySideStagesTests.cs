using FichesSite.Pipeline;

namespace FichesSite.Tests;

/// <summary>The two site stages run side by side: both run, on two threads, and only the first may change the pages.</summary>
public sealed class SideBySideStagesTests
{
    private static readonly IReadOnlyList<Document> Pages =
        [new Document("input/fiches/a.md", "fiches/a/index.html", "a"), new Document("input/fiches/b.md", "fiches/b/index.html", "b")];

    [Fact]
    public void Both_stages_run_at_once_and_the_first_ones_pages_come_out()
    {
        // Each stage waits until the other has started: run one after the other, they would wait for ever.
        using var bothStarted = new Barrier(2);
        var first = new Stage("first", pages => { Assert.True(bothStarted.SignalAndWait(TimeSpan.FromSeconds(30))); return [.. pages.Take(1)]; });
        var alongside = new Stage("alongside", pages => { Assert.True(bothStarted.SignalAndWait(TimeSpan.FromSeconds(30))); return pages; });

        var result = new SideBySideStages(first, alongside).Run(Pages, new DiagnosticBag(warningsAreErrors: false));

        Assert.Equal(["fiches/a/index.html"], result.Select(d => d.OutputPath));
    }

    [Fact]
    public void A_second_stage_that_changes_the_pages_is_refused()
    {
        var first = new Stage("first", pages => pages);
        var alongside = new Stage("alongside", pages => [.. pages]); // a copy: not the pages it was given

        var error = Assert.Throws<InvalidOperationException>(() => new SideBySideStages(first, alongside).Run(Pages, new DiagnosticBag(warningsAreErrors: false)));

        Assert.Contains("alongside", error.Message);
    }

    private sealed class Stage(string name, Func<IReadOnlyList<Document>, IReadOnlyList<Document>> run) : ISiteStage
    {
        public string Name => name;

        public IReadOnlyList<Document> Run(IReadOnlyList<Document> documents, DiagnosticBag diagnostics) => run(documents);
    }
}
