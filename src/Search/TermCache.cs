using System.Collections.Concurrent;

namespace FichesSite.Search;

/// <summary>
/// Stems by word, shared by the pages of one build: 10,000 sheets hold some 5 million words but only tens of thousands
/// of distinct ones, so each is stemmed once, and every section holding a term shares one string for it.
/// </summary>
public sealed class TermCache
{
    private readonly ConcurrentDictionary<string, string> _stems = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _spans;

    public TermCache() => _spans = _stems.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Stem(string word) => _stems.GetOrAdd(word, FrenchLightStemmer.Stem);

    /// <summary>The stem of a word handed by <see cref="FrenchNormalizer.ForEachWord"/>: a string is made only for a word not seen yet.</summary>
    public string Stem(ReadOnlySpan<char> word)
    {
        if (_spans.TryGetValue(word, out var stem))
        {
            return stem;
        }
        var text = word.ToString();
        return _stems.GetOrAdd(text, FrenchLightStemmer.Stem(text));
    }
}
