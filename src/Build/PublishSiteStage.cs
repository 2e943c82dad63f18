using FichesSite.Brand;
using FichesSite.Pipeline;

namespace FichesSite.Build;

/// <summary>
/// The end of a build that writes its site into a staging folder (<see cref="OutputFolder"/>): waits for the pages
/// <see cref="WritePageStage"/> queued, adds the rest (<see cref="SiteWriter"/>) and swaps the staging folder in,
/// only when no error was reported. Disposed, however the build ended, it stops the page writer and removes a
/// staging folder that was not published, so that a failed or abandoned build leaves the previous site as it was.
/// </summary>
/// <param name="cache">The preview's: told what was written, so that its next build updates the site in place.</param>
/// <param name="abandon">The preview stopping: looked at once more right before the swap, the last moment to publish nothing.</param>
public sealed class PublishSiteStage(
    BuildOptions options, OutputFolder output, WritePageStage pages, ThemeAssets assets, BrandFiles brand, string? baseUrl, BuildCache? cache, CancellationToken abandon)
    : ISiteStage, IDisposable
{
    /// <summary>The site product saying where the output site stands; absent when no stage published.</summary>
    public static readonly MetaKey<SiteState> StateKey = new("site-state");

    public string Name => "finish site";

    public BuildState Run(BuildState build, DiagnosticBag diagnostics)
    {
        var written = pages.Finish(diagnostics);
        if (!written || diagnostics.HasErrors || abandon.IsCancellationRequested)
        {
            output.Discard();
            return build;
        }
        var writer = new SiteWriter(options, build.Documents, brand.AddedTo(build.Products.Get(GeneratedFiles.SiteKey)), assets, baseUrl);
        writer.Finish(output, cache, diagnostics);
        return build.With(StateKey, output.State);
    }

    public void Dispose()
    {
        try
        {
            pages.Dispose();
        }
        finally
        {
            output.Discard();
        }
    }
}
