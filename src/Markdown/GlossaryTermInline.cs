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
public sealed class GlossaryTermInline(GlossaryEntry entry, string href, string? unreviewedLabel) : ContainerInline
{
    public GlossaryEntry Entry { get; } = entry;

    /// <summary>The term's entry on the glossary page, relative to this page.</summary>
    public string Href { get; } = href;

    /// <summary>The « awaiting review » mark, or null once a reviewer has checked the definition.</summary>
    public string? UnreviewedLabel { get; } = unreviewedLabel;

    /// <summary>The id of the definition on this page (one per term: only the first use is marked).</summary>
    public string DefinitionId => GlossaryTerms.DefinitionId(Entry);
}

/// <summary>
/// Writes a marked term without inline script or style (the pages' Content-Security-Policy forbids both): the term
/// itself, a link to its entry on the glossary page, described by its definition (a screen reader says the definition
/// when the link takes the focus); and the definition, hidden until theme/assets/js/glossaire.js opens it in the
/// sentence. That script turns each term into a disclosure button with the same words: activated (click, tap, Enter
/// or Space, never hover alone), it shows the definition right after the term. Without JavaScript the link works.
/// </summary>
/// <remarks>
/// Why the word is the control, and not a « ? » button after it (as before): a sheet of 700 words marks some twenty
/// terms, and twenty extra glyphs broke the lines that readers who struggle with reading follow word by word,
/// while giving a keyboard or switch user forty stops (link, then button) instead of twenty. A dotted underline, the
/// convention of words that carry an explanation, marks the term without adding to the sentence (and one line
/// before the sheet's text, shown by the script, says what it means for readers who do not know it); a screen reader
/// user hears the definition on reaching the term, and can open it in the text to read it again at their pace. A
/// button, not a link that stops navigating: a control that says « link » and then does not leave the page misleads
/// those who cannot see what it did; the native button answers Enter and Space and reports « réduit » / « développé »
/// (aria-expanded). Set aside: marking the first use per section (more marks, not fewer), and a « Mots difficiles »
/// list at each section's end (the explanation far from the word, the same text read again by everyone, a longer
/// sheet for the readers who already find it long).
/// </remarks>
public sealed class GlossaryTermRenderer : HtmlObjectRenderer<GlossaryTermInline>
{
    public const string LinkClass = "terme";

    protected override void Write(HtmlRenderer renderer, GlossaryTermInline term)
    {
        renderer.Write("<a class=\"").Write(LinkClass).Write("\" href=\"").WriteEscapeUrl(term.Href)
            .Write("\" aria-describedby=\"").Write(term.DefinitionId).Write("\">");
        renderer.WriteChildren(term);
        renderer.Write("</a>");
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
