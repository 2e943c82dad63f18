using System.Collections.Frozen;
using System.Runtime.CompilerServices;

namespace FichesSite.Quality.Readability;

/// <summary>
/// Counts the syllables of a French word as it is said, from its spelling. Written by hand: no
/// library counts French syllables, and the readability scores only need a close, stable count.
/// The target is the spoken count of standard French where a final mute « e » is silent and an inner
/// « e » is said (« fracture » 2, « traitement » 3, « rapidement » 4). docs/guide-redaction.md repeats
/// these rules for authors; tests/Site.Tests/Quality/Readability/FrenchSyllablesTests.cs holds the word list.
/// <list type="number">
/// <item>Vowels are a e i o u y and their accented forms, œ and æ. « u » after « q », and after « g »
/// before e/i/y, is not a vowel (« que », « longue », « guérison »).</item>
/// <item>Each group of vowels that follow one another is one syllable (« oi », « eau », « ou », « ai »,
/// « ie », « io » in « tion »: « intervention » 4).</item>
/// <item>A group is cut, giving one more syllable:
///   before a letter with a diaeresis (« naïf », « Noël »);
///   before « é è ê », except after « i » (« poésie » 3, but « pitié » 2);
///   after « é » (« réalisée », « créé »);
///   before a « y » between two vowels (« payer », « moyen »);
///   after « i », « y » or « u » (not « ui ») that follows a consonant and « l » or « r »,
///   where French cannot glide (« client », « cryothérapie », « ouvrière »; but « pluie » 1).</item>
/// <item>A final group that is a bare « e », alone or before « s » or « nt », is silent when the word has
/// another syllable (« fracture(s) » 2, « peuvent » 1; « le », « les » keep theirs). A final « ent » is
/// said, though, in words ending in « ment » (« traitement », « ciment ») and in the nouns, adjectives
/// and adverbs of <see cref="SaidEnt"/> (« souvent », « patient » needs no rule: « ie » is one group).</item>
/// <item>Every word has at least one syllable (« h », a unit).</item>
/// </list>
/// Known misses, accepted: « pays » (1, said 2), « zoo », « fluide » (a hiatus after « u »).
/// </summary>
public static class FrenchSyllables
{
    /// <summary>Words in « -ent » whose ending is said (not verbs in « ils … -ent »), lower case.</summary>
    private static readonly FrozenSet<string> SaidEnt = FrozenSet.ToFrozenSet(
    [
        "absent", "accident", "adolescent", "agent", "apparent", "ardent", "argent", "client", "compétent",
        "continent", "décent", "différent", "équivalent", "évident", "excellent", "fréquent", "incident",
        "innocent", "intelligent", "parent", "permanent", "précédent", "présent", "prudent", "récent",
        "serpent", "souvent", "talent", "transparent", "urgent", "violent",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SaidEntLookup =
        SaidEnt.GetAlternateLookup<ReadOnlySpan<char>>();

    private const int MaxWordLength = 64;

    public static int Count(ReadOnlySpan<char> word)
    {
        if (word.Length > MaxWordLength)
        {
            word = word[..MaxWordLength]; // not a word anyone reads; keep the count bounded and the buffer on the stack
        }
        Span<char> lower = stackalloc char[MaxWordLength]; // a constant size: no variable stack allocation per word
        var n = 0;
        foreach (var c in word)
        {
            if (c is >= '\u0300' and <= '\u036F')
            {
                continue; // a combining accent: rare, and the base letter already says vowel or not
            }
            lower[n++] = Lower(c);
        }
        lower = lower[..n];

        var groups = 0;
        var lastGroupStart = -1;
        var previousWasVowel = false;
        for (var i = 0; i < lower.Length; i++)
        {
            var c = lower[i];
            if (!IsVowelAt(lower, i))
            {
                previousWasVowel = false;
                continue;
            }
            if (!previousWasVowel || StartsNewGroup(lower, i))
            {
                groups++;
                lastGroupStart = i;
            }
            previousWasVowel = true;
        }
        if (groups > 1 && FinalMuteE(lower, lastGroupStart))
        {
            groups--;
        }
        return Math.Max(groups, 1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)] // once per letter of every word
    private static bool IsVowelAt(ReadOnlySpan<char> w, int i)
    {
        var c = w[i];
        if (!IsVowel(c))
        {
            return false;
        }
        if (c == 'u' && i > 0)
        {
            var before = w[i - 1];
            if (before == 'q')
            {
                return false;
            }
            if (before == 'g' && i + 1 < w.Length && w[i + 1] is 'e' or 'é' or 'è' or 'ê' or 'i' or 'y')
            {
                return false;
            }
        }
        return true;
    }

    // Called for a vowel that follows another vowel: true when the two are said apart.
    private static bool StartsNewGroup(ReadOnlySpan<char> w, int i)
    {
        var c = w[i];
        var before = w[i - 1];
        if (c is 'ë' or 'ï' or 'ü' or 'ÿ')
        {
            return true;
        }
        if (c is 'é' or 'è' or 'ê' && before != 'i')
        {
            return true;
        }
        if (before == 'é')
        {
            return true;
        }
        if (c == 'y' && i + 1 < w.Length && IsVowel(w[i + 1]))
        {
            return true;
        }
        // « cli-ent », « cry-o »: after a consonant and l or r, i, y and u (but « ui ») cannot glide into the next vowel.
        var couldGlide = before is 'i' or 'y' || (before == 'u' && c != 'i');
        return couldGlide && i >= 3 && w[i - 2] is 'l' or 'r' && IsObstruent(w[i - 3]);
    }

    private static bool FinalMuteE(ReadOnlySpan<char> w, int groupStart)
    {
        if (w[groupStart] != 'e' || (groupStart + 1 < w.Length && IsVowelAt(w, groupStart + 1)))
        {
            return false; // the last group is not a bare « e »
        }
        var tail = w[(groupStart + 1)..];
        if (tail.IsEmpty || tail is "s")
        {
            return true;
        }
        if (tail is "nt")
        {
            return !w.EndsWith("ment") && !SaidEntLookup.Contains(w);
        }
        return false;
    }

    // The lower-case vowels, as a table up to « œ » (U+0153): this runs for every letter of every sheet, and a
    // chain of 23 comparisons made the syllable count most of the readability stage's time.
    private static readonly bool[] Vowels = VowelTable("aeiouyàâäéèêëîïôöùûüÿœæ");

    private static bool[] VowelTable(string vowels)
    {
        var table = new bool[vowels.Max() + 1];
        foreach (var vowel in vowels)
        {
            table[vowel] = true;
        }
        return table;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)] // as IsVowelAt: once per letter; native code did not inline it
    private static bool IsVowel(char c) => c < Vowels.Length && Vowels[c];

    private static bool IsObstruent(char c) => c is 'b' or 'c' or 'd' or 'f' or 'g' or 'k' or 'p' or 't' or 'v';

    // Culture-free lower case for the letters French uses (ToLowerInvariant may leave « É » alone
    // under invariant globalisation on some runtimes), as a table up to « Ÿ » (U+0178) for the same reason as Vowels.
    private static readonly char[] LowerCase = Enumerable.Range(0, 'Ÿ' + 1).Select(i => (char)i switch
    {
        >= 'A' and <= 'Z' and var c => (char)(c + 32),
        >= 'À' and <= 'Þ' and not '×' and var c => (char)(c + 32),
        'Œ' => 'œ',
        'Ÿ' => 'ÿ',
        var c => c,
    }).ToArray();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static char Lower(char c) => c < LowerCase.Length ? LowerCase[c] : c;
}
