using System.Collections.Frozen;
using System.Text;
using FichesSite.Content;
using FichesSite.Markdown;
using FichesSite.Markdown.Sections;
using FichesSite.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace FichesSite.Quality.Readability;

/// <summary>
/// Counts sentences, words, syllables and long words of a sheet, section by section, from the Markdig
/// syntax tree the parse stage kept, through the page's sections (no second parse). Linear in the text, one pooled builder per page, no
/// regular expression, no string per word.
/// <list type="bullet">
/// <item>Sections: each h1 or h2 starts one (the cut is at level ≤ 2); h3 and deeper belong to the heading above them. Text
/// before the first h1 or h2 is a section without a title. Headings themselves are not counted: they are labels, not sentences.</item>
/// <item>Text: every paragraph, wherever it is (list items, callouts, table cells); link text counts, code,
/// images and web addresses do not.</item>
/// <item>Sentences end at « . ! ? … » and at the end of a paragraph, so that each list item is a sentence
/// of its own. « : » and « ; » do not end a sentence. A full stop after an abbreviation of
/// <see cref="Abbreviations"/> (« Dr. », « cf. », « p. ex. ») ends nothing; inside a number (« 2.5 ») neither.</item>
/// <item>Words: see <see cref="FrenchWords"/> (« l’ » belongs to its word, hyphens separate, « 48 » is a word
/// and a number). In « 48 heures » both are words; only « heures » is measured.</item>
/// <item>Glossary terms count as words for the length of their sentence, but not for syllables or long words:
/// the page explains them, and a sentence full of them still takes as long to read.</item>
/// </list>
/// </summary>
public sealed class ReadabilityScorer(GlossaryTerms glossary)
{
    private const int LongWordLetters = 6;

    private static readonly FrozenSet<string> Abbreviations = FrozenSet.ToFrozenSet(
        ["cf", "dr", "env", "ex", "m", "me", "mlle", "mme", "no", "p", "pr", "st", "ste", "vol"], StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AbbreviationLookup =
        Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    public PageReadability Score(PageSectionModel model, string sourcePath, string title)
    {
        var sections = new List<SectionReadability>();
        var text = TextBuilders.Pool.Get();
        var words = new List<WordSpan>();
        try
        {
            foreach (var (section, blocks) in model.Parts(level => level <= 2))
            {
                var (line, counts) = (section.Line, default(ReadabilityCounts));
                foreach (var block in blocks)
                {
                    if (block is ParagraphBlock paragraph)
                    {
                        counts += Paragraph(paragraph, text, words, ref line);
                    }
                    else if (block is ContainerBlock container)
                    {
                        foreach (var inner in container.Descendants<ParagraphBlock>())
                        {
                            counts += Paragraph(inner, text, words, ref line);
                        }
                    }
                }
                if (counts.HasText || section.Heading.Length > 0)
                {
                    sections.Add(new SectionReadability(section.Heading, section.Anchor, line, counts));
                }
            }
        }
        finally
        {
            TextBuilders.Pool.Return(text);
        }
        return new PageReadability(sourcePath, title, sections);
    }

    private ReadabilityCounts Paragraph(ParagraphBlock paragraph, StringBuilder text, List<WordSpan> words, ref int sectionLine)
    {
        if (sectionLine == 0)
        {
            sectionLine = ParseMarkdownStage.FileLine(paragraph.Line);
        }
        text.Clear();
        AppendText(paragraph.Inline, text);
        return Count(BuilderText.SpanOf(text), words);
    }

    /// <summary>The counts of one paragraph's plain text (public for the tests' hand-computed figures).</summary>
    public ReadabilityCounts Count(ReadOnlySpan<char> text, List<WordSpan>? reusable = null)
    {
        var words = reusable ?? [];
        words.Clear();
        FrenchWords.Scan(text, words);
        var (sentences, wordCount, scored, syllables, longWords) = (0, 0, 0, 0, 0);
        var inSentence = false;
        var termWordsLeft = 0;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (termWordsLeft == 0)
            {
                termWordsLeft = glossary.MatchAt(text, words, i, out _);
            }
            var isTerm = termWordsLeft > 0;
            if (isTerm)
            {
                termWordsLeft--;
            }
            wordCount++;
            inSentence = true;
            if (!isTerm && !word.IsNumber)
            {
                var (wordSyllables, isLong) = Measure(text.Slice(word.Start, word.Length));
                scored++;
                syllables += wordSyllables;
                if (isLong)
                {
                    longWords++;
                }
            }
            var gapEnd = i + 1 < words.Count ? words[i + 1].Start : text.Length;
            if (EndsSentence(text, word, gapEnd))
            {
                sentences++;
                inSentence = false;
            }
        }
        if (inSentence)
        {
            sentences++; // the end of a paragraph or list item ends its sentence
        }
        return new ReadabilityCounts(sentences, wordCount, scored, syllables, longWords);
    }

    // Whether the characters between a word and the next one end a sentence.
    private static bool EndsSentence(ReadOnlySpan<char> text, WordSpan word, int gapEnd)
    {
        for (var k = word.End; k < gapEnd; k++)
        {
            switch (text[k])
            {
                case '!' or '?' or '…':
                    return true;
                case '.':
                    if (k == word.End && IsAbbreviation(text.Slice(word.Start, word.Length)))
                    {
                        continue; // « Dr. Martin »: the full stop belongs to the word
                    }
                    return true;
            }
        }
        return false;
    }

    private static bool IsAbbreviation(ReadOnlySpan<char> word)
    {
        if (word.Length > 4)
        {
            return false;
        }
        Span<char> lower = stackalloc char[word.Length];
        word.ToLowerInvariant(lower);
        return AbbreviationLookup.Contains(lower);
    }

    // Measured afresh at each use: a table of the words already measured cost more than the count it saved, and far
    // more as the vocabulary grows (docs/benchmarks.md, « tried / kept / why »).
    private (int Syllables, bool IsLong) Measure(ReadOnlySpan<char> word) => (FrenchSyllables.Count(word), LetterCount(word) > LongWordLetters);

    private static int LetterCount(ReadOnlySpan<char> word)
    {
        var count = 0;
        foreach (var c in word)
        {
            if (char.IsLetter(c))
            {
                count++;
            }
        }
        return count;
    }

    // The words a reader reads: literal text, emphasis and link text; code, images and bare addresses are left out.
    private static void AppendText(ContainerInline? container, StringBuilder text)
    {
        for (var child = container?.FirstChild; child is not null; child = child.NextSibling)
        {
            switch (child)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.AsSpan());
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.AsSpan());
                    break;
                case LinkInline { IsImage: true }:
                    text.Append(" ");
                    break;
                case ContainerInline inner:
                    AppendText(inner, text);
                    break;
                default:
                    text.Append(" "); // line breaks, code, autolinks: a word boundary
                    break;
            }
        }
    }
}
