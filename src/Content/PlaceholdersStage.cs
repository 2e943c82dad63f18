using FichesSite.Pipeline;

namespace FichesSite.Content;

/// <summary>
/// Refuses a page that still holds a « [À compléter : …] » mark (Placeholders), one error at each mark's line, before
/// its header is read: a sheet started by « new » names what is left to write, not the dates and names it lacks.
/// </summary>
public sealed class PlaceholdersStage : IDocumentStage
{
    public string Name => "placeholders";

    public Document Run(Document document, SiteProducts site, DiagnosticBag diagnostics)
    {
        foreach (var (line, text) in Placeholders.Find(document.Source))
        {
            diagnostics.Error(document.SourcePath, line, $"repère « {text} » encore présent : ce passage reste à écrire.",
                "Remplacez le repère, crochets compris, par le texte voulu : une page n’est publiée qu’une fois chaque repère remplacé.");
        }
        return document;
    }
}
