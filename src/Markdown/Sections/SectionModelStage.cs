using FichesSite.Content;
using FichesSite.Pipeline;
using FichesSite.Text;
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

    public Document Run(Document document, SiteProducts site, DiagnosticBag diagnostics)
    {
        var rules = contracts.TryGetValue(document.Get(FrontMatter.Key).Type, out var contract) ? contract.Sections : [];
        var model = Build(document.Get(ParseMarkdownStage.SyntaxTree), document.Get(PageOutline.Key).Headings, rules);
        return document.With(PageSectionModel.Key, model).With(PageContents.Key, PageContents.Of(model));
    }

    /// <summary>The sections of a parsed page, from its top-level blocks and the outline the parse stage made of that tree.</summary>
    public static PageSectionModel Build(MarkdownDocument tree, IReadOnlyList<Heading> headings, IReadOnlyList<SectionRule> rules)
    {
        var blocks = new List<Block>();
        var sections = new List<Section> { new(0, "", "", 0, null, blocks, []) };
        var contained = new List<Heading>();
        var next = 0; // the outline has every heading in document order: the top-level ones are found in it walking forward
        foreach (var block in tree)
        {
            if (block is not HeadingBlock { Level: <= 3 } heading)
            {
                blocks.Add(block);
                continue;
            }
            var line = ParseMarkdownStage.FileLine(heading.Line);
            for (; headings[next].Line != line; next++)
            {
                // Passed over: deeper than h3, or inside a quote or a list (those of a section's level are kept).
                if (headings[next].Level <= 3)
                {
                    contained.Add(headings[next]);
                }
            }
            var known = headings[next++];
            blocks = [];
            sections.Add(new Section(heading.Level, known.Text, known.Id, line, heading,
                blocks, heading.Level == 2 ? Matching(known.Text, rules) : []));
        }
        contained.AddRange(headings.Skip(next).Where(h => h.Level <= 3));
        return new PageSectionModel(sections, contained);
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
