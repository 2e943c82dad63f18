using Markdig.Extensions.CustomContainers;
using Markdig.Extensions.Tables;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace FichesSite.Markdown;

/// <summary>
/// The nodes of a syntax tree that the parse stage works on, gathered in one walk of the tree
/// (each Descendants&lt;T&gt;() call walks all of it, so one call per kind of node would walk it again and again).
/// </summary>
public sealed class SyntaxNodes
{
    public List<HeadingBlock> Headings { get; } = [];
    public List<ParagraphBlock> Paragraphs { get; } = [];

    /// <summary>Quotes, callouts (<see cref="Markdig.Extensions.Alerts.AlertBlock"/>) included.</summary>
    public List<QuoteBlock> Quotes { get; } = [];

    /// <summary>« ::: » blocks (InternalBlocks), nested ones included, in document order.</summary>
    public List<CustomContainer> Containers { get; } = [];
    public List<LiteralInline> Literals { get; } = [];
    public List<LinkInline> Links { get; } = [];

    /// <summary>« &lt;https://…&gt; » and « &lt;nom@exemple.fr&gt; »: not a <see cref="LinkInline"/>, but an address all the same.</summary>
    public List<AutolinkInline> Autolinks { get; } = [];

    /// <summary>« [nom]: adresse » lines, used or not.</summary>
    public List<LinkReferenceDefinition> Definitions { get; } = [];
    public List<Table> Tables { get; } = [];

    /// <summary>Nodes with HTML attributes after parsing: those the author wrote between braces (and Markdig's own).</summary>
    public List<MarkdownObject> Attributed { get; } = [];

    /// <summary>Raw HTML blocks and inlines (refused), in document order.</summary>
    public List<MarkdownObject> RawHtml { get; } = [];

    public static SyntaxNodes Of(MarkdownDocument tree)
    {
        var nodes = new SyntaxNodes();
        foreach (var node in tree.Descendants())
        {
            switch (node)
            {
                case HeadingBlock heading: nodes.Headings.Add(heading); break;
                case ParagraphBlock paragraph: nodes.Paragraphs.Add(paragraph); break;
                case QuoteBlock quote: nodes.Quotes.Add(quote); break;
                case CustomContainer container: nodes.Containers.Add(container); break;
                case LiteralInline literal: nodes.Literals.Add(literal); break;
                case LinkInline link: nodes.Links.Add(link); break;
                case AutolinkInline autolink: nodes.Autolinks.Add(autolink); break;
                case LinkReferenceDefinition definition: nodes.Definitions.Add(definition); break;
                case Table table: nodes.Tables.Add(table); break;
                case HtmlBlock or HtmlInline: nodes.RawHtml.Add(node); break;
            }
            if (node.TryGetAttributes() is not null)
            {
                nodes.Attributed.Add(node);
            }
        }
        return nodes;
    }
}
