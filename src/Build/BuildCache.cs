using FichesSite.Links;
using FichesSite.Pipeline;
using FichesSite.Rendering;

namespace FichesSite.Build;

/// <summary>
/// What the preview keeps between rebuilds, so that one edited page costs one page: each page's
/// front matter, its stage results, its layout, its links, and what was last written. Forgotten whole when the
/// configuration or the theme changes, since they touch every page.
/// </summary>
public sealed class BuildCache
{
    /// <summary>Each page's front matter (the first pass, by source text).</summary>
    public CachedDocumentStages.Memory Headers { get; private set; } = new();

    /// <summary>Each page's work from its syntax tree to its body (by the Document the headers' cache handed).</summary>
    public CachedDocumentStages.Memory Pages { get; private set; } = new();
    public LayoutStage.Memory Layouts { get; private set; } = new();
    public LinkScanStage.Memory Links { get; private set; } = new();

    /// <summary>The content of each file written into the output folder by the last build, by site path.</summary>
    public Dictionary<string, Document> Written { get; } = new(StringComparer.Ordinal);

    /// <summary>The content of each generated file (search index) last written, by site path.</summary>
    public Dictionary<string, byte[]> WrittenFiles { get; } = new(StringComparer.Ordinal);

    /// <summary>Set once the output folder holds a complete build made with this cache.</summary>
    public bool OutputComplete { get; set; }

    private string? _settings;

    /// <summary>Forgets the pages whose source is gone.</summary>
    public void KeepOnly(IReadOnlyList<Document> documents)
    {
        Headers.KeepOnly(documents.Select(d => d.SourcePath));
        Pages.KeepOnly(documents.Select(d => d.SourcePath));
    }

    /// <summary>Forgets everything when anything but the pages changed (options, site.yml, contracts, theme).</summary>
    public void ForgetUnless(string settingsFingerprint)
    {
        if (_settings == settingsFingerprint)
        {
            return;
        }
        _settings = settingsFingerprint;
        Headers = new();
        Pages = new();
        Layouts = new();
        Links = new();
        Written.Clear();
        WrittenFiles.Clear();
        OutputComplete = false;
    }
}
