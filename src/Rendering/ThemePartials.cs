using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace FichesSite.Rendering;

/// <summary>
/// The theme's partials (theme/partials/*.liquid), read once when the build starts and served to
/// Fluid's « {% include %} » from memory. Fluid asks its file provider for a partial at every include
/// of every page: from disk that was two system calls each time, tens of thousands in a large site;
/// and a partial saved while the preview rebuilds could otherwise differ between two pages of one build.
/// </summary>
public sealed class ThemePartials : IFileProvider
{
    // One date for all: Fluid keeps each parsed partial by name and date, so it parses each once.
    private static readonly DateTimeOffset ReadAt = DateTimeOffset.UnixEpoch;

    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    /// <param name="partials">Each partial's name (without « .liquid ») and the real path it is read from, inside the theme.</param>
    public ThemePartials(IReadOnlyDictionary<string, string> partials)
    {
        foreach (var (name, path) in partials)
        {
            _files[name + ".liquid"] = File.ReadAllBytes(path);
        }
    }

    public IFileInfo GetFileInfo(string subpath) =>
        _files.TryGetValue(subpath.TrimStart('/'), out var bytes)
            ? new Partial(subpath, bytes)
            : new NotFoundFileInfo(subpath);

    public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    private sealed class Partial(string name, byte[] bytes) : IFileInfo
    {
        public bool Exists => true;
        public long Length => bytes.Length;
        public string? PhysicalPath => null;
        public string Name => name;
        public DateTimeOffset LastModified => ReadAt;
        public bool IsDirectory => false;
        public Stream CreateReadStream() => new MemoryStream(bytes, writable: false);
    }
}
