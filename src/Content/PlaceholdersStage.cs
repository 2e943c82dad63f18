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
        Placeholders.Report(document.SourcePath, document.Source, diagnostics);
        return document;
    }
}
