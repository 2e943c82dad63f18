namespace FichesSite.Search;

/// <summary>
/// The build's search terms, each with a number, shared by the pages of one build: a page keeps its terms as numbers
/// (four bytes each, and hashed as integers) rather than as references to strings. A word is stemmed where it is
/// read, in place, and its stem looked up without making a string: a string is made only for a term not seen yet,
/// so the cost of a word does not depend on how many distinct words the site holds.
/// </summary>
/// <remarks>
/// The look-up is the stage's largest cost on a site with a real vocabulary, and most of it is waiting for memory: a
/// large site's terms do not fit the processor's cache. So the table is open addressing over one array of slots, each
/// the term's hash, its number and where its characters lie in one shared array of characters: a word costs a read
/// of its slot and, when the hashes match, one of its characters, where a slot pointing at a string (itself reached
/// through an array of strings) costs three. Pages are read on every core: a slot is written once, its number last,
/// and a reader reads the number first, so it never sees half of one; a reader that does not find a term asks again
/// under the gate, where terms are added.
/// </remarks>
public sealed class TermCache
{
    // The longest word stemmed on the stack; a longer one (a pasted address, a hostile run of letters) gets an array.
    private const int StackWordLength = 128;

    private struct Slot
    {
        public int Hash;
        public int NumberPlusOne; // 0: an empty slot
        public int Start;
        public int Length;
    }

    private readonly Lock _gate = new();
    // Written under the gate, read without it. A slot is published only once its term's characters and bounds are in
    // these arrays, and an array that is replaced keeps everything it held.
    private volatile int[] _bounds = new int[2 * 1024]; // by number: where the term's characters start, and how many
    private volatile char[] _characters = new char[16 * 1024];
    private volatile Slot[] _slots = new Slot[2048]; // at most half full
    private int _count;
    private int _charactersUsed;

    /// <summary>The number of the term (stem) of a word handed by <see cref="FrenchNormalizer.ForEachWord"/>.</summary>
    public int TermId(ReadOnlySpan<char> word)
    {
        var stem = word.Length <= StackWordLength ? stackalloc char[word.Length] : new char[word.Length];
        word.CopyTo(stem);
        stem = stem[..FrenchLightStemmer.StemInPlace(stem)];
        var hash = string.GetHashCode(stem);
        return Find(_slots, stem, hash) is var id and >= 0 ? id : IdOfNewTerm(stem, hash);
    }

    /// <summary>
    /// Words gathered to be looked up together (<see cref="Add"/>, then <see cref="Resolve"/>): one per thread, reused.
    /// </summary>
    public sealed class WordBatch
    {
        /// <summary>Past this many words, <see cref="Add"/> asks for the batch to be resolved.</summary>
        public const int Size = 64;

        internal char[] Characters { get; set; } = new char[Size * 16];
        internal int Used { get; set; }
        internal (int Start, int Length, int Hash)[] Words { get; } = new (int, int, int)[Size];
        internal int Count { get; set; }

        /// <summary>The gathered words' numbers, in order, once resolved.</summary>
        public int[] Numbers { get; } = new int[Size];

        public bool IsFull => Count == Size;

        // Written by Resolve and never read: the sum of its early reads.
        internal int Touched { get; set; }
    }

    /// <summary>Stems a word into the batch; <see cref="Resolve"/> gives its number with the others'.</summary>
    public void Add(WordBatch batch, ReadOnlySpan<char> word)
    {
        if (batch.Used + word.Length > batch.Characters.Length)
        {
            var characters = batch.Characters;
            Array.Resize(ref characters, Math.Max(characters.Length * 2, batch.Used + word.Length));
            batch.Characters = characters;
        }
        var stem = batch.Characters.AsSpan(batch.Used, word.Length);
        word.CopyTo(stem);
        var length = FrenchLightStemmer.StemInPlace(stem);
        batch.Words[batch.Count++] = (batch.Used, length, string.GetHashCode(stem[..length]));
        batch.Used += length;
    }

