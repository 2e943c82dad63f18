using System.Runtime.CompilerServices;

namespace FichesSite.Search;

/// <summary>
/// A light French stemmer: Jacques Savoy's algorithm (« A stemming procedure and stopword list for general French
/// corpora », JASIS 50(10), 1999; the "light" variant published with his UniNE stemmers), the same rules that
/// Lucene's FrenchLightStemmer implements. Written here by hand from the published algorithm on purpose: the very
/// same rules run in the browser (theme/assets/js/search-normalize.js), and both are held equal by
/// tests/Site.Tests/Search/normalizer-golden.tsv. Lucene's class is used in the tests only, as an oracle.
///
/// Input is a token already folded by <see cref="FrenchNormalizer"/>: lower case, no diacritics. The original
/// rules whose suffixes carry accents (-ième, -ère, -ète) and the accent step of norm() can never match folded
/// text, so they are left out; on folded input this stemmer and Lucene's agree (see FrenchStemmerOracleTests).
/// </summary>
public static class FrenchLightStemmer
{
    public static string Stem(string word)
    {
        var letters = word.ToCharArray();
        return new string(letters, 0, StemInPlace(letters));
    }

    /// <summary>Stems the word held in <paramref name="s"/>, rewriting it there; returns the stem's length.</summary>
    public static int StemInPlace(Span<char> s)
    {
        var len = s.Length;

        // Plurals: -aux → -al (chevaux → cheval, but not bateaux), then a final x or s.
        if (len > 5 && s[len - 1] == 'x')
        {
            if (s[len - 3] == 'a' && s[len - 2] == 'u' && s[len - 4] != 'e')
            {
                s[len - 2] = 'l';
            }
            len--;
        }
        if (len > 3 && s[len - 1] == 'x')
        {
            len--;
        }
        if (len > 3 && s[len - 1] == 's')
        {
            len--;
        }

        if (len > 9 && EndsWith(s, len, "issement"))
        {
            len -= 6;
            s[len - 1] = 'r';
            return Norm(s, len);
        }
        if (len > 8 && EndsWith(s, len, "issant"))
        {
            len -= 4;
            s[len - 1] = 'r';
            return Norm(s, len);
        }
        if (len > 6 && EndsWith(s, len, "ement"))
        {
            len -= 4;
            if (len > 3 && EndsWith(s, len, "ive"))
            {
                len--;
                s[len - 1] = 'f';
            }
            return Norm(s, len);
        }
        if (len > 11 && EndsWith(s, len, "ficatrice"))
        {
            len -= 5;
            s[len - 2] = 'e';
            s[len - 1] = 'r';
            return Norm(s, len);
        }
        if (len > 10 && EndsWith(s, len, "ficateur"))
        {
            len -= 4;
            s[len - 2] = 'e';
            s[len - 1] = 'r';
            return Norm(s, len);
        }
        if (len > 9 && EndsWith(s, len, "catrice"))
        {
            len -= 3;
            s[len - 4] = 'q';
            s[len - 3] = 'u';
            s[len - 2] = 'e';
            return Norm(s, len);
        }
        if (len > 8 && EndsWith(s, len, "cateur"))
        {
            len -= 2;
            s[len - 4] = 'q';
            s[len - 3] = 'u';
            s[len - 2] = 'e';
            s[len - 1] = 'r';
            return Norm(s, len);
        }
        if (len > 8 && EndsWith(s, len, "atrice"))
        {
            len -= 4;
            s[len - 2] = 'e';
            s[len - 1] = 'r';
            return Norm(s, len);
        }
        if (len > 7 && EndsWith(s, len, "ateur"))
        {
            len -= 3;
            s[len - 2] = 'e';
            s[len - 1] = 'r';
            return Norm(s, len);
        }
        if (len > 6 && EndsWith(s, len, "trice"))
        {
            len--;
            s[len - 3] = 'e';
            s[len - 2] = 'u';
            s[len - 1] = 'r';
        }
        if (len > 7 && EndsWith(s, len, "teuse"))
        {
            len -= 2;
            s[len - 1] = 'r';
            return Norm(s, len);
        }
        if (len > 6 && EndsWith(s, len, "teur"))
        {
            len--;
            s[len - 1] = 'r';
            return Norm(s, len);
        }
        if (len > 5 && EndsWith(s, len, "euse"))
        {
            return Norm(s, len - 2);
        }
        if (len > 7 && EndsWith(s, len, "ive"))
        {
            len--;
            s[len - 1] = 'f';
            return Norm(s, len);
        }
        if (len > 4 && (EndsWith(s, len, "folle") || EndsWith(s, len, "molle")))
        {
            len -= 2;
            s[len - 1] = 'u';
            return Norm(s, len);
        }
        if (len > 9 && EndsWith(s, len, "nnelle"))
        {
            return Norm(s, len - 5);
        }
        if (len > 9 && EndsWith(s, len, "nnel"))
        {
            return Norm(s, len - 3);
        }
        if (len > 8 && EndsWith(s, len, "ique"))
        {
            len -= 4;
        }
        if (len > 8 && EndsWith(s, len, "esse"))
        {
            return Norm(s, len - 3);
        }
        if (len > 7 && EndsWith(s, len, "inage"))
        {
            return Norm(s, len - 3);
        }
        if (len > 9 && EndsWith(s, len, "isation"))
        {
            len -= 7;
            if (len > 5 && EndsWith(s, len, "ual"))
            {
                s[len - 2] = 'e';
            }
            return Norm(s, len);
        }
        if (len > 9 && EndsWith(s, len, "isateur"))
        {
            return Norm(s, len - 7);
        }
        if (len > 8 && EndsWith(s, len, "ation"))
        {
            return Norm(s, len - 5);
        }
        if (len > 8 && EndsWith(s, len, "ition"))
        {
            return Norm(s, len - 5);
        }
        return Norm(s, len);
    }

    // Savoy's final normalisation: doubled letters collapse, then a final -ie, -r, -e, -e and doubled letter go.
    private static int Norm(Span<char> s, int len)
    {
        if (len > 4)
        {
            // One pass that keeps the first letter of each run: removing letters one by one, as Lucene does, moves
            // the rest of the word each time, and a word of one repeated letter took the square of its length.
            var kept = 1;
            for (var i = 1; i < len; i++)
            {
                if (s[i] != s[kept - 1] || !char.IsLetter(s[i]))
                {
                    s[kept++] = s[i];
                }
            }
            len = kept;
        }
        if (len > 4 && EndsWith(s, len, "ie"))
        {
            len -= 2;
        }
        if (len > 4)
        {
            if (s[len - 1] == 'r')
            {
                len--;
            }
            if (s[len - 1] == 'e')
            {
                len--;
            }
            if (s[len - 1] == 'e')
            {
                len--;
            }
            if (s[len - 1] == s[len - 2] && char.IsLetter(s[len - 1]))
            {
                len--;
            }
        }
        return len;
    }

    // Every word past four letters meets some twenty of these checks: the last letter, compared here, rules out most
    // of them without a call to compare the rest.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool EndsWith(Span<char> s, int len, string suffix) =>
        len >= suffix.Length && s[len - 1] == suffix[^1] && s.Slice(len - suffix.Length, suffix.Length).SequenceEqual(suffix);
}
