using System.Collections.Concurrent;

namespace FichesSite.Search;

/// <summary>
/// The build's search terms, each with a number, shared by the pages of one build: a page keeps its terms as numbers
/// (four bytes each, and hashed as integers) rather than as references to strings. A word is stemmed where it is
/// read, in place, and its stem looked up without making a string: a string is made only for a term not seen yet,
/// so the cost of a word does not depend on how many distinct words the site holds.
/// </summary>
public sealed class TermCache
{
    // The longest word stemmed on the stack; a longer one (a pasted address, a hostile run of letters) gets an array.
    private const int StackWordLength = 128;

    private readonly ConcurrentDictionary<string, int> _termIds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _termSpans;
    private readonly Lock _gate = new();
    // Written under the gate, read without it: a number is handed out only once its term is in the array, and an
    // array that is replaced keeps every term it held.
    private volatile string[] _terms = new string[1024];
    // Counted under the gate: the dictionary's own Count takes every one of its locks.
    private int _count;

    public TermCache() => _termSpans = _termIds.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The number of the term (stem) of a word handed by <see cref="FrenchNormalizer.ForEachWord"/>.</summary>
    public int TermId(ReadOnlySpan<char> word)
    {
        var stem = word.Length <= StackWordLength ? stackalloc char[word.Length] : new char[word.Length];
        word.CopyTo(stem);
        stem = stem[..FrenchLightStemmer.StemInPlace(stem)];
        return _termSpans.TryGetValue(stem, out var id) ? id : IdOfNewTerm(stem.ToString());
    }

    /// <summary>The term that number <paramref name="id"/> stands for.</summary>
    public string Term(int id) => _terms[id];

    /// <summary>The term of a word: its stem.</summary>
    public string Stem(ReadOnlySpan<char> word) => Term(TermId(word));

    // Only for a term not seen yet (another thread may have added it meanwhile): the gate orders the numbers.
    private int IdOfNewTerm(string term)
    {
        lock (_gate)
        {
            if (_termIds.TryGetValue(term, out var id))
            {
                return id;
            }
            id = _count++;
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
