using FichesSite.Pipeline;
using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace FichesSite.Markdown;

/// <summary>
/// Parses the body once into Markdig's syntax tree, gives headings their ids, applies French
/// typography and rewrites links. Later stages read the tree and the outline; nothing parses twice.
/// </summary>
public sealed class ParseMarkdownStage(MarkdownPipeline markdown, LinkRewriter links) : IDocumentStage
{
    public static readonly MetaKey<MarkdownDocument> SyntaxTree = new("markdown-syntax-tree");

    public string Name => "parse Markdown";

    public Document Run(Document document, DiagnosticBag diagnostics)
    {
        var tree = Markdig.Markdown.Parse(document.Content, markdown);
        HeadingIds.Assign(tree);
        FrenchTypography.Apply(tree);
        var headings = tree
            .Descendants<HeadingBlock>()
            .Select(h => new Heading(h.Level, InlineText.Of(h.Inline), h.GetAttributes().Id!, FileLine(h.Line)))
            .ToList();
        var outline = new PageOutline(headings, links.Rewrite(tree, document, diagnostics));
        return document.With(SyntaxTree, tree).With(PageOutline.Key, outline);
    }

    /// <summary>
    /// The 1-based line of the source file for a 0-based Markdig line. They match because the
    /// front matter stage blanks the header instead of cutting it.
    /// </summary>
    public static int FileLine(int markdigLine) => markdigLine + 1;
}
