using FichesSite.Brand;
using FichesSite.Pipeline;

namespace FichesSite.Content;

/// <summary>
/// input/site.yml: what belongs to the hospital that publishes the site, not to a page.
/// The repository ships visibly fake example values that each hospital replaces.
/// </summary>
public sealed class SiteConfig
{
    public string Name { get; set; } = "";
    public string Language { get; set; } = "fr";

    /// <summary>Absolute address of the published site, used only where a URL must be absolute (canonical, sitemap).</summary>
    public string? BaseUrl { get; set; }

    /// <summary>The line of <c>base_url:</c> in site.yml, for an error about it; 0 without one.</summary>
    public int BaseUrlLine { get; set; }

    /// <summary>« intranet_base_url »: where the hospital's intranet serves its copy of the intranet build.</summary>
    public string? IntranetBaseUrl { get; set; }

    public int IntranetBaseUrlLine { get; set; }

    /// <summary>The site this build makes (set from the build's options, not read from site.yml).</summary>
    public BuildTarget Target { get; set; }

    /// <summary>
    /// Where this build's site is served: <see cref="BaseUrl"/> for the public site, <see cref="IntranetBaseUrl"/> for
    /// the intranet's (or --base-url for either). Its sitemap and robots.txt use it; canonical links, the print sheet's
    /// addresses and QR code, and structured data always name the public site, which patients can reach.
    /// </summary>
    public string? TargetBaseUrl { get; set; }

    public Organisation Organisation { get; set; } = new();

    /// <summary>Where readers say whether a page helped them (an e-mail address or the hospital's own form); null: nothing is shown.</summary>
    public FeedbackSetting? Feedback { get; set; }

    /// <summary>The web editor at /admin/ (« cms: »); null: the site has none.</summary>
    public CmsSettings? Cms { get; set; }

    /// <summary>Thresholds under which the build flags a sheet's section as hard to read (never shown on the site).</summary>
    public ReadabilitySettings Readability { get; set; } = new();

    /// <summary>The hospital's logo, colours and font (« brand: »); null without it, and the theme keeps its own.</summary>
    public BrandSettings? Brand { get; set; }
}

/// <summary>
/// « readability » in site.yml. The defaults are those of plain-language guides for the public:
/// a Kandel–Moles score of 60 or more (« easy ») and a LIX of 45 or less; a site.yml without them keeps them.
/// </summary>
public sealed class ReadabilitySettings
{
    public double KandelMolesMin { get; set; } = 60;
    public double LixMax { get; set; } = 45;
}

public sealed class Organisation
{
    public string Name { get; set; } = "";
    public string Phone { get; set; } = "";
    public string PhoneHours { get; set; } = "";
    public string Address { get; set; } = "";
}
