using System.Text;
using System.Text.RegularExpressions;
using FichesSite.Search;
using FichesSite.Tests.Markdown.Sections;

namespace FichesSite.Tests.Search;

/// <summary>
/// A page's sections for the index, read from its syntax tree (PageSections, through IndexedPage): each snippet is the
/// start of the section's text with its white space squeezed, cut at a word past SearchIndex.SnippetLength, and the
/// terms are those of the whole text, however its white space is laid out.
/// </summary>
public sealed partial class PageSectionsTests
{
    private static IndexedPage Page(string markdown) =>
        new("Titre", "fiches/essai/index.html", ParsedPage.Sections(markdown).Model, description: "", new TermCache(), internalLabel: "Interne");

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
        // Words of four letters, one space apart once squeezed, cut to length (never after a space), then written with
        // runs of spaces and tabs between the words.
        var squeezed = string.Join(" ", Enumerable.Range(0, squeezedLength).Select(i => (char)('a' + i % 26) + "ort"))[..squeezedLength];
        squeezed = squeezed.EndsWith(' ') ? squeezed[..^1] + "s" : squeezed;
        var written = squeezed.Replace(" ", "  \t ");
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
        var terms = SearchIndexChunkTests.ParseJsonOf(Encoding.UTF8.GetString(new SearchIndex([page]).ToFiles(long.MaxValue, 16)[SearchIndexStage.ScriptPath]))
            .GetProperty("terms").EnumerateObject().Select(t => t.Name).ToHashSet();
        Assert.Contains(FrenchLightStemmer.Stem("zygomatique"), terms); // the last word of the section
        Assert.Contains(FrenchLightStemmer.Stem("premier"), terms); // a list item
        Assert.Contains(FrenchLightStemmer.Stem("controle"), terms); // after a tab
        Assert.Contains(FrenchLightStemmer.Stem("deroulement"), terms); // the heading
    }
}
