using FichesSite.Markdown.Sections;
using FichesSite.Pipeline;

namespace FichesSite.Markdown;

/// <summary>
/// Drops the page's Markdown syntax tree and its source text (which the tree's text points into) once the
/// body is rendered and every stage that reads the tree has run: a tree weighs many times its page's text, so
/// every page's tree kept to the end of a large build would take most of its memory. Stages that need the tree go before this
/// one in SiteBuilder; later ones use what was taken from it (the outline, the search terms, the HTML).
/// </summary>
public sealed class ReleaseSyntaxTreeStage : IDocumentStage
{
    public string Name => "release syntax tree";

    public Document Run(Document document, SiteProducts site, DiagnosticBag diagnostics) =>
        document.Without(ParseMarkdownStage.SyntaxTree).Without(PageSectionModel.Key).WithoutSource(); // the sections hold the tree's blocks
}
