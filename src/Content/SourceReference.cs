namespace FichesSite.Content;

/// <summary>
/// One reference a sheet is based on, as the HAS guide on written patient information asks:
/// what it is, who published it and when, and where to read it when it is online.
/// </summary>
public sealed record SourceReference(string Title, string Publisher, int Year, string? Url);
