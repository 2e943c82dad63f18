using System.Collections.Immutable;

namespace FichesSite.Pipeline;

/// <summary>
/// What site stages make for the whole site rather than for one page (the template model, the search index's
/// files, the reports), handed on by the runner to every later stage, as a page's metadata is handed on with it.
/// Immutable: a stage returns new products rather than changing the ones it was given.
/// </summary>
public sealed class SiteProducts
{
    public static readonly SiteProducts None = new(ImmutableDictionary<string, object>.Empty);

    private readonly ImmutableDictionary<string, object> _values;

    private SiteProducts(ImmutableDictionary<string, object> values) => _values = values;

    public SiteProducts With<T>(MetaKey<T> key, T value) where T : notnull => new(_values.SetItem(key.Name, value));

    /// <summary>These products and those of <paramref name="other"/>, its own taking precedence.</summary>
    public SiteProducts With(SiteProducts other) => new(_values.SetItems(other._values));

    public T Get<T>(MetaKey<T> key) =>
        _values.TryGetValue(key.Name, out var value)
            ? (T)value
            : throw new InvalidOperationException($"No site product '{key.Name}' yet; the stage that makes it must run before the one that reads it.");

    /// <summary>Disposes the products that hold something until the build ends (a staged file), each even if one before throws.</summary>
    public void DisposeHeld()
    {
        List<Exception>? failures = null;
        foreach (var held in _values.Values.OfType<IDisposable>())
        {
            try
            {
                held.Dispose();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                (failures ??= []).Add(e);
            }
        }
        if (failures is not null)
        {
            throw new AggregateException(failures);
        }
    }

    public bool TryGet<T>(MetaKey<T> key, out T value)
    {
        if (_values.TryGetValue(key.Name, out var found))
        {
            value = (T)found;
            return true;
        }
        value = default!;
        return false;
    }
}

/// <summary>The build at one point between two site stages: every page, and what was made for the whole site.</summary>
public sealed record BuildState(IReadOnlyList<Document> Documents, SiteProducts Products)
{
    public static readonly BuildState Empty = new([], SiteProducts.None);

    public BuildState With<T>(MetaKey<T> key, T value) where T : notnull => this with { Products = Products.With(key, value) };
}
