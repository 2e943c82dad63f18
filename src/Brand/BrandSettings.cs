namespace FichesSite.Brand;

/// <summary>
/// « brand: » in input/site.yml: the hospital's logo, colours and font, each optional. Lines are kept for errors
/// (site.yml:LINE); 0 for a setting not written.
/// </summary>
public sealed class BrandSettings
{
    /// <summary>The first line of « brand: »'s settings.</summary>
    public int Line { get; set; }

    /// <summary>The logo, an SVG file of the content folder (a path relative to it), copied into the site as it is.</summary>
    public string? Logo { get; set; }
    public int LogoLine { get; set; }

    /// <summary>The logo's text alternative, required with a logo.</summary>
    public string? LogoAlt { get; set; }

    /// <summary>The brand's colour in the light scheme: links, the navigation band, buttons.</summary>
    public HexColour? Primary { get; set; }
    public int PrimaryLine { get; set; }

    /// <summary>Its light variant for the dark scheme (links, buttons); derived from <see cref="Primary"/> when not written.</summary>
    public HexColour? PrimaryDark { get; set; }
    public int PrimaryDarkLine { get; set; }

    public BrandFont? Font { get; set; }
}

/// <summary>« brand.font »: a font the hospital supplies, self-hosted as WOFF2 files of the content folder, never a font service.</summary>
public sealed class BrandFont
{
    /// <summary>The first line of « font: »'s settings.</summary>
    public int Line { get; set; }

    /// <summary>The family name the stylesheet declares; letters, digits, spaces and hyphens only.</summary>
    public string? Family { get; set; }
    public int FamilyLine { get; set; }

    /// <summary>The regular weight (or a variable font covering every weight).</summary>
    public string? File { get; set; }
    public int FileLine { get; set; }

    /// <summary>The bold weight, optional: without it, bold text is the browser's thickening of the regular file.</summary>
    public string? BoldFile { get; set; }
    public int BoldFileLine { get; set; }
}
