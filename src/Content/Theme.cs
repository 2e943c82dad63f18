namespace FichesSite.Content;

/// <summary>A theme that groups sheets across services, from input/data/themes.yml.</summary>
/// <param name="Slug">Its key in themes.yml, as sheets name it (« themes: ») and as its page's address.</param>
/// <param name="Line">The line of its key in themes.yml, for messages about it.</param>
public sealed record Theme(string Slug, string Name, string? Description, int Line);