    /// <summary>Numbers the batch's words into <see cref="WordBatch.Numbers"/> and empties it; returns how many.</summary>
    /// <remarks>
    /// On a large site most look-ups wait for memory (see the class's remarks). Looked up one by one, each word waits
    /// for its slot, then for its characters; here the slots of all the batch's words are read first, then the
    /// characters of those whose hash matches, then each word is found: reads that do not depend on each other are
    /// in flight together, so the batch waits for memory about twice rather than twice per word.
    /// </remarks>
    public int Resolve(WordBatch batch)
    {
        var slots = _slots;
        var characters = _characters;
        var mask = slots.Length - 1;
        var words = batch.Words.AsSpan(0, batch.Count);
        var touched = 0;
        foreach (var (_, _, hash) in words)
        {
            touched ^= slots[hash & mask].Start;
        }
        foreach (var (_, length, hash) in words)
        {
            ref var slot = ref slots[hash & mask];
            if (slot.Hash == hash && slot.Length == length && (uint)slot.Start < (uint)characters.Length)
            {
                touched ^= characters[slot.Start];
            }
        }
        batch.Touched = touched; // kept, so that the reads above are not left out as unused
        for (var i = 0; i < words.Length; i++)
        {
            var (start, length, hash) = words[i];
            var stem = batch.Characters.AsSpan(start, length);
            batch.Numbers[i] = Find(_slots, stem, hash) is var id and >= 0 ? id : IdOfNewTerm(stem, hash);
        }
        var count = batch.Count;
        batch.Count = 0;
        batch.Used = 0;
        return count;
    }

    /// <summary>How many terms have a number: numbers run from 0 to Count − 1.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>The term that number <paramref name="id"/> stands for.</summary>
    public string Term(int id)
    {
        // Made on demand: the index asks once per term, at the end of the build, and strings held for every term
        // all along would weigh more than the characters.
        var bounds = _bounds;
        return new string(_characters.AsSpan(bounds[2 * id], bounds[2 * id + 1]));
    }

    /// <summary>The term of a word: its stem.</summary>
    public string Stem(ReadOnlySpan<char> word) => Term(TermId(word));

    // The term's number, or -1 when these slots do not hold it.
    private int Find(Slot[] slots, ReadOnlySpan<char> term, int hash)
    {
        var mask = slots.Length - 1;
        for (var i = hash & mask; ; i = (i + 1) & mask)
        {
            ref var slot = ref slots[i];
            var numberPlusOne = Volatile.Read(ref slot.NumberPlusOne);
            if (numberPlusOne == 0)
            {
                return -1;
            }
            if (slot.Hash == hash && slot.Length == term.Length && term.SequenceEqual(_characters.AsSpan(slot.Start, slot.Length)))
            {
                return numberPlusOne - 1;
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
            var id = _count;
            var characters = _characters;
            if (_charactersUsed + term.Length > characters.Length)
            {
                Array.Resize(ref characters, Math.Max(characters.Length * 2, _charactersUsed + term.Length));
            }
            var start = _charactersUsed;
            term.CopyTo(characters.AsSpan(start));
            _charactersUsed += term.Length;
            _characters = characters;
            var bounds = _bounds;
            if (2 * id == bounds.Length)
            {
                Array.Resize(ref bounds, bounds.Length * 2);
            }
            bounds[2 * id] = start;
            bounds[2 * id + 1] = term.Length;
            _bounds = bounds;
            var slots = _slots;
            if (2 * (id + 1) > slots.Length)
            {
                // A larger table, filled before it replaces the old one: readers of the old one still find every
                // term it held, and ask under the gate for the others.
                var larger = new Slot[slots.Length * 2];
                foreach (var old in slots)
                {
                    if (old.NumberPlusOne != 0)
                    {
                        Place(larger, old.Hash, old.NumberPlusOne - 1, old.Start, old.Length);
                    }
                }
                slots = larger;
            }
            Place(slots, hash, id, start, term.Length);
            _slots = slots;
            Volatile.Write(ref _count, id + 1); // last: every number under Count has its term
            return id;
        }
    }

    private static void Place(Slot[] slots, int hash, int id, int start, int length)
    {
        var mask = slots.Length - 1;
        var i = hash & mask;
        while (slots[i].NumberPlusOne != 0)
        {
            i = (i + 1) & mask;
        }
        ref var slot = ref slots[i];
        slot.Hash = hash;
        slot.Start = start;
        slot.Length = length;
        Volatile.Write(ref slot.NumberPlusOne, id + 1); // last: a reader that sees the number sees the rest
    }
}
