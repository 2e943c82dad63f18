using FichesSite.Content;
using FichesSite.Pipeline;
using FichesSite.Text;
using Markdig.Helpers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace FichesSite.Markdown;

/// <summary>
/// Marks the first use of each glossary term on a sheet, in the syntax tree (no second parse): the words
/// become a <see cref="GlossaryTermInline"/>, which the reader can open to read its definition in the sentence
/// (<see cref="GlossaryTermRenderer"/> says how, and why the word itself is the control). Only running text counts: not headings (a title stays a
/// title), not links (a link in a link is invalid), not code. Later uses stay plain text: one explanation
/// per page is help, one per sentence would be noise. Other pages (home, accessibility, the glossary
/// itself) are left alone. A term written across two lines of the source, or across emphasis, is not
/// found there (Markdig keeps those words in separate pieces of text); its next use is marked instead.
/// </summary>
/// <param name="unreviewedLabel">The mark shown with a definition no reviewer has checked yet.</param>
public sealed class GlossaryMarkupStage(GlossaryTerms glossary, string unreviewedLabel) : IDocumentStage
{
    public string Name => "glossary";

    public Document Run(Document document, SiteProducts site, DiagnosticBag diagnostics)
    {
        if (glossary.IsEmpty || !PageAddresses.IsFiche(document.OutputPath))
        {
            return document;
        }
        var tree = document.Get(ParseMarkdownStage.SyntaxTree);
        var glossaryPage = SiteUrls.Relative(document.OutputPath, PageAddresses.GlossaryPage);
        var marked = new HashSet<GlossaryEntry>();
        var literals = new List<LiteralInline>();
        var words = new List<WordSpan>();
        foreach (var paragraph in tree.Descendants<ParagraphBlock>())
        {
            literals.Clear();
            CollectRunningText(paragraph.Inline, literals);
            foreach (var literal in literals)
            {
                Mark(literal, glossaryPage, marked, words);
            }
        }
        return document;
    }

    // Literal text outside links and images, in reading order.
    private static void CollectRunningText(ContainerInline? container, List<LiteralInline> literals)
    {
        for (var child = container?.FirstChild; child is not null; child = child.NextSibling)
        {
            switch (child)
            {
                case LiteralInline literal:
                    literals.Add(literal);
                    break;
                case LinkInline:
                    break;
                case ContainerInline inner:
                    CollectRunningText(inner, literals);
                    break;
            }
        }
    }

    private void Mark(LiteralInline literal, string glossaryPage, HashSet<GlossaryEntry> marked, List<WordSpan> words)
    {
        var text = literal.Content.AsSpan();
        words.Clear();
        FrenchWords.Scan(text, words);
        var done = 0; // characters of the literal already placed before it
        var replaced = false;
        for (var i = 0; i < words.Count;)
        {
            var count = glossary.MatchAt(text, words, i, out var entry);
            if (count == 0)
            {
                i++;
                continue;
            }
            if (marked.Add(entry!))
            {
                var start = words[i].Start;
                var end = words[i + count - 1].End;
                if (start > done)
                {
                    literal.InsertBefore(new LiteralInline(text[done..start].ToString()));
                }
                var asWritten = text[start..end].ToString();
                var term = new GlossaryTermInline(entry!, glossaryPage + "#" + entry!.Id, entry.Reviewed ? null : unreviewedLabel);
                term.AppendChild(new LiteralInline(asWritten));
                literal.InsertBefore(term);
                done = end;
                replaced = true;
            }
            i += count; // a later use, or the words of a longer term, are not searched again
        }
        if (replaced)
        {
            if (done < text.Length)
            {
                literal.InsertBefore(new LiteralInline(text[done..].ToString()));
            }
            literal.Remove();
        }
    }
}
