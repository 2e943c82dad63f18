using FichesSite.Content;
using FichesSite.Pipeline;
using Markdig.Extensions.Alerts;
using Markdig.Syntax;

namespace FichesSite.Markdown;

/// <summary>
/// What the renderer needs to know of a callout beyond its kind, set on its block by <see cref="CalloutsStage"/>.
/// </summary>
/// <param name="HeadingLevel">The level of its heading: one below the heading of the section it stands in (2 before any).</param>
/// <param name="Service">The page's service, whose phone and hours a care card that sends the reader to it shows.</param>
public sealed record CalloutPlacement(CalloutKind Kind, int HeadingLevel, Service? Service)
{
    public static CalloutPlacement? Of(AlertBlock block) => block.GetData(typeof(CalloutPlacement)) as CalloutPlacement;
}

/// <summary>
/// Checks each callout (« > [!NAME] ») of a page and places it: its kind is known, its heading level fits the section
/// it stands in, « L’essentiel » comes first, a care card that sends the reader to the service has the page's service,
/// a do or don't list holds a list. What looks like a callout but is not one for Markdig (« [!ÉVITER] », a callout in
/// a list, text after the name) is refused earlier, on the whole page (<see cref="CalloutLookalikes"/>).
/// </summary>
public sealed partial class CalloutsStage(SiteCatalog catalog) : IDocumentStage
{
    /// <summary>The id of « L’essentiel », which names its region: one per page, so one id (reserved: <see cref="ReservedIds"/>).</summary>
    public const string KeyPointsId = "essentiel";

    public string Name => "callouts";

    public Document Run(Document document, SiteProducts site, DiagnosticBag diagnostics)
    {
        var tree = document.Get(ParseMarkdownStage.SyntaxTree);
        var file = document.SourcePath;
        var service = document.TryGet(FrontMatter.Key, out var header) && header.Service is { } slug ? catalog.Service(slug) : null;
        var sectionLevel = 1; // the page's title, which the layout writes
        // A « ::: interne » block is not there on the public site: the key points come first on both sites if they come
        // first on the public one.
        var firstBlock = tree.FirstOrDefault(b => b is not (LinkReferenceDefinitionGroup or Markdig.Extensions.CustomContainers.CustomContainer));
        AlertBlock? keyPoints = null;
        foreach (var block in tree)
        {
            if (block is HeadingBlock heading)
            {
                sectionLevel = heading.Level;
                continue;
            }
            if (block is not AlertBlock alert)
            {
                continue;
            }
            var line = ParseMarkdownStage.FileLine(alert.Line);
            var name = alert.Kind.ToString();
            if (CalloutKinds.Find(name) is not { } kind)
            {
                Unknown(file, line, name, diagnostics);
                continue;
            }
            if (kind.Component == CalloutComponent.Alert)
            {
                continue; // GitHub's alerts are as they were: a box with its title, no heading
            }
            if (kind == CalloutKinds.Essentiel)
            {
                // Shown first by its place in the source, not moved there: the page reads as its source does, and an
                // author who put key points further down learns where they go rather than finding them elsewhere.
                if (keyPoints is not null)
                {
                    diagnostics.Error(file, line, $"un seul encadré « [!{kind.Name}] » par page ; le premier est ligne {ParseMarkdownStage.FileLine(keyPoints.Line)}.",
                        $"Réunissez les points clés dans le premier encadré « > [!{kind.Name}] », en haut de la page.");
                    continue;
                }
                keyPoints = alert;
                if (alert != firstBlock)
                {
                    diagnostics.Error(file, line, $"l’encadré « [!{kind.Name}] » doit être le premier bloc de la page.",
                        $"Placez « > [!{kind.Name}] » et ses lignes juste après l’en-tête, avant tout autre texte ou titre : les points clés se lisent en premier.");
                    continue;
                }
            }
            if (!HasContent(alert, kind, document.Source, file, line, diagnostics))
            {
                continue;
            }
            if (kind.NeedsService && service is null)
            {
                diagnostics.Error(file, line, $"l’encadré « [!{kind.Name}] » dit d’appeler le service de la fiche, mais la page ne nomme pas de service.",
                    $"Ajoutez « service: » à l’en-tête (le nom court d’un service de input/{SiteCatalog.ServicesFile}) : l’encadré montrera son téléphone et ses horaires. "
                    + $"Pour faire appeler le 15, écrivez « > [!{CalloutKinds.Urgence.Name}] ».");
                continue;
            }
            alert.SetData(typeof(CalloutPlacement), new CalloutPlacement(kind, Math.Min(sectionLevel + 1, 6), kind.NeedsService ? service : null));
        }
        return document;
    }

    // A component shows the author's text under its own title: one without text says nothing, and a do or don't list
    // is a list of its items, which the renderer marks one by one.
    private static bool HasContent(AlertBlock alert, CalloutKind kind, string source, string file, int line, DiagnosticBag diagnostics)
    {
        var content = Content(alert).ToList();
        if (kind.Component is CalloutComponent.DoList or CalloutComponent.DontList)
        {
            if (content is [ListBlock])
            {
                return true;
            }
            // A numbered list that starts past 1 cannot follow a line of text directly (CommonMark): the author wrote
            // a list, which Markdig read as the rest of the name's paragraph.
            var numberedPast1 = content is [ParagraphBlock] && NumberedPast1().IsMatch(source.AsSpan(alert.Span.Start, Math.Min(alert.Span.Length, source.Length - alert.Span.Start)));
            diagnostics.Error(file, line, $"l’encadré « [!{kind.Name}] » doit contenir une liste, et rien d’autre.",
                numberedPast1
                    ? $"Une liste numérotée qui ne commence pas à 1 doit être séparée de « > [!{kind.Name}] » par une ligne « > » vide : « > [!{kind.Name}] », puis « > », puis « > 3. … »."
                    : $"Écrivez chaque point sur sa ligne, après « > - » : « > [!{kind.Name}] », puis « > - Buvez de l’eau. », « > - Reposez-vous. ».");
            return false;
        }
        if (content.Count > 0)
        {
            return true;
        }
        diagnostics.Error(file, line, $"l’encadré « [!{kind.Name}] » est vide.",
            $"Écrivez son texte sur les lignes qui suivent « > [!{kind.Name}] », chacune commençant par « > », ou retirez cette ligne.");
        return false;
    }

    /// <summary>
    /// The blocks of a callout that show something: not the paragraph that held « [!NAME] », left empty by Markdig
    /// when a list follows that line directly, nor link reference definitions.
    /// </summary>
    public static IEnumerable<Block> Content(ContainerBlock callout) =>
        callout.Where(b => b is not LinkReferenceDefinitionGroup && !(b is ParagraphBlock { Inline.FirstChild: null }));

    internal static void Unknown(string file, int line, string name, DiagnosticBag diagnostics)
    {
        var nearest = CalloutKinds.Nearest(name);
        diagnostics.Error(file, line, $"encadré inconnu « [!{name}] ».",
            (nearest is null ? "" : $"Vouliez-vous écrire « [!{nearest}] » ? ") + $"Les encadrés possibles : {CalloutKinds.Written}.");
    }

    // A line of the callout that starts a numbered item other than 1 (« > 3. »).
    [System.Text.RegularExpressions.GeneratedRegex(@"\n[ \t]*>[ \t]*(?!0*1[.)])[0-9]{1,9}[.)][ \t]")]
    private static partial System.Text.RegularExpressions.Regex NumberedPast1();
}
