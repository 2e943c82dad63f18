namespace FichesSite.Markdown;

/// <summary>
/// The files a page may link to or show, copied into the site beside it: images and PDF documents. An allow-list
/// rather than a list of what is dangerous: any other type could be active content on the site's own address
/// (« .html », « .svg », « .xml », « .js », « .css »…, or a type no one thought of), read by the browser with the
/// site's rights. SVG is refused whole rather than inspected: an SVG image can carry script, event handlers and
/// links, and the theme's own icons are not content. The type is the name's extension, as web servers and file
/// shares decide it.
/// </summary>
public static class AttachmentTypes
{
    public static readonly IReadOnlyList<string> Extensions = [".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".pdf"];

    /// <summary>What authors read in messages.</summary>
    public const string Described = "des images PNG, JPEG, GIF, WebP ou AVIF, et des documents PDF";

    public static bool IsAllowed(string path)
    {
        var extension = Path.GetExtension(path);
        foreach (var allowed in Extensions)
        {
            if (extension.Equals(allowed, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }
}
