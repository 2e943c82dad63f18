namespace FichesSite.Pipeline;

/// <summary>
/// A typed name for one piece of document metadata. The concept that produces a value declares
/// its key next to its type, so readers get the type back without casts or magic strings.
/// </summary>
public sealed record MetaKey<T>(string Name);
