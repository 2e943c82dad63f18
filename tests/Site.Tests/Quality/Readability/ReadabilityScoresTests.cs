using FichesSite.Content;
using FichesSite.Quality.Readability;
using FichesSite.Tests.Markdown.Sections;

namespace FichesSite.Tests.Quality;

/// <summary>
/// Readability figures on short texts, counted and computed by hand in the comments:
/// Kandel–Moles = 207 − 1.015 × words per sentence − 73.6 × syllables per word;
/// LIX = words per sentence + 100 × long words (more than 6 letters) / words.
/// </summary>
public sealed class ReadabilityScoresTests
{
    private static readonly ReadabilityScorer Plain = new(GlossaryTerms.Empty);

    private static GlossaryTerms Terms(params string[] terms) =>
        new(terms.Select((t, i) => new GlossaryEntry(t, t, [FichesSite.Text.AccentFolding.Fold(t).Split(' ')], "Une définition.", false, i + 1)).ToList());

    [Fact]
    public void Two_short_sentences()
    {
        // « Le chat dort. Il mange une souris. »
        // 2 sentences; 7 words: le(1) chat(1) dort(1) il(1) mange(1) une(1) souris(2) = 8 syllables; no word over 6 letters.
        // Kandel–Moles = 207 − 1.015 × 7/2 − 73.6 × 8/7 = 207 − 3.5525 − 84.1143 = 119.3332
        // LIX = 7/2 + 100 × 0/7 = 3.5
        var counts = Plain.Count("Le chat dort. Il mange une souris.");

        Assert.Equal(new ReadabilityCounts(Sentences: 2, Words: 7, ScoredWords: 7, Syllables: 8, LongWords: 0), counts);
        Assert.Equal(119.3332, counts.KandelMoles!.Value, 4);
        Assert.Equal(3.5, counts.Lix!.Value, 4);
    }

    [Fact]
    public void Glossary_terms_count_for_sentence_length_only()
    {
        // « La cimentoplastie soulage la douleur. », 1 sentence of 5 words.
        // With « cimentoplastie » in the glossary, 4 words are measured: la(1) soulage(2) la(1) douleur(2) = 6 syllables;
        // long: soulage, douleur (7 letters) = 2.
        // Kandel–Moles = 207 − 1.015 × 5 − 73.6 × 6/4 = 207 − 5.075 − 110.4 = 91.525
        // LIX = 5 + 100 × 2/4 = 55
        const string text = "La cimentoplastie soulage la douleur.";
        var withGlossary = new ReadabilityScorer(Terms("cimentoplastie")).Count(text);
        Assert.Equal(new ReadabilityCounts(1, 5, 4, 6, 2), withGlossary);
        Assert.Equal(91.525, withGlossary.KandelMoles!.Value, 4);
        Assert.Equal(55, withGlossary.Lix!.Value, 4);

        // Without it, cimentoplastie (5 syllables, 14 letters) is measured too: 5 words, 11 syllables, 3 long.
        // Kandel–Moles = 207 − 5.075 − 73.6 × 11/5 = 207 − 5.075 − 161.92 = 40.005
        // LIX = 5 + 100 × 3/5 = 65
        var without = Plain.Count(text);
        Assert.Equal(new ReadabilityCounts(1, 5, 5, 11, 3), without);
        Assert.Equal(40.005, without.KandelMoles!.Value, 4);
        Assert.Equal(65, without.Lix!.Value, 4);
    }

    [Fact]
    public void A_term_of_two_words_is_left_out_whole()
    {
        // « Sous anesthésie générale. »: 3 words, 1 sentence; only « sous » (1 syllable, 4 letters) is measured.
        // Kandel–Moles = 207 − 1.015 × 3 − 73.6 × 1/1 = 130.355; LIX = 3 + 0 = 3
        var counts = new ReadabilityScorer(Terms("anesthésie générale")).Count("Sous anesthésie générale.");
        Assert.Equal(new ReadabilityCounts(1, 3, 1, 1, 0), counts);
        Assert.Equal(130.355, counts.KandelMoles!.Value, 4);
    }

