using FichesSite.Content;
using FichesSite.Pipeline;
using FichesSite.Text;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace FichesSite.Markdown.Sections;

/// <summary>
/// Makes the page's <see cref="PageSectionModel"/> right after parsing: the one place that cuts a page into sections
/// and matches its h2 against the rules of its type's contract (input/contracts.yml), on their leading words ignoring
/// case, accents and punctuation. A page whose type has no contract gets sections without rules; the contract stage
/// reports the type.
/// </summary>
public sealed class SectionModelStage(IReadOnlyDictionary<string, ContentContract> contracts) : IDocumentStage
{
    public string Name => "sections";

    public Document Run(Document document, DiagnosticBag diagnostics)
    {
        var rules = contracts.TryGetValue(document.Get(FrontMatter.Key).Type, out var contract) ? contract.Sections : [];
        var model = Build(document.Get(ParseMarkdownStage.SyntaxTree), document.Get(PageOutline.Key).Headings, rules);
        return document.With(PageSectionModel.Key, model);
    }

    /// <summary>The sections of a parsed page, from its top-level blocks and the outline the parse stage made.</summary>
    public static PageSectionModel Build(MarkdownDocument tree, IReadOnlyList<Heading> headings, IReadOnlyList<SectionRule> rules)
    {
        var outline = new List<OutlineSection>(headings.Count);
        var byLine = new Dictionary<int, OutlineSection>(headings.Count);
        foreach (var heading in headings)
        {
            var entry = new OutlineSection(heading, heading.Level == 2 ? Matching(heading.Text, rules) : []);
            outline.Add(entry);
            byLine.TryAdd(heading.Line, entry);
        }
        var sections = new List<Section>();
        var current = new Section(0, "", "", 0, null, [], []);
        var blocks = new List<Block>();
        foreach (var block in tree)
        {
            if (block is not HeadingBlock { Level: <= 3 } heading)
            {
                blocks.Add(block);
                continue;
            }
            sections.Add(current with { Blocks = blocks });
            blocks = [];
            var line = ParseMarkdownStage.FileLine(heading.Line);
            // The outline has every heading's text already; a tree given without it (tests) is read here.
            var known = byLine.GetValueOrDefault(line);
            var text = known?.Heading.Text ?? InlineText.Of(heading.Inline);
            var sectionRules = known?.Rules ?? (heading.Level == 2 ? Matching(text, rules) : []);
            current = new Section(heading.Level, text, heading.GetAttributes().Id ?? "", line, heading, [], sectionRules);
        }
        sections.Add(current with { Blocks = blocks });
        return new PageSectionModel(sections, outline);
    }

    private static IReadOnlyList<SectionRule> Matching(string heading, IReadOnlyList<SectionRule> rules)
    {
        List<SectionRule>? matching = null;
        foreach (var rule in rules)
        {
            if (AccentFolding.StartsWithWords(heading, rule.Heading))
            {
                (matching ??= []).Add(rule);
            }
        }
        return matching ?? (IReadOnlyList<SectionRule>)[];
    }
}
