using System.Text;
using Microsoft.Extensions.ObjectPool;

namespace FichesSite.Text;

/// <summary>
/// Builders for the text that stages read page after page (a paragraph, a section), taken for one page and given
/// back. A builder made per page costs its capacity each time, and one that grows in chunks is read through a copy;
/// a builder given back keeps its capacity as one chunk, so after the first pages each is read in place
/// (<see cref="BuilderText.SpanOf"/>). The pool is thread-safe, and a builder is the page's while it holds it.
/// </summary>
public static class TextBuilders
{
    /// <summary>Given back cleared; one that grew past 64 K characters is dropped rather than kept.</summary>
    public static readonly ObjectPool<StringBuilder> Pool = new DefaultObjectPoolProvider().CreateStringBuilderPool(1024, 64 * 1024);
}
