using System.Diagnostics;

namespace FichesSite.Pipeline;

/// <summary>
/// How long a stage took: for a site stage, wall time; for a document stage, its time on every page
/// summed over the threads, which two cores can make larger than the wall time (and a loaded
/// machine inflates: the benchmark prints processor time for that). <paramref name="AllocatedBytes"/>
/// is what the stage allocated (for a site stage, every thread of the process meanwhile): the garbage
/// collector's work grows with it, so it shows which stage to make leaner.
/// </summary>
public sealed record StageTiming(string Stage, TimeSpan Elapsed, bool SummedOverThreads = false, long AllocatedBytes = 0);

/// <summary>What the stages made: every page, the site-wide products, each stage's time, and whether no error was reported.</summary>
public sealed record PipelineResult(IReadOnlyList<Document> Documents, SiteProducts Products, IReadOnlyList<StageTiming> Timings, bool Completed);

/// <summary>
/// Runs stages in the order given. Consecutive document stages run as one pass: each page goes
/// through all of them on one thread before the next page starts, so a page's syntax tree and HTML
/// are made, used and let go while they are hot in the cache, and the whole site's never sit in
/// memory at once. A site stage waits for every page. A page with an error is left out of the later
/// document stages (they would only repeat the problem in other words), but the other pages go on,
/// so that one build reports every page's problems at once. What a site stage makes for the whole site
/// (<see cref="SiteProducts"/>) is handed to every stage after it; a product that holds something (a staged file) is
/// disposed when the run ends, however it ends. The result is complete only without any error.
/// </summary>
public static class PipelineRunner
{
    // A pass over fewer pages leaves too little garbage to be worth a full collection.
    private const int CompactAfterPages = 2_000;

    // A larger pass is run in slices of this many pages, the heap compacted after each: the build's peak comes at the
    // end of its largest pass, and garbage piles up in the oldest generation from the first page on.
    private const int CompactEveryPages = 5_000;

    /// <param name="compactAfterPasses">
    /// For a build that runs once and exits: compact the heap after a large pass (see below). The preview, whose
    /// rebuilds reuse nearly every page and must stay quick, does not.
    /// </param>
    /// <param name="abandon">Once asked, no further stage starts (the preview stopping): the result is not complete.</param>
    public static PipelineResult Run(IEnumerable<IStage> stages, DiagnosticBag diagnostics, bool compactAfterPasses = false, CancellationToken abandon = default)
    {
        var build = BuildState.Empty;
        try
        {
            return RunStages(stages, diagnostics, compactAfterPasses, abandon, ref build);
        }
        finally
        {
            build.Products.DisposeHeld();
        }
    }

    // The state is the caller's, so that what the stages made is disposed even when the run ends by an exception.
    private static PipelineResult RunStages(IEnumerable<IStage> stages, DiagnosticBag diagnostics, bool compactAfterPasses, CancellationToken abandon, ref BuildState build)
    {
        var timings = new List<StageTiming>();
        foreach (var group in Passes(stages))
        {
            if (abandon.IsCancellationRequested)
            {
                return new PipelineResult(build.Documents, build.Products, timings, Completed: false);
            }
            if (group is [ISiteStage siteWide])
            {
                var clock = Stopwatch.StartNew();
                var allocatedBefore = GC.GetTotalAllocatedBytes();
                build = RunGuarded(siteWide, build, diagnostics);
                timings.Add(new StageTiming(siteWide.Name, clock.Elapsed, AllocatedBytes: GC.GetTotalAllocatedBytes() - allocatedBefore));
            }
            else
            {
                var perDocument = group.Cast<IDocumentStage>().ToArray();
                var pending = build.Documents.ToArray();
                build = build with { Documents = [] }; // the pass lets go of each page's previous form as it finishes it
                var done = new Document[pending.Length];
                var ticks = new long[perDocument.Length];
                var bytes = new long[perDocument.Length];
                var compacting = TimeSpan.Zero;
                var slice = compactAfterPasses ? CompactEveryPages : pending.Length;
                for (var from = 0; from < pending.Length; from += slice)
                {
                    var to = Math.Min(pending.Length, from + slice);
                    RunInParallel(perDocument, pending, from, to, done, build.Products, diagnostics, ticks, bytes);
                    if (compactAfterPasses && pending.Length >= CompactAfterPages)
                    {
                        // What the pages made and dropped now lies in the oldest generation, which the collector seldom
                        // visits: it is compacted here, after each slice of a large pass, before the next slice and the
                        // site stages build on top of it, which lowers the build's peak (docs/benchmarks.md); its cost is
                        // shown as a stage of its own. Aggressive: the memory freed is also handed back to the system
                        // rather than kept for later allocations, a lower peak again for no time measured.
                        var clock = Stopwatch.StartNew();
                        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                        compacting += clock.Elapsed;
                    }
                }
                build = build with { Documents = done };
                timings.AddRange(perDocument.Select((s, i) => new StageTiming(s.Name, Stopwatch.GetElapsedTime(0, ticks[i]), SummedOverThreads: true, bytes[i])));
                if (compacting > TimeSpan.Zero)
                {
                    timings.Add(new StageTiming("compact memory", compacting));
                }
            }
            if (diagnostics.HasSiteWideErrors)
            {
                break; // a broken theme or configuration: later stages would only report its effects on every page
            }
        }
        return new PipelineResult(build.Documents, build.Products, timings, Completed: !diagnostics.HasErrors);
    }

