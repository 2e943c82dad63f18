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

    [Fact]
    public void Words_looked_up_in_batches_get_the_numbers_they_get_one_by_one()
    {
        // Latin-1 and other letters, short and long words (longer than the batch's first buffer and the stack's).
        var letters = Gen.Char["aeéèiïlmnoœrstuxzαβ中"];
        var word = Gen.OneOf(letters.Array[1, 14], letters.Array[120, 300]).Select(c => new string(c));
        Gen.Select(word.Array[1, 300], Gen.Int[1, 4]).Sample((words, threads) =>
        {
            var batched = new TermCache();
            var numbers = new int[words.Length];
            // Each thread its own batch and its share of the words, resolved whenever the batch fills and at the end.
            Parallel.For(0, threads, t =>
            {
                var batch = new TermCache.WordBatch();
                var pending = new List<int>();
                void Resolve()
                {
                    var count = batched.Resolve(batch);
                    Assert.Equal(pending.Count, count);
                    for (var k = 0; k < count; k++)
                    {
                        numbers[pending[k]] = batch.Numbers[k];
                    }
                    pending.Clear();
                }
                for (var i = t; i < words.Length; i += threads)
                {
                    batched.Add(batch, words[i]);
                    pending.Add(i);
                    if (batch.IsFull)
                    {
                        Resolve();
                    }
                }
                Resolve();
            });
            for (var i = 0; i < words.Length; i++)
            {
                Assert.Equal(FrenchLightStemmer.Stem(words[i]), batched.Term(numbers[i]));
                Assert.Equal(numbers[i], batched.TermId(words[i])); // one by one: the same number
            }
            Assert.Equal(words.Select(FrenchLightStemmer.Stem).Distinct().Count(), batched.Count);
        }, iter: 200);
    }
}
