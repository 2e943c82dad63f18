using FichesSite.Content;
using FichesSite.Pipeline;

namespace FichesSite.Collection;

/// <summary>
/// Once every page's header is read: groups the sheets (<see cref="CollectionIndex"/>, a site product the layouts
/// read) and adds the collection's pages to the build (<see cref="CollectionPages"/>), which then go through the
/// page stages like any other page. A source written where the collection's pages go is refused.
/// </summary>
public sealed class CollectionPagesStage(SiteCatalog catalog, CollectionWords words) : ISiteStage
{
    public string Name => "collection";

    public BuildState Run(BuildState build, DiagnosticBag diagnostics)
    {
        // By the key of a Windows share or a Mac (SourceNames.Key), where « Services/ » is the folder « services/ ».
        foreach (var document in build.Documents.Where(d => PageAddresses.IsCollectionPage(d.OutputPath) || ReservedOnShares(d.OutputPath)))
        {
            diagnostics.Error(document.SourcePath, 0,
                $"cette page serait publiée à l’adresse « {document.OutputPath} », réservée aux pages que le site fait lui-même (services, thèmes, fiches de A à Z).",
                $"Renommez ou déplacez le fichier : les dossiers « {PageAddresses.ServicesFolder} », « {PageAddresses.ThemesFolder} » et « {PageAddresses.AzFolder} » du site sont réservés.");
        }
        var sheets = build.Documents
            .Where(d => PageAddresses.IsFiche(d.OutputPath) && !diagnostics.HasErrorsFor(d.SourcePath) && d.TryGet(FrontMatter.Key, out _))
            .Select(d => SheetSummary.Of(d.OutputPath, d.Get(FrontMatter.Key)));
        var index = new CollectionIndex(catalog, sheets);
        return new BuildState([.. build.Documents, .. CollectionPages.Make(index, words)], build.Products).With(CollectionIndex.Key, index);
    }

    private static readonly string[] ReservedKeys =
        [SourceNames.Key(PageAddresses.ServicesFolder), SourceNames.Key(PageAddresses.ThemesFolder), SourceNames.Key(PageAddresses.AzFolder)];

    private static bool ReservedOnShares(string sitePath)
    {
        var key = SourceNames.Key(sitePath);
        return ReservedKeys.Any(folder => key.StartsWith(folder, StringComparison.Ordinal));
    }
}
