using FichesSite.Content;
using FichesSite.Pipeline;
using FichesSite.Text;

namespace FichesSite.Markdown.Sections;

/// <summary>
/// Checks that a page keeps the promises of its type (input/contracts.yml), and the rules every
/// page follows: the title is the only h1, and heading levels never skip (h2 → h4), so that screen
/// reader users can trust the outline.
/// </summary>
public sealed class ContentContractStage(IReadOnlyDictionary<string, ContentContract> contracts) : IDocumentStage
{
    public string Name => "content contract";

    public Document Run(Document document, SiteProducts site, DiagnosticBag diagnostics)
    {
        var file = document.SourcePath;
        var frontMatter = document.Get(FrontMatter.Key);
        var outline = document.Get(PageSectionModel.Key).Outline;

        CheckHeadingLevels(file, outline, diagnostics);
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
        CheckSections(file, outline, contract.Sections, diagnostics);
        return document;
    }

    private static void CheckHeadingLevels(string file, IReadOnlyList<OutlineSection> outline, DiagnosticBag diagnostics)
    {
        var previousLevel = 1; // the h1 is the page title, written by the layout
        foreach (var (heading, _) in outline)
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

    // The h2 of the outline, quotes and lists included, each with the rules the section model matched it to.
    private static void CheckSections(string file, IReadOnlyList<OutlineSection> outline, IReadOnlyList<SectionRule> rules, DiagnosticBag diagnostics)
    {
        var sections = outline.Where(s => s.Heading.Level == 2).ToList();
        var searchFrom = 0;
        Heading? previous = null;
        foreach (var rule in rules)
        {
            var index = sections.FindIndex(searchFrom, s => s.Rules.Contains(rule));
            if (index < 0)
            {
                var earlier = sections.FindIndex(0, searchFrom, s => s.Rules.Contains(rule));
                if (earlier >= 0)
                {
                    var misplaced = sections[earlier].Heading;
                    diagnostics.Error(file, misplaced.Line,
                        $"la section « {misplaced.Text} » est placée avant « {previous!.Text} ».",
                        $"Déplacez-la après la section « {previous.Text} » (ligne {previous.Line}) : l’ordre des sections est fixé pour ce type de page.");
                }
                else
                {
                    diagnostics.Error(file, previous?.Line ?? 1, $"la section obligatoire « {rule.Heading}… » manque.",
                        $"Ajoutez une section « ## {rule.Heading} … » "
                        + (previous is null ? "au début du texte." : $"après la section « {previous.Text} »."));
                }
                continue;
            }
            previous = sections[index].Heading;
            searchFrom = index + 1;
            if (!previous.HasContent)
            {
                diagnostics.Error(file, previous.Line, $"la section obligatoire « {previous.Text} » est vide.",
                    "Écrivez son texte sous le titre, avant la section suivante.");
                continue;
            }
            CheckSubsections(file, outline, previous, rule, diagnostics);
        }
    }

    private static void CheckSubsections(string file, IReadOnlyList<OutlineSection> outline, Heading section, SectionRule rule, DiagnosticBag diagnostics)
    {
        if (rule.MinSubsections == 0)
        {
            return;
        }
        var count = outline
            .Select(s => s.Heading)
            .SkipWhile(h => h != section)
            .Skip(1)
            .TakeWhile(h => h.Level > 2)
            .Count(h => h.Level == 3);
        if (count < rule.MinSubsections)
        {
            diagnostics.Error(file, section.Line,
                $"la section « {section.Text} » doit contenir au moins {rule.MinSubsections} {rule.SubsectionLabel} en sous-titre (###), elle en a {count}.",
                $"Ajoutez chaque {rule.SubsectionLabel} sous cette section avec un titre « ### ».");
        }
    }
}
