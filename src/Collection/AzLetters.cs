namespace FichesSite.Collection;

/// <summary>
/// The A–Z's letters: a sheet is filed under the first letter of its title once accents are set aside (« Échographie »
/// under E, « Œdème » under O); a title that starts with anything else (a figure, a sign) under « 0-9 », listed last.
/// </summary>
public static class AzLetters
{
    /// <summary>The key of titles that start with no letter: also the folder of its page.</summary>
    public const string Other = "0-9";

    /// <summary>Every key, in the order the A–Z shows them: a to z, then <see cref="Other"/>.</summary>
    public static readonly IReadOnlyList<string> All = [.. Enumerable.Range('a', 26).Select(c => ((char)c).ToString()), Other];

    /// <summary>The key of a sheet, from its folded title (<see cref="SheetSummary.SortKey"/>).</summary>
    public static string Of(string sortKey) => sortKey.Length > 0 && char.IsAsciiLetterLower(sortKey[0]) ? sortKey[..1] : Other;

    /// <summary>The key as the page shows it: the capital letter, or « 0-9 ».</summary>
    public static string Label(string key) => key == Other ? Other : key.ToUpperInvariant();
}
