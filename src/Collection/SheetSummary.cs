using FichesSite.Content;
using FichesSite.Text;

namespace FichesSite.Collection;

/// <summary>What the collection's lists show of a sheet, and what they sort and group it by.</summary>
public sealed record SheetSummary(string Path, string Title, string Description, string? Service, IReadOnlyList<string> Themes, DateOnly? LastReviewed)
{
    /// <summary>The order of every list of sheets: by title as a reader sorts it (accents and case ignored), then by address.</summary>
    public static readonly IComparer<SheetSummary> ByTitle = Comparer<SheetSummary>.Create((a, b) =>
        string.CompareOrdinal(a.SortKey, b.SortKey) is var byTitle and not 0 ? byTitle : string.CompareOrdinal(a.Path, b.Path));

    /// <summary>The folded title, ligatures taken apart first (« ﬁbroscopie » sorts as « fibroscopie »).</summary>
    public string SortKey { get; } = AccentFolding.Fold(Title.Normalize(System.Text.NormalizationForm.FormKD));

    public static SheetSummary Of(string path, FrontMatter frontMatter) =>
        new(path, frontMatter.Title, frontMatter.Description, frontMatter.Service, frontMatter.Themes, frontMatter.LastReviewed);
}