    // Each site stage alone; each run of consecutive document stages together.
    private static IEnumerable<IReadOnlyList<IStage>> Passes(IEnumerable<IStage> stages)
    {
        var documentStages = new List<IStage>();
        foreach (var stage in stages)
        {
            switch (stage)
            {
                case IDocumentStage:
                    documentStages.Add(stage);
                    break;
                case ISiteStage:
                    if (documentStages.Count > 0)
                    {
                        yield return documentStages;
                        documentStages = [];
                    }
                    yield return [stage];
                    break;
                default:
                    throw new ArgumentException($"Stage {stage.Name} is neither a document nor a site stage.");
            }
        }
        if (documentStages.Count > 0)
        {
            yield return documentStages;
        }
    }

    /// <summary>
    /// A bug of ours met on one page becomes an error naming that page, so the author knows which
    /// file triggers it and the published site stays untouched; the fuzz tests hunt for these.
    /// </summary>
    internal static Document RunGuarded(IDocumentStage stage, Document document, SiteProducts site, DiagnosticBag diagnostics)
    {
        try
        {
            return stage.Run(document, site, diagnostics);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            diagnostics.Error(document.SourcePath, 0, $"{InternalErrorMessage} (étape « {stage.Name} » : {e.GetType().Name}: {e.Message})",
                "Signalez ce message à l’équipe du site avec le fichier ; en attendant, cherchez dans la page la construction inhabituelle qui le provoque.");
            return document;
        }
    }

    public const string InternalErrorMessage = "erreur interne du générateur sur cette page";

    /// <summary>The same for a stage over the whole site: the error names the stage, the pages keep their last form.</summary>
    internal static BuildState RunGuarded(ISiteStage stage, BuildState build, DiagnosticBag diagnostics)
    {
        try
        {
            return stage.Run(build, diagnostics);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            diagnostics.Error(SiteWideFile, 0, $"{SiteInternalErrorMessage} (étape « {stage.Name} » : {e.GetType().Name}: {e.Message})",
                "Signalez ce message à l’équipe du site ; en attendant, cherchez la dernière modification du contenu qui le provoque.", wholeSite: true);
            return build;
        }
    }

    public const string SiteInternalErrorMessage = "erreur interne du générateur sur l’ensemble du site";

    /// <summary>What a diagnostic about the whole site names in place of a file.</summary>
    public const string SiteWideFile = "(site)";

    // A page that waits (for the disk, in the write stage) must not make the thread pool add threads:
    // more threads than cores would only take turns, and hold more pages in memory at once.
    private static readonly ParallelOptions OneThreadPerCore = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };

    // Keeps the input order so that the output never depends on thread scheduling.
    // Empties pending as it goes: a page's source text need not outlive its pass (a large site's sources, all kept, weigh a lot).
    // Each stage is timed and its allocations counted on the thread that runs it (both readings cost nanoseconds).
    // Runs pages from to to − 1 of pending through the stages, on every core, into done; adds each stage's time and
    // allocations to ticks and bytes.
    private static void RunInParallel(IDocumentStage[] stages, Document[] pending, int from, int to, Document[] done, SiteProducts site, DiagnosticBag diagnostics, long[] ticks, long[] bytes) =>
        Parallel.For(from, to, OneThreadPerCore, i =>
        {
            var document = pending[i];
            pending[i] = null!;
            for (var s = 0; s < stages.Length && !diagnostics.HasErrorsFor(document.SourcePath); s++)
            {
                var start = Stopwatch.GetTimestamp();
                var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                document = RunGuarded(stages[s], document, site, diagnostics);
                Interlocked.Add(ref ticks[s], Stopwatch.GetTimestamp() - start);
                Interlocked.Add(ref bytes[s], GC.GetAllocatedBytesForCurrentThread() - allocatedBefore);
            }
            done[i] = document;
        });
}
