using FichesSite.Brand;
using FichesSite.Pipeline;

namespace FichesSite.Build;

/// <summary>
/// The preview's write once its site is complete: only the pages and files that changed, each replaced by a rename
/// (<see cref="SiteWriter.Update"/>), after every check passed. A build with an error writes nothing.
/// </summary>
/// <param name="abandon">The preview stopping: looked at once more right before the first write.</param>
public sealed class UpdateSiteStage(BuildOptions options, ThemeAssets assets, BrandFiles brand, string? baseUrl, BuildCache cache, CancellationToken abandon) : ISiteStage
{
    public string Name => "write changes";

    public BuildState Run(BuildState build, DiagnosticBag diagnostics)
    {
        if (diagnostics.HasErrors || abandon.IsCancellationRequested)
        {
            return build;
        }
        var writer = new SiteWriter(options, build.Documents, brand.AddedTo(build.Products.Get(GeneratedFiles.SiteKey)), assets, baseUrl);
        return build.With(PublishSiteStage.StateKey, writer.Update(cache, diagnostics) ? SiteState.Published : SiteState.PartlyUpdated);
    }
}
