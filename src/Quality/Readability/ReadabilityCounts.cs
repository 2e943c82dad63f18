namespace FichesSite.Quality.Readability;

/// <summary>
/// What the two French readability formulas are computed from, for a section or a whole sheet. Counts
/// add up, so a sheet's scores come from its summed counts, never from an average of its sections' scores.
/// </summary>
/// <param name="Words">Every word, glossary terms and numbers included: they make a sentence longer to read.</param>
/// <param name="ScoredWords">The words whose length is measured: all but glossary terms (explained on the page)
/// and numbers (« 48 » says nothing of its spoken length).</param>
/// <param name="Syllables">Syllables of the scored words (<see cref="FrenchSyllables"/>).</param>
/// <param name="LongWords">Scored words of more than 6 letters.</param>
public readonly record struct ReadabilityCounts(int Sentences, int Words, int ScoredWords, int Syllables, int LongWords)
{
    public static ReadabilityCounts operator +(ReadabilityCounts a, ReadabilityCounts b) =>
        new(a.Sentences + b.Sentences, a.Words + b.Words, a.ScoredWords + b.ScoredWords, a.Syllables + b.Syllables, a.LongWords + b.LongWords);

    public bool HasText => Sentences > 0;

    public double WordsPerSentence => Sentences == 0 ? 0 : (double)Words / Sentences;

    /// <summary>0 when no word is scored (a section of terms and numbers only): nothing in it is long to say.</summary>
    public double SyllablesPerWord => ScoredWords == 0 ? 0 : (double)Syllables / ScoredWords;

    public double LongWordShare => ScoredWords == 0 ? 0 : (double)LongWords / ScoredWords;

    /// <summary>Flesch's formula adapted to French by Kandel and Moles (1958): higher is easier; 60 and more reads easily.</summary>
    public double? KandelMoles => HasText ? 207 - 1.015 * WordsPerSentence - 73.6 * SyllablesPerWord : null;

    /// <summary>Björnsson's LIX: words per sentence plus the percentage of long words; lower is easier.</summary>
    public double? Lix => HasText ? WordsPerSentence + 100 * LongWordShare : null;
}
