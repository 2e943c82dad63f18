using System.Text;
using System.Text.RegularExpressions;
using FichesSite.Markdown;
using FichesSite.Search;
using Markdig.Syntax;

namespace FichesSite.Tests.Search;

/// <summary>
/// A page's sections for the index, read from its syntax tree (PageSections, through IndexedPage): each snippet is the
/// start of the section's text with its white space squeezed, cut at a word past SearchIndex.SnippetLength, and the
/// terms are those of the whole text, however its white space is laid out.
/// </summary>
public sealed partial class PageSectionsTests
{
    private static IndexedPage Page(string markdown)
    {
        var tree = Markdig.Markdown.Parse(markdown, MarkdownSetup.Create(new Dictionary<string, string>()));
        HeadingIds.Assign(tree.Descendants<HeadingBlock>());
        return new IndexedPage("Titre", "fiches/essai/index.html", tree, description: "", new TermCache());
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    private static string Squeezed(string text) => WhiteSpace().Replace(text, " ").Trim();

    // The snippet as the index made it before only its opening was squeezed: from the whole text, squeezed.
    private static string SnippetOfWholeText(string text) => SearchIndex.Snippet(Squeezed(text));

    [Theory]
    [InlineData(10)]
    [InlineData(SearchIndex.SnippetLength - 1)]
    [InlineData(SearchIndex.SnippetLength)]
    [InlineData(SearchIndex.SnippetLength + 1)]
    [InlineData(SearchIndex.SnippetLength + 2)]
    [InlineData(SearchIndex.SnippetLength * 3)]
    public void The_snippet_is_the_squeezed_start_of_the_text_cut_at_a_word(int squeezedLength)
    {
        // Words of four letters and one space when squeezed, written with runs of spaces and tabs, the last one cut to length.
        var text = new StringBuilder();
        for (var i = 0; text.Length == 0 || Squeezed(text.ToString()).Length < squeezedLength; i++)
        {
            var missing = squeezedLength - Squeezed(text.ToString()).Length;
            var word = ((char)('a' + i % 26)) + "ort";
            if (text.Length == 0)
            {
                text.Append(word[..Math.Min(word.Length, missing)]);
            }
            else if (missing == 1)
            {
                text.Append('s'); // no room for a space and a word: the last word one letter longer
            }
            else
            {
                text.Append(i % 3 == 0 ? " \t " : "  ").Append(word[..Math.Min(word.Length, missing - 1)]);
            }
        }
        var written = text.ToString();
        Assert.Equal(squeezedLength, Squeezed(written).Length);

        var section = Assert.Single(Page($"## Soins\n\n{written}   \n").Sections);

        Assert.Equal(SnippetOfWholeText(written), section.Text);
        Assert.True(section.Text.Length <= SearchIndex.SnippetLength + " …".Length, section.Text);
    }

    [Fact]
    public void The_terms_are_those_of_the_whole_text_past_the_snippet()
    {
        var opening = string.Join("  ", Enumerable.Repeat("Une ponction sous\tcontrôle", 10));
        var page = Page($"## Déroulement\n\n{opening}\n\n- premier   point\n- second\n  point\n\nEnfin la région zygomatique.\n");

        var section = Assert.Single(page.Sections);
        Assert.Equal(SnippetOfWholeText(opening), section.Text);
        Assert.DoesNotContain("zygomatique", section.Text);
        var terms = SearchIndexChunkTests.ParseJsonOf(Encoding.UTF8.GetString(new SearchIndex([page]).ToFiles(long.MaxValue, 16)[SearchIndex.ScriptPath]))
            .GetProperty("terms").EnumerateObject().Select(t => t.Name).ToHashSet();
        Assert.Contains(FrenchLightStemmer.Stem("zygomatique"), terms); // the last word of the section
        Assert.Contains(FrenchLightStemmer.Stem("premier"), terms); // a list item
        Assert.Contains(FrenchLightStemmer.Stem("controle"), terms); // after a tab
        Assert.Contains(FrenchLightStemmer.Stem("deroulement"), terms); // the heading
    }
}
