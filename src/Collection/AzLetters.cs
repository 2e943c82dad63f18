using System.Text;
using FichesSite.Text;

namespace FichesSite.Collection;

/// <summary>
/// The A–Z's letters: a sheet is filed under the first letter of its title once accents are set aside (« Échographie »
/// under E, « Œdème » under O, « ﬁbroscopie » under F); a title whose first letter or figure is not one of a–z (a figure,
/// a Greek or Cyrillic letter) under « 0-9 », listed last. Signs before it (« « », « ¿ ») are passed over.
/// </summary>
public static class AzLetters
{
    /// <summary>The key of titles that start with no letter of a–z: also the folder of its page.</summary>
    public const string Other = "0-9";

    /// <summary>Every key, in the order the A–Z shows them: a to z, then <see cref="Other"/>.</summary>
    public static readonly IReadOnlyList<string> All = [.. Enumerable.Range('a', 26).Select(c => ((char)c).ToString()), Other];

    /// <summary>The key of a sheet, from its title.</summary>
    public static string Of(string title)
    {
        foreach (var rune in title.EnumerateRunes())
        {
            if (!Rune.IsLetterOrDigit(rune))
            {
                continue;
            }
            // The compatibility decomposition takes ligatures and digraphs apart (ﬁ → fi, Ĳ → IJ), folding takes accents off
            // and writes œ as oe: the first character left is the letter a reader files the title under.
            var folded = AccentFolding.Fold(rune.ToString().Normalize(NormalizationForm.FormKD));
            return folded.Length > 0 && char.IsAsciiLetterLower(folded[0]) ? folded[..1] : Other;
        }
        return Other;
    }

    /// <summary>The key as the page shows it: the capital letter, or « 0-9 ».</summary>
    public static string Label(string key) => key == Other ? Other : key.ToUpperInvariant();
}
