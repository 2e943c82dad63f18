using FichesSite.Pipeline;
using FichesSite.Text;
using Markdig.Extensions.Alerts;
using Markdig.Extensions.CustomContainers;
using Markdig.Syntax;

namespace FichesSite.Markdown;

/// <summary>
/// « ::: interne » … « ::: »: what only the hospital's staff may read. The one place that decides where such a block
/// goes: the public build takes it out of the syntax tree as soon as the page is parsed, before any stage reads the
/// tree, so its text reaches no page, search index, structured data, print sheet nor report of the public site; the
/// intranet build keeps it, and <see cref="InternalBlockRenderer"/> writes it with its visible label.
/// </summary>
/// <remarks>
/// What a block may hold is limited so that taking it out changes nothing else of the page: no heading (the sections,
/// their anchors and the contract would differ between the two sites), no callout (the page's components and their
/// order are checked once, the same for both), no block inside a block, and no « [nom]: adresse » definition (a link
/// outside the block could use it, and carry the block's address into the public page).
/// </remarks>
public static class InternalBlocks
{
    /// <summary>The one name a « ::: » block may have.</summary>
    public const string Name = "interne";

    /// <summary>
    /// Checks every « ::: » block of <paramref name="tree"/>, then removes them for the public site. False after an
    /// error: the page is not published, on either site.
    /// </summary>
    public static bool Apply(MarkdownDocument tree, string source, BuildTarget target, string file, DiagnosticBag diagnostics)
    {
        var blocks = tree.Descendants<CustomContainer>().ToList();
        if (blocks.Count == 0)
        {
            return true;
        }
        var valid = true;
        void Refuse(int markdigLine, string message, string fix)
        {
            diagnostics.Error(file, ParseMarkdownStage.FileLine(markdigLine), message, fix);
            valid = false;
        }
        var definitions = tree.Descendants<LinkReferenceDefinition>().ToList();
        foreach (var block in blocks)
        {
            var name = block.Info ?? "";
            if (!name.Equals(Name, StringComparison.OrdinalIgnoreCase))
            {
                var nearest = NearestName.Find(AccentFolding.Fold(name, '-'), [Name]);
                Refuse(block.Line, name.Length == 0
                        ? "bloc « ::: » sans nom : le seul bloc possible est « ::: interne »."
                        : $"bloc « ::: {name} » inconnu : le seul bloc possible est « ::: interne »{(nearest is null ? "" : " (vouliez-vous écrire « ::: interne » ?)")}.",
                    "Écrivez « ::: interne » pour un texte réservé au personnel (il ne paraît que sur le site interne), ou retirez les « ::: ».");
                continue;
            }
            if (!string.IsNullOrWhiteSpace(block.Arguments))
            {
                Refuse(block.Line, $"texte « {block.Arguments} » après « ::: interne » : il ne serait affiché nulle part.",
                    "Laissez « ::: interne » seul sur sa ligne et écrivez le texte interne sur les lignes suivantes, jusqu’à la ligne « ::: » qui ferme le bloc.");
            }
            if (block.ClosingFencedCharCount == 0)
            {
                Refuse(block.Line, "bloc « ::: interne » jamais fermé : tout le reste de la page serait réservé au personnel, et absent du site public.",
                    "Fermez le bloc par une ligne « ::: » seule, juste après le texte réservé au personnel.");
            }
            if (HasInternalAncestor(block))
            {
                Refuse(block.Line, "bloc « ::: interne » dans un autre bloc « ::: interne ».",
                    "Écrivez un seul bloc : tout ce qu’il contient est déjà réservé au personnel.");
            }
            foreach (var inside in block.Descendants())
            {
                switch (inside)
                {
                    case HeadingBlock heading:
                        Refuse(heading.Line, "titre dans un bloc « ::: interne » : les sections de la fiche doivent être les mêmes sur le site public et sur le site interne.",
                            "Écrivez le titre hors du bloc, ou remplacez-le dans le bloc par une phrase en **gras**.");
                        break;
                    // Markdig reads « > [!…] » as a callout only at the top of the page: inside a block it is a quote
                    // that looks like one, which CalloutsStage would refuse on the intranet's build alone.
                    case QuoteBlock quote when quote is AlertBlock || (quote.Count > 0 && quote[0] is ParagraphBlock first
                        && source.AsSpan(first.Span.Start).StartsWith("[!", StringComparison.Ordinal)):
                        Refuse(quote.Line, "encadré (« > [!…] ») dans un bloc « ::: interne » : les encadrés de la fiche sont les mêmes sur les deux sites.",
                            "Écrivez l’encadré hors du bloc, ou son texte dans le bloc sans « > [!…] ».");
                        break;
                }
            }
            // Definitions are gathered at the document's level, wherever they were written: found by their place in the text.
            foreach (var definition in definitions.Where(d => d.Span.Start >= block.Span.Start && d.Span.Start <= block.Span.End))
            {
                Refuse(definition.Line, $"définition de lien « [{definition.Label}]: … » dans un bloc « ::: interne » : un lien hors du bloc pourrait s’en servir et publier son adresse.",
                    "Écrivez l’adresse dans le lien lui-même, « [texte](adresse) », ou la définition hors du bloc.");
            }
        }
        if (valid && target == BuildTarget.Public)
        {
            // Outermost first: a block inside another goes with it (and was refused above anyway).
            foreach (var block in blocks.Where(b => !HasInternalAncestor(b)))
            {
                block.Parent!.Remove(block);
            }
        }
        return valid;
    }

    private static bool HasInternalAncestor(Block block)
    {
        for (var parent = block.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is CustomContainer)
            {
                return true;
            }
        }
        return false;
    }
}
