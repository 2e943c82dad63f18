namespace FichesSite.Pipeline;

/// <summary>
/// Two site stages that only read the pages and need nothing of each other, run at the same time: the second on its
/// own thread while the first runs. At the end of a build, the link check and the search index each leave a core
/// idle for part of their run (the one gathers every page's files and anchors, the other sorts its terms), so each
/// fills the core the other leaves.
/// </summary>
/// <remarks>
/// The pages that come out are the first stage's, with both stages' products; the second must hand its pages back
/// unchanged, which is checked.
/// The second may not see an error the first reports meanwhile (a broken link): that error fails the build, so
/// nothing the second made is published.
/// </remarks>
public sealed class SideBySideStages(ISiteStage first, ISiteStage alongside) : ISiteStage
{
    public string Name => $"{first.Name} + {alongside.Name}";

    public BuildState Run(BuildState build, DiagnosticBag diagnostics)
    {
        var other = Task.Run(() => alongside.Run(build, diagnostics));
        var result = first.Run(build, diagnostics);
        var beside = other.GetAwaiter().GetResult(); // its own exception, not wrapped
        if (!ReferenceEquals(beside.Documents, build.Documents))
        {
            throw new InvalidOperationException($"The stage « {alongside.Name} » changed the pages: it cannot run beside « {first.Name} ».");
        }
        return result with { Products = result.Products.With(beside.Products) };
    }
}
