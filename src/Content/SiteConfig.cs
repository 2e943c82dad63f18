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

    public Organisation Organisation { get; set; } = new();
}

public sealed class Organisation
{
    public string Name { get; set; } = "";
    public string Service { get; set; } = "";
    public string Phone { get; set; } = "";
    public string PhoneHours { get; set; } = "";
    public string Address { get; set; } = "";
}
