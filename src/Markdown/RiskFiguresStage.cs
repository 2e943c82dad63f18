using FichesSite.Markdown.Sections;
using FichesSite.Pipeline;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace FichesSite.Markdown;

/// <summary>
/// Adds natural frequencies after the percentages of the sections that the page type's content
/// contract marks with « risk_figures: true » (the risks of a procedure sheet). Elsewhere a
/// percentage is left as written: « environ 20 % des patients » in an introduction is how common
/// a disease is, not a risk of the procedure. Runs after the content contract, so the sections
/// are known to be there; works on the syntax tree's literals, before rendering.
/// </summary>
public sealed class RiskFiguresStage : IDocumentStage
{
    public string Name => "risk figures";

    public Document Run(Document document, SiteProducts site, DiagnosticBag diagnostics)
    {
        foreach (var (section, blocks) in document.Get(PageSectionModel.Key).H2Parts)
        {
            if (!section.Rules.Any(r => r.RiskFigures))
            {
                continue;
            }
            foreach (var block in blocks) // its h3 headings too: a risk's title may give its figure
            {
                Annotate(block);
            }
        }
        return document;
    }

    private static void Annotate(Block block)
    {
        foreach (var literal in Literals(block).ToList())
        {
            if (literal.Content.IndexOf('%') < 0)
            {
                continue;
            }
            var text = literal.Content.ToString();
            var annotated = NaturalFrequencies.Annotate(text, Following(literal));
            if (annotated != text)
            {
                literal.Content = new Markdig.Helpers.StringSlice(annotated);
            }
        }
    }

    // Markdig's Descendants() of a block does not go into the inlines of its leaf blocks: walk both levels.
    private static IEnumerable<LiteralInline> Literals(Block block) => block switch
    {
        LeafBlock { Inline: { } inline } => inline.Descendants<LiteralInline>(),
        ContainerBlock container => container.SelectMany(Literals),
        _ => [],
    };

    // The text after a literal in the same paragraph (Markdig cuts at emphasis and links), enough to see a frequency already written.
    private static string Following(LiteralInline literal)
    {
        var text = new System.Text.StringBuilder();
        for (Inline? next = literal.NextSibling; next is not null && text.Length < 80; next = next.NextSibling)
        {
            text.Append(next switch
            {
                LiteralInline l => l.Content.ToString(),
                ContainerInline c => InlineText.Of(c),
                LineBreakInline => " ",
                _ => "",
            });
        }
        return text.ToString();
    }
}