    [Fact]
    public void Abbreviations_numbers_elisions_colons_and_semicolons()
    {
        // « Dr. » ends nothing; « h. » ends the first sentence; « : » and « ; » end nothing: 2 sentences.
        // 15 words: le Dr Martin passe vers 8 h | il reste 48 heures est court attente aussi
        // (« c’ » and « l’ » belong to their word). 8 and 48 are numbers: 13 measured words,
        // syllables le 1, dr 1 (no vowel: at least one), martin 2, passe 1, vers 1, h 1, il 1, reste 1, heures 1,
        // est 1, court 1, attente 2, aussi 2 = 16; long: attente (7 letters) = 1.
        // Kandel–Moles = 207 − 1.015 × 15/2 − 73.6 × 16/13 = 207 − 7.6125 − 90.5846 = 108.8029
        // LIX = 7.5 + 100 × 1/13 = 7.5 + 7.6923 = 15.1923
        var counts = Plain.Count("Le Dr. Martin passe vers 8 h. Il reste 48 heures : c’est court ; l’attente aussi.");

        Assert.Equal(new ReadabilityCounts(2, 15, 13, 16, 1), counts);
        Assert.Equal(108.8029, counts.KandelMoles!.Value, 4);
        Assert.Equal(15.1923, counts.Lix!.Value, 4);
    }

    [Fact]
    public void A_paragraph_without_a_full_stop_is_one_sentence_and_text_without_words_has_no_score()
    {
        Assert.Equal(1, Plain.Count("Vous pouvez marcher").Sentences);
        Assert.Equal(2, Plain.Count("Vraiment ?! Oui").Sentences);
        var empty = Plain.Count(" — % ");
        Assert.False(empty.HasText);
        Assert.Null(empty.KandelMoles);
        Assert.Null(empty.Lix);
    }

    [Fact]
    public void Sections_are_h2_list_items_are_sentences_and_headings_are_not_counted()
    {
        const string markdown = "## Avant\n\nVous êtes à jeun.\n\n## Après\n\n### Chez vous\n\n- Vous rentrez chez vous\n- Vous pouvez marcher\n";
        var page = Plain.Score(ParsedPage.Sections(markdown).Model, "fiche.md", "Fiche");

        Assert.Equal(["Avant", "Après"], page.Sections.Select(s => s.Title));
        Assert.Equal([1, 5], page.Sections.Select(s => s.Line));
        // « Avant »: vous(1) êtes(1) à(1) jeun(1): 1 sentence, 4 words, 4 syllables, none long.
        // Kandel–Moles = 207 − 1.015 × 4 − 73.6 × 1 = 129.34; LIX = 4
        var before = page.Sections[0].Counts;
        Assert.Equal(new ReadabilityCounts(1, 4, 4, 4, 0), before);
        Assert.Equal(129.34, before.KandelMoles!.Value, 4);
        // « Après »: two list items, two sentences; the h3 « Chez vous » is not counted.
        // vous(1) rentrez(2) chez(1) vous(1) | vous(1) pouvez(2) marcher(2): 7 words, 10 syllables, long: rentrez, marcher.
        // Kandel–Moles = 207 − 1.015 × 7/2 − 73.6 × 10/7 = 207 − 3.5525 − 105.1429 = 98.3046
        // LIX = 3.5 + 100 × 2/7 = 3.5 + 28.5714 = 32.0714
        var after = page.Sections[1].Counts;
        Assert.Equal(new ReadabilityCounts(2, 7, 7, 10, 2), after);
        Assert.Equal(98.3046, after.KandelMoles!.Value, 4);
        Assert.Equal(32.0714, after.Lix!.Value, 4);
        // The sheet: summed counts, not averaged scores. 3 sentences, 11 words, 14 syllables, 2 long.
        // Kandel–Moles = 207 − 1.015 × 11/3 − 73.6 × 14/11 = 207 − 3.7217 − 93.6727 = 109.6056
        // LIX = 11/3 + 100 × 2/11 = 3.6667 + 18.1818 = 21.8485
        Assert.Equal(new ReadabilityCounts(3, 11, 11, 14, 2), page.Total);
        Assert.Equal(109.6056, page.Total.KandelMoles!.Value, 4);
        Assert.Equal(21.8485, page.Total.Lix!.Value, 4);
    }
}
