using FichesSite.Text;

namespace FichesSite.Content;

/// <summary>
/// The terms of the glossary and the one way to find them in a text, shared by the page markup
/// (<see cref="GlossaryMarkupStage"/>) and the readability scores (which leave terms out of word
/// length and syllables). A term is found through the forms its entry lists, compared word by word
/// ignoring case and accents (« Métastases » is the form « métastases »); plurals are not guessed,
/// because French plurals are too irregular for a rule to be safe (« rachis », « os »).
/// </summary>
public sealed class GlossaryTerms
{
    /// <summary>The data file, relative to the content folder.</summary>
    public const string DataFile = "data/glossaire.yml";

    public static readonly GlossaryTerms Empty = new([]);

    /// <summary>The id of a term's definition in a sheet, beside its first use (<see cref="GlossaryTermRenderer"/>).</summary>
    public static string DefinitionId(GlossaryEntry entry) => "terme-" + entry.Id;

    /// <summary>The id of a letter's section on the glossary page: the letter a term's id starts with.</summary>
    public static string LetterId(char letter) => "lettre-" + letter;

    /// <summary>True for an id of the form <see cref="LetterId"/> makes.</summary>
    public static bool IsLetterId(string id) => id.Length == "lettre-".Length + 1 && id.StartsWith("lettre-", StringComparison.Ordinal);

    // A form of an entry: its folded words.
    private sealed record Form(string[] Words, GlossaryEntry Entry);

    // Forms by their first folded word, longest first, so that « anesthésie générale » wins over « anesthésie ».
    private readonly Dictionary<string, Form[]> _byFirstWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Form[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public GlossaryTerms(IReadOnlyList<GlossaryEntry> entries)
    {
        Entries = entries.OrderBy(e => AccentFolding.Fold(e.Term), StringComparer.Ordinal).ThenBy(e => e.Term, StringComparer.Ordinal).ToList();
        // Loops rather than LINQ over pairs, whose generic code the JIT compiled at every start.
        var forms = new Dictionary<string, List<Form>>(StringComparer.Ordinal);
        foreach (var entry in Entries)
        {
            foreach (var words in entry.Forms)
            {
                if (!forms.TryGetValue(words[0], out var sameFirstWord))
                {
                    forms[words[0]] = sameFirstWord = [];
                }
                // Longest first; forms of one length in the entries' order.
                var shorter = sameFirstWord.FindIndex(f => f.Words.Length < words.Length);
                sameFirstWord.Insert(shorter < 0 ? sameFirstWord.Count : shorter, new Form(words, entry));
            }
        }
        foreach (var (first, sameFirstWord) in forms)
        {
            _byFirstWord[first] = [.. sameFirstWord];
        }
        _lookup = _byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var first in _byFirstWord.Keys)
        {
            if (first.Length > MaxWordLength || first[0] >= FirstLetters)
            {
                _unusualFirstWord = true;
                continue;
            }
            _firstWordShapes[Shape(first[0], first.Length)] = true;
            _firstLetters[first[0]] = true;
        }
    }

    // The first letter and length of every form's first word (folded): most words of a text share neither with any
    // term, and are dismissed without being folded and looked up. Readability and the glossary both ask for every word
    // of every sheet, and the fold and look-up were the larger part of what they spent per word.
    private const int FirstLetters = 128;
    private readonly bool[] _firstWordShapes = new bool[FirstLetters * (MaxWordLength + 1)];
    private readonly bool[] _firstLetters = new bool[FirstLetters]; // asked first: the word's length takes a pass over it

    // A form whose first word starts outside ASCII or is too long for the table: every word is then looked up.
    private readonly bool _unusualFirstWord;

    private static int Shape(char first, int length) => first * (MaxWordLength + 1) + length;

    // False when no form can start with this word; true when one may (the look-up decides).
    private bool MayStartForm(ReadOnlySpan<char> word)
    {
        if (_unusualFirstWord)
        {
            return true;
        }
        var first = FrenchWords.FoldedFirst(word[0]);
        if (first >= FirstLetters || !_firstLetters[first])
        {
            return false;
        }
        var length = FrenchWords.FoldedLength(word);
        return length <= MaxWordLength && _firstWordShapes[Shape(first, length)];
    }

    /// <summary>Every entry, A to Z by the folded term.</summary>
    public IReadOnlyList<GlossaryEntry> Entries { get; }

    public bool IsEmpty => Entries.Count == 0;

    private const int MaxWordLength = 64;

    /// <summary>
    /// The entry whose form starts at <c>words[index]</c> of <paramref name="text"/>, and how many words
    /// the form covers (0 when none). The words of a form of several words must be separated by spaces only.
    /// </summary>
    public int MatchAt(ReadOnlySpan<char> text, IReadOnlyList<WordSpan> words, int index, out GlossaryEntry? entry)
    {
        entry = null;
        if (_byFirstWord.Count == 0 || !MayStartForm(text.Slice(words[index].Start, words[index].Length)))
        {
            return 0;
        }
        Span<char> folded = stackalloc char[MaxWordLength];
        var length = FrenchWords.Fold(text.Slice(words[index].Start, words[index].Length), folded);
        if (length <= 0 || !_lookup.TryGetValue(folded[..length], out var candidates))
        {
            return 0;
        }
        foreach (var (formWords, candidate) in candidates)
        {
            if (Matches(text, words, index, formWords, folded))
            {
                entry = candidate;
                return formWords.Length;
            }
        }
        return 0;
    }

    private static bool Matches(ReadOnlySpan<char> text, IReadOnlyList<WordSpan> words, int index, string[] formWords, Span<char> buffer)
    {
        if (index + formWords.Length > words.Count)
        {
            return false;
        }
        for (var k = 1; k < formWords.Length; k++)
        {
            var previous = words[index + k - 1];
            var word = words[index + k];
            if (!text[previous.End..word.Start].IsWhiteSpace())
            {
                return false; // « anesthésie, générale » is not the term
            }
            var length = FrenchWords.Fold(text.Slice(word.Start, word.Length), buffer);
            if (length < 0 || !buffer[..length].SequenceEqual(formWords[k]))
            {
                return false;
            }
        }
        return true;
    }
}
