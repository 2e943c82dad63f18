using CsCheck;
using FichesSite.Search;

namespace FichesSite.Tests.Search;

/// <summary>
/// The build's term numbers: a word's number is its stem's, whichever thread asks first, and the number gives the stem
/// back; a word longer than the stack buffer is stemmed like any other.
/// </summary>
public sealed class TermCacheTests
{
    [Fact]
    public void Every_word_gets_the_number_of_its_stem_whichever_thread_asks_first()
    {
        var letters = Gen.Char["abcdefilmnoqrstuvxz"];
        var word = Gen.OneOf(letters.Array[1, 14], letters.Array[120, 140]).Select(c => new string(c));
        word.Array[50, 400].Sample(words =>
        {
            var cache = new TermCache();
            var ids = new int[words.Length];
            Parallel.For(0, words.Length, i => ids[i] = cache.TermId(words[i]));
            for (var i = 0; i < words.Length; i++)
            {
                var stem = FrenchLightStemmer.Stem(words[i]);
                Assert.Equal(stem, cache.Term(ids[i]));
                Assert.Equal(ids[i], cache.TermId(words[i])); // asked again: the same number
            }
            // Two words with one stem share a number; two stems never do.
            var byStem = words.Select((w, i) => (Stem: FrenchLightStemmer.Stem(w), Id: ids[i])).Distinct().ToList();
            Assert.Equal(byStem.Select(p => p.Stem).Distinct().Count(), byStem.Count);
            Assert.Equal(byStem.Select(p => p.Id).Distinct().Count(), byStem.Count);
        }, iter: 200);
    }
}
