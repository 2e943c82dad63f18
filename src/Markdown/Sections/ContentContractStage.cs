using FichesSite.Collection;
using FichesSite.Content;
using FichesSite.Pipeline;
using FichesSite.Text;

namespace FichesSite.Markdown.Sections;

/// <summary>
/// Checks that a page keeps the promises of its type (input/contracts.yml), and the rules every
/// page follows: the title is the only h1, and heading levels never skip (h2 → h4), so that screen
/// reader users can trust the outline. The pages the build makes for the collection have no contract: contracts.yml
/// is the authors', and no author could fix a page the build wrote.
/// </summary>
public sealed class ContentContractStage(IReadOnlyDictionary<string, ContentContract> contracts) : IDocumentStage
{
    public string Name => "content contract";

    public Document Run(Document document, SiteProducts site, DiagnosticBag diagnostics)
    {
        if (document.TryGet(CollectionPage.Key, out _))
        {
            return document;
        }
        var file = document.SourcePath;
        var frontMatter = document.Get(FrontMatter.Key);
        var model = document.Get(PageSectionModel.Key);

        CheckHeadingLevels(file, document.Get(PageOutline.Key).Headings, diagnostics);
        RefuseContainedHeadings(file, model.Contained, diagnostics);
        if (PageAddresses.IsFiche(document.OutputPath) && frontMatter.Type == FrontMatter.DefaultType)
        {
            // Without this, a sheet that forgot its type would skip its contract silently.
            diagnostics.Error(file, 1, $"une fiche du dossier {PageAddresses.FichesFolder} doit déclarer son type.",
                "Ajoutez « type: fiche-procedure » (ou un autre type de contracts.yml) dans l’en-tête.");
            return document;
        }
        if (!contracts.TryGetValue(frontMatter.Type, out var contract))
        {
            var nearest = NearestName.Find(frontMatter.Type, contracts.Keys);
            diagnostics.Error(file, frontMatter.LineOf("type"), $"type de page inconnu « {frontMatter.Type} ».",
                (nearest is null ? "" : $"Vouliez-vous écrire « {nearest} » ? ")
                + $"Les types déclarés dans contracts.yml sont : {string.Join(", ", contracts.Keys.Order(StringComparer.Ordinal))}.");
            return document;
        }
        foreach (var field in contract.RequiredFields.Where(f => !frontMatter.Has(f)))
        {
            diagnostics.Error(file, 1, $"le champ « {field} » est obligatoire pour une page de type « {frontMatter.Type} ».",
                $"Ajoutez « {field}: … » dans l’en-tête (entre les deux lignes ---).");
        }
        CheckSections(file, model.H2Parts, contract.Sections, diagnostics);
        return document;
    }

    // Every heading of the page, nested ones included: a screen reader's outline lists them all.
    private static void CheckHeadingLevels(string file, IReadOnlyList<Heading> headings, DiagnosticBag diagnostics)
    {
        var previousLevel = 1; // the h1 is the page title, written by the layout
        foreach (var heading in headings)
        {
            if (heading.Level == 1)
            {
                diagnostics.Error(file, heading.Line, $"titre de niveau 1 « {heading.Text} » dans le texte.",
                    "Le titre principal vient du champ « title » de l’en-tête : commencez les sections par « ## ».");
            }
            else if (heading.Level > previousLevel + 1)
            {
                diagnostics.Error(file, heading.Line,
                    $"le titre « {heading.Text} » saute un niveau (h{previousLevel} puis h{heading.Level}).",
                    $"Écrivez-le avec {new string('#', previousLevel + 1)} ou ajoutez le titre intermédiaire qui manque.");
            }
            previousLevel = heading.Level;
        }
    }

    // A section is a top-level heading (SectionModelStage): an h2 or h3 written inside a quote or a list would be shown
    // as a heading yet be no section for the contract, the contents list, the risk figures or the structured data.
    // Refused at its line rather than skipped, so that a required section written there is not reported missing
    // elsewhere without a word about it. An h1 is refused wherever it stands, by CheckHeadingLevels.
    private static void RefuseContainedHeadings(string file, IReadOnlyList<Heading> contained, DiagnosticBag diagnostics)
    {
        foreach (var heading in contained.Where(h => h.Level > 1))
        {
            var marks = new string('#', heading.Level);
            diagnostics.Error(file, heading.Line,
                $"le titre « {heading.Text} » est dans une citation, un encadré ou une liste : il ne compte pas comme section.",
                $"Écrivez « {marks} {heading.Text} » en début de ligne, sans « > » ni « - » devant ; dans un encadré ou une liste, mettez ces mots en gras (**…**).");
        }
    }

    // The h2 sections of the model, each with the rules it matched: their order, their emptiness and their h3.
    private static void CheckSections(string file, IReadOnlyList<SectionPart> parts, IReadOnlyList<SectionRule> rules, DiagnosticBag diagnostics)
    {
        var sections = parts.Where(p => p.Section.Level == 2).ToList();
        var searchFrom = 0;
        Section? previous = null;
        foreach (var rule in rules)
        {
            var index = sections.FindIndex(searchFrom, s => s.Section.Rules.Contains(rule));
            if (index < 0)
            {
                var earlier = sections.FindIndex(0, searchFrom, s => s.Section.Rules.Contains(rule));
                if (earlier >= 0)
                {
                    var misplaced = sections[earlier].Section;
                    diagnostics.Error(file, misplaced.Line,
                        $"la section « {misplaced.Heading} » est placée avant « {previous!.Heading} ».",
                        $"Déplacez-la après la section « {previous.Heading} » (ligne {previous.Line}) : l’ordre des sections est fixé pour ce type de page.");
                }
                else
                {
                    diagnostics.Error(file, previous?.Line ?? 1, $"la section obligatoire « {rule.Heading}… » manque.",
                        $"Ajoutez une section « ## {rule.Heading} … » "
                        + (previous is null ? "au début du texte." : $"après la section « {previous.Heading} »."));
                }
                continue;
            }
            var part = sections[index];
            previous = part.Section;
            searchFrom = index + 1;
            if (part.IsEmpty)
            {
                diagnostics.Error(file, previous.Line, $"la section obligatoire « {previous.Heading} » est vide.",
                    "Écrivez son texte sous le titre, avant la section suivante.");
                continue;
            }
            CheckSubsections(file, part, rule, diagnostics);
        }
    }

    private static void CheckSubsections(string file, SectionPart part, SectionRule rule, DiagnosticBag diagnostics)
    {
        var count = part.Count(level: 3);
        if (count < rule.MinSubsections)
        {
            var section = part.Section;
            diagnostics.Error(file, section.Line,
                $"la section « {section.Heading} » doit contenir au moins {rule.MinSubsections} {rule.SubsectionLabel} en sous-titre (###), elle en a {count}.",
                $"Ajoutez chaque {rule.SubsectionLabel} sous cette section avec un titre « ### ».");
        }
    }
}
