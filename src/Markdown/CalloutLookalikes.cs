using System.Text.RegularExpressions;
using FichesSite.Pipeline;
using Markdig.Extensions.Alerts;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace FichesSite.Markdown;

/// <summary>
/// « [!NAME] » written where Markdig does not make it a callout, which would print the name as text: a quote whose
/// name is not plain ASCII letters, a callout inside a list or another quote (Markdig takes them at the top level
/// only), text after the name on its line, a known name without the « > », and a known name anywhere else in the text
/// (the second line of a quote, a table cell, a heading, the middle of a paragraph). Checked on the page as its author
/// wrote it, before the public build takes out its « ::: interne » blocks, so both sites refuse the same pages.
/// </summary>
public static partial class CalloutLookalikes
{
    public static void Refuse(SyntaxNodes nodes, string source, string file, DiagnosticBag diagnostics)
    {
        // Each place reported once, by the most precise message.
        var reported = new HashSet<int>();
        foreach (var paragraph in nodes.Paragraphs)
        {
            if (paragraph.Parent is not QuoteBlock && Unquoted().Match(source, paragraph.Span.Start) is { Success: true } unquoted
                && CalloutKinds.Find(unquoted.Groups["name"].Value) is { } kind)
            {
                reported.Add(paragraph.Span.Start);
                diagnostics.Error(file, ParseMarkdownStage.FileLine(paragraph.Line), $"« [!{kind.Name}] » sans « > » au début de la ligne : ce n’est pas un encadré.",
                    $"Écrivez « > [!{kind.Name}] », puis chaque ligne de son texte après « > ».");
            }
        }
        foreach (var quote in nodes.Quotes)
        {
            if (quote is AlertBlock || quote.Count == 0 || quote[0] is not ParagraphBlock paragraph
                || Lookalike().Match(source, paragraph.Span.Start) is not { Success: true } match)
            {
                continue;
            }
            reported.Add(paragraph.Span.Start);
            var name = match.Groups["name"].Value;
            var line = ParseMarkdownStage.FileLine(paragraph.Line);
            if (CalloutKinds.Find(name) is null)
            {
                CalloutsStage.Unknown(file, line, name, diagnostics);
            }
            else if (quote.Parent is not MarkdownDocument)
            {
                diagnostics.Error(file, line, $"l’encadré « [!{name}] » est dans une liste ou une citation : il n’y est pas un encadré.",
                    $"Écrivez « > [!{name}] » en début de ligne, hors de la liste ou de la citation, puis chaque ligne de son texte après « > ».");
            }
            else
            {
                diagnostics.Error(file, line, $"du texte suit « [!{name}] » sur sa ligne : l’encadré n’est pas reconnu.",
                    $"Laissez « > [!{name}] » seul sur sa ligne et écrivez le texte sur les lignes suivantes, chacune commençant par « > ».");
            }
        }
        // Where a real callout's name stands: Markdig took it, it prints nothing.
        foreach (var alert in nodes.Quotes.OfType<AlertBlock>())
        {
            reported.Add(source.IndexOf("[!", alert.Span.Start, StringComparison.Ordinal));
        }
        foreach (var block in nodes.Paragraphs.Concat<LeafBlock>(nodes.Headings))
        {
            var end = Math.Min(block.Span.End + 1, source.Length);
            if (block.Inline is null || source.AsSpan(block.Span.Start, end - block.Span.Start).IndexOf("[!", StringComparison.Ordinal) < 0)
            {
                continue; // nearly every block: no regex for them
            }
            var code = block.Inline.Descendants<CodeInline>().Select(c => (c.Span.Start, c.Span.End)).ToList();
            for (var match = Anywhere().Match(source, block.Span.Start, end - block.Span.Start); match.Success; match = match.NextMatch())
            {
                if (reported.Contains(match.Index)
                    || code.Any(c => match.Index >= c.Start && match.Index <= c.End)
                    || CalloutKinds.Find(match.Groups["name"].Value) is not { } kind)
                {
                    continue;
                }
                reported.Add(match.Index);
                diagnostics.Error(file, LineOf(source, match.Index), $"« [!{kind.Name}] » au milieu du texte (d’une citation, d’un tableau, d’un titre ou d’un paragraphe) : ce n’est pas un encadré, le nom serait imprimé tel quel.",
                    $"Un encadré commence une citation : écrivez « > [!{kind.Name}] » seul sur sa ligne, en début de ligne, puis son texte sur les lignes suivantes après « > ». Pour écrire ces caractères, écrivez « \\[!{kind.Name}] ».");
            }
        }
    }

    // 1-based, from the text: a match may be on any line of its block.
    private static int LineOf(string source, int index) => source.AsSpan(0, index).Count('\n') + 1;

    // « [!NAME] » at the paragraph's start, not a link « [!texte](adresse) » or « [!texte][ref] ».
    [GeneratedRegex(@"\G\[!(?<name>[^\]\s]{1,40})\](?![(\[])")]
    private static partial Regex Lookalike();

    // « [!NAME] » alone on the first line of a paragraph.
    [GeneratedRegex(@"\G\[!(?<name>[A-Za-z]{1,40})\][ \t]*(?:\r?\n|$)")]
    private static partial Regex Unquoted();

    // « [!NAME] » anywhere, not escaped (« \[! ») and not a link.
    [GeneratedRegex(@"(?<!\\)\[!(?<name>[A-Za-z]{1,40})\](?![(\[])")]
    private static partial Regex Anywhere();
}
