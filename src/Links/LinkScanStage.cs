using System.Collections.Concurrent;
using FichesSite.Pipeline;
using FichesSite.Text;

namespace FichesSite.Links;

/// <summary>The ids a finished page offers and the URLs it links to or fetches, read from its HTML.</summary>
public sealed record PageLinks(HashSet<string> Ids, IReadOnlyList<string> Urls, HashSet<string> Fetched)
{
    public static readonly MetaKey<PageLinks> Key = new("page-links");
}

/// <summary>
/// Reads each finished page's links and ids while its HTML is at hand, so that the page can be written
/// and let go; LinkCheckStage then judges every link once all pages are known.
/// </summary>
/// <param name="memory">Across the preview's rebuilds: an unchanged page is not read again.</param>
public sealed class LinkScanStage(LinkScanStage.Memory? memory = null) : IDocumentStage
{
    /// <summary>The last reading of each page, with the page it was read from.</summary>
    public sealed class Memory
    {
        internal ConcurrentDictionary<string, (Document Input, Document Output)> Pages { get; } = new(StringComparer.Ordinal);
    }

    public string Name => "read links";

    private readonly StringPool _strings = new();

    public Document Run(Document document, SiteProducts site, DiagnosticBag diagnostics)
    {
        if (memory is not null && memory.Pages.TryGetValue(document.OutputPath, out var known) && ReferenceEquals(known.Input, document))
        {
            return known.Output;
        }
        var (ids, urls, fetched) = HtmlLinkScanner.Scan(document.Get(PageHtml.Key), _strings);
        var output = document.With(PageLinks.Key, new PageLinks(ids, urls, fetched));
        if (memory is not null)
        {
            memory.Pages[document.OutputPath] = (document, output);
        }
        return output;
    }
}
