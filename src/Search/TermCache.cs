namespace FichesSite.Search;

/// <summary>
/// The build's search terms, each with a number, shared by the pages of one build: a page keeps its terms as numbers
/// (four bytes each, and hashed as integers) rather than as references to strings. A word is stemmed where it is
/// read, in place, and its stem looked up without making a string: a string is made only for a term not seen yet,
/// so the cost of a word does not depend on how many distinct words the site holds.
/// </summary>
/// <remarks>
/// The look-up is the stage's largest cost on a site with a real vocabulary, and most of it is waiting for memory: a
/// large site's terms do not fit the processor's cache. So the table is open addressing over one array of longs, each
/// slot the term's hash and its number, and the term's characters are read only when the hashes match: one or two
/// reads from memory a word where a dictionary of nodes takes three or four. Pages are read on every core: a slot is
/// one long, written whole once its term is in <see cref="_terms"/>, so a reader never sees half of one; a reader that
/// does not find a term asks again under the gate, where terms are added.
/// </remarks>
public sealed class TermCache
{
    // The longest word stemmed on the stack; a longer one (a pasted address, a hostile run of letters) gets an array.
    private const int StackWordLength = 128;

    private readonly Lock _gate = new();
    // Written under the gate, read without it: a number is handed out only once its term is in the array, and an
    // array that is replaced keeps every term it held.
    private volatile string[] _terms = new string[1024];
    // Each slot: the term's hash in the high half, its number + 1 in the low half (0: an empty slot). At most half full.
    private volatile long[] _slots = new long[2048];
    private int _count;

    /// <summary>The number of the term (stem) of a word handed by <see cref="FrenchNormalizer.ForEachWord"/>.</summary>
    public int TermId(ReadOnlySpan<char> word)
    {
        var stem = word.Length <= StackWordLength ? stackalloc char[word.Length] : new char[word.Length];
        word.CopyTo(stem);
        stem = stem[..FrenchLightStemmer.StemInPlace(stem)];
        var hash = string.GetHashCode(stem);
        return Find(_slots, stem, hash) is var id and >= 0 ? id : IdOfNewTerm(stem, hash);
    }

    /// <summary>The term that number <paramref name="id"/> stands for.</summary>
    public string Term(int id) => _terms[id];

    /// <summary>The term of a word: its stem.</summary>
    public string Stem(ReadOnlySpan<char> word) => Term(TermId(word));

    // The term's number, or -1 when these slots do not hold it.
    private int Find(long[] slots, ReadOnlySpan<char> term, int hash)
    {
        var mask = slots.Length - 1;
        for (var i = hash & mask; ; i = (i + 1) & mask)
        {
            var slot = Volatile.Read(ref slots[i]);
            if (slot == 0)
            {
                return -1;
            }
            if ((int)(slot >> 32) == hash && term.SequenceEqual(_terms[(int)slot - 1]))
            {
                return (int)slot - 1;
            }
        }
    }

    // Only for a term not seen yet (another thread may have added it meanwhile): the gate orders the numbers.
    private int IdOfNewTerm(ReadOnlySpan<char> term, int hash)
    {
        lock (_gate)
        {
            if (Find(_slots, term, hash) is var known and >= 0)
            {
                return known;
            }
            var id = _count++;
            var terms = _terms;
            if (id == terms.Length)
            {
                Array.Resize(ref terms, terms.Length * 2);
            }
            terms[id] = term.ToString();
            _terms = terms;
            var slots = _slots;
            if (2 * _count > slots.Length)
            {
                // A larger table, filled before it replaces the old one: readers of the old one still find every
                // term it held, and ask under the gate for the others.
                slots = new long[slots.Length * 2];
                for (var other = 0; other < id; other++)
                {
                    Place(slots, string.GetHashCode(terms[other]), other);
                }
                Place(slots, hash, id);
                _slots = slots;
                return id;
            }
            Place(slots, hash, id);
            return id;
        }
    }

    private static void Place(long[] slots, int hash, int id)
    {
        var mask = slots.Length - 1;
        var i = hash & mask;
        while (slots[i] != 0)
        {
            i = (i + 1) & mask;
        }
        Volatile.Write(ref slots[i], (long)hash << 32 | (uint)(id + 1));
    }
}
