using FichesSite.Pipeline;

namespace FichesSite.Content;

/// <summary>
/// The YAML header of a page: what a patient sheet needs to be identified, dated and traced.
/// Which fields a page type requires is declared in its content contract, not here.
/// </summary>
public sealed record FrontMatter(
    string Title,
    string Description,
    string Type,
    string? Layout,
    DateOnly? LastReviewed,
    DateOnly? NextReview,
    string? ReviewedBy,
    string? Version,
    IReadOnlyList<SourceReference> Sources,
    IReadOnlyDictionary<string, int> KeyLines)
{
    /// <summary>The slug of the sheet's service in services.yml (« service: »), or null.</summary>
    public string? Service { get; init; }

    /// <summary>The slugs of the sheet's themes in themes.yml (« themes: »), as written.</summary>
    public IReadOnlyList<string> Themes { get; init; } = [];

    public static readonly MetaKey<FrontMatter> Key = new("front-matter");

    /// <summary>Every key an author may write, in the order the authoring guide lists them.</summary>
    public static readonly IReadOnlyList<string> KnownKeys =
    [
        "title", "description", "type", "layout",
        "last_reviewed", "next_review", "reviewed_by", "version", "sources", "service", "themes",
    ];

    public const string DefaultType = "page";

    public bool Has(string key) => KeyLines.ContainsKey(key);

    /// <summary>Line of a key in the file, or the first line when the key is absent.</summary>
    public int LineOf(string key) => KeyLines.TryGetValue(key, out var line) ? line : 1;
}
