using FichesSite.Pipeline;
using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace FichesSite.Markdown;

/// <summary>
/// Parses the body once into Markdig's syntax tree (within <see cref="MarkdownLimits"/>), gives headings their ids, applies French
/// typography, refuses raw HTML and rewrites links. Later stages read the tree and the outline;
/// nothing parses twice.
/// </summary>
/// <param name="reservedIds">Ids the layout and the glossary add to pages, which headings must leave free.</param>
/// <param name="target">The site being built: the public one has no « ::: interne » block (<see cref="InternalBlocks"/>).</param>
public sealed class ParseMarkdownStage(MarkdownPipeline markdown, LinkRewriter links, ReservedIds reservedIds, BuildTarget target = BuildTarget.Public) : IDocumentStage
{
    public static readonly MetaKey<MarkdownDocument> SyntaxTree = new("markdown-syntax-tree");

    public string Name => "parse Markdown";

    public Document Run(Document document, SiteProducts site, DiagnosticBag diagnostics)
    {
        if (MarkdownLimits.Parse(document.Source, markdown, out var refusal) is not { } tree)
        {
            diagnostics.Error(document.SourcePath, FileLine(refusal!.Line), refusal.Message, refusal.Fix);
            return document;
        }
        var bodyStart = 0;
        if (tree.Count > 0 && tree[0] is PageHeaderBlock)
        {
            // After the header's closing « --- » (a Markdig block keeps the span of its first line only).
            var closing = Content.FrontMatterStage.ClosingFence(document.Source).Start;
            bodyStart = closing + 3;
            tree.RemoveAt(0); // the header's place: nothing of it is Markdown
        }
        // The page as its author wrote it is checked whole, « ::: interne » blocks included, on both sites: the same
        // page is refused or built on each.
        var nodes = SyntaxNodes.Of(tree);
        CalloutLookalikes.Refuse(nodes, document.Source, document.SourcePath, diagnostics);
        if (InternalBlocks.Check(tree, nodes, document.Source, bodyStart, document.SourcePath, diagnostics) is not { } internalBlocks)
        {
            return document;
        }
        RefuseRawHtml(nodes, document.SourcePath, diagnostics);
        AuthorAttributes.Check(nodes.Attributed, document.SourcePath, diagnostics);
        foreach (var (heading, wanted, takenByLayout) in HeadingIds.Assign(nodes.Headings, reservedIds.For(document)))
        {
            if (takenByLayout)
            {
                diagnostics.Warning(document.SourcePath, FileLine(heading.Line),
                    $"l’ancre « #{wanted} » est déjà employée par le thème ou le glossaire ; ce titre reçoit « #{heading.GetAttributes().Id} ».",
                    "Changez les mots du titre (ou son ancre {#…}) si des liens doivent y mener : deux éléments d’une page ne peuvent pas avoir la même ancre.");
                continue;
            }
            diagnostics.Warning(document.SourcePath, FileLine(heading.Line),
                $"deux titres donnent la même ancre « #{wanted} » ; celui-ci reçoit « #{heading.GetAttributes().Id} ».",
                "Donnez à ces titres des textes différents, pour que les liens vers chacun restent clairs.");
        }
        FrenchTypography.Apply(nodes.Literals);
        TableMarkup.Apply(nodes.Tables);
        var headings = nodes.Headings
            .Select(h => new Heading(h.Level, InlineText.Of(h.Inline), h.GetAttributes().Id!, FileLine(h.Line)))
            .ToList();
        // Every link is checked; those of the blocks the public site leaves out are not listed, nor their files copied.
        var removed = target == BuildTarget.Public ? internalBlocks : [];
        var (rewritten, attachments) = links.Rewrite(nodes, document, diagnostics, removed.Count == 0 ? null : link => !InternalBlocks.Holds(removed, link));
        // Then, before any later stage reads the tree, what the public site must not hold is gone.
        InternalBlocks.Remove(removed);
        return document.With(SyntaxTree, tree).With(PageOutline.Key, new PageOutline(headings, rewritten, attachments));
    }

    /// <summary>
    /// The 1-based line of the source file for a 0-based Markdig line. They match because Markdig parses the
    /// whole file, its header included (<see cref="PageHeaderParser"/> skips it as a block).
    /// </summary>
    public static int FileLine(int markdigLine) => markdigLine + 1;

    // Refused rather than sanitised: authors write Markdown only, and HTML would slip past the
    // accessibility and content checks, and past the Content-Security-Policy.
    private static void RefuseRawHtml(SyntaxNodes nodes, string file, DiagnosticBag diagnostics)
    {
        var lines = nodes.RawHtml.Select(n => n.Line).Distinct().Order();
        foreach (var line in lines)
        {
            diagnostics.Error(file, FileLine(line), "code HTML dans le texte : il n’est pas permis dans les pages.",
                "Écrivez en Markdown seulement (## titre, - liste, [lien](adresse)). Pour écrire le signe « < » suivi d’une lettre, écrivez « \\< ».");
        }
    }
}
