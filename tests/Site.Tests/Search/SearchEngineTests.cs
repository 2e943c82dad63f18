using System.Text.Json;
using Jint;

namespace FichesSite.Tests.Search;

/// <summary>
/// The query engine of theme/assets/js/search.js, run in Jint over the index the build wrote: the searches a
/// patient would make on the cementoplasty sheet, and the engine's rules on small hand-made indexes.
/// </summary>
public sealed class SearchEngineTests(BuiltSite built) : IClassFixture<BuiltSite>
{
    private const string Fiche = SearchIndexTests.FichePath;

    private sealed record Section(string Heading, string Anchor, string Snippet);
    private sealed record PageResult(string Title, string Path, double Score, List<Section> Sections);

    private List<PageResult> Search(string query, bool typing = false, string? indexScript = null)
    {
        var engine = SearchScripts.Load(indexScript ?? File.ReadAllText(Path.Combine(built.Site.Output, "assets", "search-index.js")));
        engine.SetValue("query", query);
        engine.SetValue("typing", typing);
        var json = engine.Evaluate("JSON.stringify(new FichesSearch.Engine(window.FICHES_INDEX).search(query, typing).pages)").AsString();
        return JsonSerializer.Deserialize<List<PageResult>>(json, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
    }

    [Theory]
    [InlineData("metastase", "qu-est-ce-que-c-est")]
    [InlineData("Métastases", "qu-est-ce-que-c-est")]
    [InlineData("cimentoplasties", "en-quoi-consiste-la-cimentoplastie-en-cas-de-metastases-osseuses")]
    [InlineData("fuite", "fuite-de-ciment-5")]
    [InlineData("fuite ciment", "fuite-de-ciment-5")]
    [InlineData("embolie", "embolie-de-ciment-exceptionnelle")]
    [InlineData("anesthesie generale", "type-d-anesthesie")]
    [InlineData("l’hématome", "hematome-au-point-de-ponction-exceptionnel")]
    public void A_patient_search_finds_the_fiche_with_the_right_section_first(string query, string anchor)
    {
        var first = Search(query).First();
        Assert.Equal(Fiche, first.Path);
        Assert.Equal(anchor, first.Sections[0].Anchor);
    }

    [Fact]
    public void Every_word_must_match_somewhere_in_the_page()
    {
        Assert.NotEmpty(Search("ciment"));
        Assert.NotEmpty(Search("conformite"));
        Assert.Empty(Search("ciment conformite"));
        // Two words in two sections of the same page: the page matches, each section is shown.
        var both = Assert.Single(Search("hematome embolie"));
        Assert.Equal(["embolie-de-ciment-exceptionnelle", "hematome-au-point-de-ponction-exceptionnel"], both.Sections.Select(s => s.Anchor).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_last_word_matches_as_a_prefix_only_while_typing()
    {
        Assert.Equal(Fiche, Search("metast", typing: true).Single().Path);
        Assert.Equal(Fiche, Search("fuite cim", typing: true).Single().Path);
        Assert.Empty(Search("metast", typing: false));
        // Only the last word is a prefix.
        Assert.Empty(Search("cim fuite", typing: true));
    }

    [Fact]
    public void A_stop_word_alone_while_typing_is_searched_as_the_start_of_a_longer_word()
    {
        // « dé » is on its way to « déroulement » or « destruction »: results from the second letter.
        var found = Search("dé", typing: true);
        Assert.Contains(found, page => page.Path == Fiche);
        Assert.Equal(found.Select(p => p.Path), Search("la dé", typing: true).Select(p => p.Path));
        Assert.Contains(Search("lé", typing: true), page => page.Path == Fiche);
        // Not once the word is finished, nor when the query has another word, nor for a single letter.
        Assert.Empty(Search("dé", typing: false));
        Assert.Equal(Search("fuite", typing: false).Select(p => p.Path), Search("fuite de", typing: true).Select(p => p.Path));
        Assert.Empty(Search("d", typing: true));
        Assert.Empty(Search("la d", typing: true));
    }

    [Fact]
    public void A_stop_word_kept_while_typing_stands_only_for_the_words_it_starts_as_typed()
    {
        // « entre » and « votre » are one letter from « ventr » and « voir », and « dans » stems to « dan », which starts
        // « dang » (danger): a stop word kept while typed must reach none of them (no typo retry, no stem).
        const string index = """
            window.FICHES_INDEX = {"version":3,
              "pages":[["Douleur","a/index.html"]],
              "sections":[[0,"","","Une douleur au ventre, à voir : danger, dansant."]],
              "titles":{},
              "terms":{"ventr":"1","voir":"1","dang":"1","dansant":"1"}};
            """;
        Assert.Empty(Search("entre", typing: true, indexScript: index));
        Assert.Empty(Search("votre", typing: true, indexScript: index));
        Assert.Empty(Search("vôtre", typing: true, indexScript: index));
        // « dans » typed on its way to « dansant »: the word as typed starts it.
        Assert.Single(Search("dans", typing: true, indexScript: index));
        Assert.Empty(Search("dans", typing: false, indexScript: index));
    }

    [Fact]
    public void A_long_word_with_no_match_is_retried_at_edit_distance_one()
    {
        Assert.Equal("embolie-de-ciment-exceptionnelle", Search("enbolie").Single().Sections[0].Anchor);
        Assert.Equal(Fiche, Search("metastaze").Single().Path);   // one letter wrong
        Assert.Equal(Fiche, Search("hematme").Single().Path);     // one letter missing
        Assert.Empty(Search("nerd"));                              // 4 letters: too short to guess
        Assert.Empty(Search("metaztaze"));                         // two letters wrong
        Assert.Empty(Search("zzzzzz"));                            // stems to "z": must not reach "2" or "5"
    }

    [Fact]
    public void Postings_written_in_CSharp_read_back_the_same_in_JavaScript()
    {
        // Small and large gaps (one to five base-32 digits), heading and text counts, text counts capped at 3: one page
        // whose sections hold « ciment » where each posting says, written by the index's own encoder.
        var postings = new List<(int Section, int Heading, int Text)> { (0, 0, 1), (1, 1, 0), (2, 1, 3), (6, 0, 2), (130, 0, 1), (40_000, 1, 7), (140_000, 0, 1) };
        var sections = Enumerable.Range(0, postings[^1].Section + 1).Select(_ => new FichesSite.Search.PageSection("", "", "")).ToArray();
        foreach (var (section, heading, text) in postings)
        {
            sections[section] = new(heading > 0 ? "Ciment" : "", "", string.Join(' ', Enumerable.Repeat("ciment", text)));
        }
        var index = new FichesSite.Search.SearchIndex([new FichesSite.Search.IndexedPage("Essai", "essai/index.html", sections)]);
        var encoded = System.Text.Encoding.ASCII.GetString(Assert.Single(index.Terms(), t => t.Term == FichesSite.Search.FrenchLightStemmer.Stem("ciment")).Postings.Span);
        Assert.Equal(postings.Count, encoded.Count(c => FichesSite.Search.SearchIndex.PostingDigits.IndexOf(c) < 32));
        var engine = SearchScripts.Load();
        engine.SetValue("encoded", encoded);
        var pairs = engine.Evaluate("Array.prototype.join.call(FichesSearch.decodePostings(encoded), ' ')").AsString();
        Assert.Equal(string.Join(' ', postings.SelectMany(s => new[] { s.Section, (s.Heading > 0 ? 4 : 0) + Math.Min(s.Text, 3) })), pairs);
    }

    [Fact]
    public void Ranking_puts_title_before_heading_before_text_and_groups_by_page()
    {
        // Three pages, the same word once in the title of one, the heading of another, the text of the last.
        const string index = """
            window.FICHES_INDEX = {"version":3,
              "pages":[["Autre","a/index.html"],["Perfusion","b/index.html"],["Rien","c/index.html"]],
              "sections":[[0,"","","Une perfusion au bras."],[0,"Suite","suite","Rien."],[1,"","","Début."],[2,"Perfusion","perfusion","Texte."],[2,"Autre","autre","Encore."]],
              "titles":{"perfusion":[1]},
              "terms":{"perfusion":"1s"}};
            """;
        var results = Search("perfusion", indexScript: index);
        Assert.Equal(["b/index.html", "c/index.html", "a/index.html"], results.Select(r => r.Path));
        Assert.All(results, r => Assert.Single(r.Sections));
        Assert.True(results[0].Score > results[1].Score && results[1].Score > results[2].Score);
        Assert.Equal("perfusion", results[1].Sections[0].Anchor);
    }

    [Fact]
    public void Sections_holding_every_word_come_first_and_at_most_three_per_page()
    {
        var page = Search("ciment").Single();
        Assert.InRange(page.Sections.Count, 1, 3);
        Assert.Equal(page.Sections.Select(s => s.Anchor).Distinct().Count(), page.Sections.Count);
        var both = Search("fuite ciment").Single();
        Assert.Equal("fuite-de-ciment-5", both.Sections[0].Anchor);
    }

    [Fact]
    public void Stop_words_and_empty_queries_give_nothing_and_do_not_fail()
    {
        Assert.Empty(Search(""));
        Assert.Empty(Search("de la"));
        Assert.Empty(Search("   "));
        Assert.Equal(Fiche, Search("la fuite de ciment").First().Path);
    }
}
