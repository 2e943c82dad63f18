using System.Collections.Concurrent;

namespace FichesSite.Text;

/// <summary>
/// One string per distinct value, shared by the pages of a build. The pages of a site repeat the same addresses
/// and ids (the header's and footer's links, the sections' anchors): kept once each rather than once per page,
/// 10,000 pages hold a few thousand strings instead of hundreds of thousands. A value already pooled costs a
/// look-up and no allocation.
/// </summary>
public sealed class StringPool
{
    private readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _spans;

    public StringPool() => _spans = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Get(ReadOnlySpan<char> value)
    {
        if (_spans.TryGetValue(value, out var pooled))
        {
            return pooled;
        }
        var text = value.ToString();
        return _strings.GetOrAdd(text, text);
    }

    /// <summary>The pooled string of UTF-8 text (decoded on the stack when short, as ids and addresses are).</summary>
    public string Get(ReadOnlySpan<byte> utf8)
    {
        const int OnTheStack = 256;
        if (utf8.Length > OnTheStack)
        {
            var text = System.Text.Encoding.UTF8.GetString(utf8); // decoded once, and pooled as it is
            return _strings.GetOrAdd(text, text);
        }
        Span<char> chars = stackalloc char[OnTheStack];
        return Get(chars[..System.Text.Encoding.UTF8.GetChars(utf8, chars)]);
    }
}
