using System.Xml;

namespace FichesSite.Brand;

/// <summary>
/// The hospital's logo is copied into the site as it is, and shown as an <c>&lt;img&gt;</c>, where an SVG runs no script
/// and loads nothing. But the file is also on the site by itself, and a browser opening it there would run its
/// scripts with the site's rights: so a logo with a script, an event attribute, embedded HTML or a reference to
/// another file is refused, rather than quietly altered.
/// </summary>
public static class SvgLogo
{
    private const string SvgNamespace = "http://www.w3.org/2000/svg";

    // Elements that hold a script, or another document (HTML, a frame), or load one; « set » and « animate » can turn a
    // link into a script address once the file is open.
    private static readonly HashSet<string> RefusedElements = new(StringComparer.OrdinalIgnoreCase)
        { "script", "foreignObject", "iframe", "object", "embed", "handler", "listener", "set", "animate" };

    // Images drawn inside the logo may be embedded bitmaps; nothing else may be referred to but its own parts (« #id »).
    private static readonly string[] AllowedReferences = ["#", "data:image/png;", "data:image/jpeg;", "data:image/gif;", "data:image/webp;"];

    /// <summary>
    /// The logo's width and height in its own units, from its viewBox or else its width and height (unitless or px):
    /// written on the <c>&lt;img&gt;</c>, they let the browser keep its place before it loads, so the page does not
    /// jump (Lighthouse counts an image without them). Null when the file says neither; the logo is shown all the same.
    /// </summary>
    public static (int Width, int Height)? Size(byte[] bytes)
    {
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
            reader.MoveToContent();
            var box = reader.GetAttribute("viewBox")?.Split([' ', ',', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
            var (width, height) = box is { Length: 4 } ? (Number(box[2]), Number(box[3])) : (Number(reader.GetAttribute("width")), Number(reader.GetAttribute("height")));
            return width is > 0 and < 100_000 && height is > 0 and < 100_000
                ? (Math.Max(1, (int)Math.Round(width.Value)), Math.Max(1, (int)Math.Round(height.Value)))
                : null;
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static double? Number(string? text) =>
        double.TryParse(text?.Trim().Replace("px", ""), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>Null for a logo that is well-formed SVG with nothing of the above; else what is wrong, in French, for the error.</summary>
    public static string? Problem(byte[] bytes)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore, // a DOCTYPE (as drawing tools write) is skipped; its entities are never expanded
            XmlResolver = null,
            MaxCharactersInDocument = bytes.Length * 4L + 1024,
        };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes), settings);
            var root = true;
            var inStyle = false;
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    if (inStyle && reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA && StyleProblem(reader.Value) is { } style)
                    {
                        return style;
                    }
                    inStyle &= reader.NodeType != XmlNodeType.EndElement;
                    continue;
                }
                if (inStyle)
                {
                    // An element inside a style sheet would hide the text after it from the check above.
                    return $"son élément « style » contient un élément « {reader.LocalName} »";
                }
                inStyle = reader.LocalName == "style" && !reader.IsEmptyElement;
                if (root && (reader.LocalName != "svg" || reader.NamespaceURI != SvgNamespace))
                {
                    return $"son premier élément est « {reader.Name} », pas « svg » (avec xmlns=\"{SvgNamespace}\")";
                }
                root = false;
                if (RefusedElements.Contains(reader.LocalName))
                {
                    return $"il contient un élément « {reader.LocalName} »";
                }
                for (var more = reader.MoveToFirstAttribute(); more; more = reader.MoveToNextAttribute())
                {
                    if (AttributeProblem(reader.LocalName, reader.Value) is { } problem)
                    {
                        return problem;
                    }
                }
                reader.MoveToElement();
            }
            return root ? "il ne contient aucun élément" : null;
        }
        catch (XmlException e)
        {
            return $"ce n’est pas du XML bien formé (ligne {e.LineNumber} du fichier)";
        }
    }

    private static string? AttributeProblem(string name, string value)
    {
        if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
        {
            return $"il contient un attribut « {name} », qui lance un script";
        }
        if (name is "href" or "src" && !AllowedReferences.Any(r => value.TrimStart().StartsWith(r, StringComparison.OrdinalIgnoreCase)))
        {
            return $"il renvoie à « {Shortened(value)} », hors du logo lui-même";
        }
        // Every attribute, not only « style »: presentation attributes (fill, filter, mask, clip-path…) take url(…) too.
        return StyleProblem(value);
    }

    // CSS inside the logo (a style sheet, or any attribute's value) may not import a style sheet nor take an image from
    // anywhere but the logo itself. A CSS escape (« \75 rl( » is « url( ») could hide either from these plain searches,
    // and image-set() takes addresses without url(): a logo holds neither.
    private static string? StyleProblem(string css)
    {
        if (css.Contains('\\'))
        {
            return "son style contient un échappement CSS (« \\ »)";
        }
        if (css.Contains("@import", StringComparison.OrdinalIgnoreCase))
        {
            return "son style importe une autre feuille de style (@import)";
        }
        if (css.Contains("image-set", StringComparison.OrdinalIgnoreCase) || css.Contains("src(", StringComparison.OrdinalIgnoreCase))
        {
            return "son style charge un fichier (image-set ou src)";
        }
        for (var at = css.IndexOf("url(", StringComparison.OrdinalIgnoreCase); at >= 0; at = css.IndexOf("url(", at + 4, StringComparison.OrdinalIgnoreCase))
        {
            if (!css.AsSpan(at + 4).TrimStart(" \t\n\r'\"").StartsWith("#"))
            {
                return "son style charge un fichier (url(…) qui ne commence pas par « # »)";
            }
        }
        return null;
    }

    private static string Shortened(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
