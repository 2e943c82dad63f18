using System.Collections.Concurrent;

namespace FichesSite.Search;

/// <summary>
/// Stems by word, shared by the pages of one build: 10,000 sheets hold some 5 million words but only tens of thousands
/// of distinct ones, so each is stemmed once. Each term also gets a number, so that a page keeps its terms as numbers
/// (four bytes each, and hashed as integers) rather than as references to strings.
/// </summary>
public sealed class TermCache
{
    private readonly ConcurrentDictionary<string, int> _wordIds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _wordSpans;
    private readonly Dictionary<string, int> _termIds = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    // Written under the gate, read without it: a number is handed out only once its term is in the array, and an
    // array that is replaced keeps every term it held.
    private volatile string[] _terms = new string[1024];

    public TermCache() => _wordSpans = _wordIds.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The number of the term (stem) of a word handed by <see cref="FrenchNormalizer.ForEachWord"/>: a string is made only for a word not seen yet.</summary>
    public int TermId(ReadOnlySpan<char> word)
    {
        if (_wordSpans.TryGetValue(word, out var id))
        {
            return id;
        }
        var text = word.ToString();
        return _wordIds.GetOrAdd(text, IdOfTerm(FrenchLightStemmer.Stem(text)));
    }

    /// <summary>The term that number <paramref name="id"/> stands for.</summary>
    public string Term(int id) => _terms[id];

    /// <summary>The term of a word: its stem.</summary>
    public string Stem(ReadOnlySpan<char> word) => Term(TermId(word));

    private int IdOfTerm(string term)
    {
        lock (_gate)
        {
            if (_termIds.TryGetValue(term, out var id))
            {
                return id;
            }
            id = _termIds.Count;
            var terms = _terms;
            if (id == terms.Length)
            {
                Array.Resize(ref terms, terms.Length * 2);
            }
            terms[id] = term;
            _terms = terms;
            _termIds[term] = id;
            return id;
        }
    }
}
