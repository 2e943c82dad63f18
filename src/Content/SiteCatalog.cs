using FichesSite.Text;

namespace FichesSite.Content;

/// <summary>
/// The services and themes a hospital declares (input/data/services.yml and themes.yml), which sheets name in their
/// header (« service: », « themes: »), in the order of their names.
/// </summary>
public sealed class SiteCatalog(IReadOnlyList<Service> services, IReadOnlyList<Theme> themes)
{
    /// <summary>The data files, relative to the content folder.</summary>
    public const string ServicesFile = "data/services.yml";
    public const string ThemesFile = "data/themes.yml";

    public static readonly SiteCatalog Empty = new([], []);

    private readonly Dictionary<string, Service> _services = services.ToDictionary(s => s.Slug, StringComparer.Ordinal);
    private readonly Dictionary<string, Theme> _themes = themes.ToDictionary(t => t.Slug, StringComparer.Ordinal);

    public IReadOnlyList<Service> Services { get; } = Ordered(services, s => s.Name, s => s.Slug);

    public IReadOnlyList<Theme> Themes { get; } = Ordered(themes, t => t.Name, t => t.Slug);

    public Service? Service(string slug) => _services.GetValueOrDefault(slug);

    public Theme? Theme(string slug) => _themes.GetValueOrDefault(slug);

    // By name as a reader sorts it (accents ignored), then by slug so that the order never depends on the file's.
    private static List<T> Ordered<T>(IEnumerable<T> items, Func<T, string> name, Func<T, string> slug) =>
        items.OrderBy(i => AccentFolding.Fold(name(i)), StringComparer.Ordinal).ThenBy(slug, StringComparer.Ordinal).ToList();
}
