using FichesSite.Content;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;

namespace FichesSite.Markdown;

/// <summary>
/// The first use of a glossary term on a page, put in the syntax tree by <see cref="GlossaryMarkupStage"/>.
/// Its children are the words as the author wrote them; the rest is what the renderer needs, already in
/// the page's words, so that rendering decides nothing.
/// </summary>
public sealed class GlossaryTermInline(GlossaryEntry entry, string href, string buttonLabel, string? unreviewedLabel) : ContainerInline
{
    public GlossaryEntry Entry { get; } = entry;

    /// <summary>The term's entry on the glossary page, relative to this page.</summary>
    public string Href { get; } = href;

    /// <summary>What a screen reader says for the disclosure button (« Définition : métastases »).</summary>
    public string ButtonLabel { get; } = buttonLabel;

    /// <summary>The « awaiting review » mark, or null once a reviewer has checked the definition.</summary>
    public string? UnreviewedLabel { get; } = unreviewedLabel;

    /// <summary>The id of the definition on this page (one per term: only the first use is marked).</summary>
    public string DefinitionId => GlossaryTerms.DefinitionId(Entry);
}

/// <summary>
/// Writes a marked term without inline script or style (the pages' Content-Security-Policy forbids both):
/// <list type="bullet">
/// <item>a link to the term on the glossary page, which works without JavaScript, described by the
/// definition so that a screen reader says it when the link takes the keyboard focus;</item>
/// <item>a disclosure button, hidden until theme/assets/js/glossaire.js shows it, that opens the definition
/// in the sentence on a click, a tap, Enter or Space: never on hover alone;</item>
/// <item>the definition itself, hidden until opened, with the « awaiting review » mark when it applies.</item>
/// </list>
/// </summary>
public sealed class GlossaryTermRenderer : HtmlObjectRenderer<GlossaryTermInline>
{
    public const string LinkClass = "terme";

    protected override void Write(HtmlRenderer renderer, GlossaryTermInline term)
    {
        renderer.Write("<a class=\"").Write(LinkClass).Write("\" href=\"").WriteEscapeUrl(term.Href)
            .Write("\" aria-describedby=\"").Write(term.DefinitionId).Write("\">");
        renderer.WriteChildren(term);
        renderer.Write("</a><button type=\"button\" class=\"terme-bouton\" aria-expanded=\"false\" aria-controls=\"")
            .Write(term.DefinitionId).Write("\" hidden><span aria-hidden=\"true\">?</span><span class=\"visually-hidden\">")
            .WriteEscape(term.ButtonLabel).Write("</span></button>");
        renderer.Write("<span class=\"terme-definition\" id=\"").Write(term.DefinitionId).Write("\" hidden>")
            .WriteEscape(term.Entry.Definition);
        if (term.UnreviewedLabel is not null)
        {
            renderer.Write(" <span class=\"relecture\">").WriteEscape(term.UnreviewedLabel).Write("</span>");
        }
        renderer.Write("</span>");
    }
}

/// <summary>Registers <see cref="GlossaryTermRenderer"/> (the parser has nothing to add: the stage places the terms).</summary>
public sealed class GlossaryExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<GlossaryTermRenderer>())
        {
            html.ObjectRenderers.Insert(0, new GlossaryTermRenderer());
        }
    }
}
