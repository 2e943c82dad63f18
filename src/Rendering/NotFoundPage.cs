using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using FichesSite.Brand;
using FichesSite.Content;
using FichesSite.Pipeline;

namespace FichesSite.Rendering;

/// <summary>
/// What the 404 page holds in itself where every other page links a file (theme/partials/not-found-head.liquid). A
/// server shows that page at any missing address, at any depth, and a mirror serves the same bytes at another origin
/// and path than the base URL's, so the page cannot know where the site's files are. Its styles are the screen
/// stylesheets the other pages link, in a style element; its script (<see cref="ScriptPath"/>) finds the copy's root
/// and rewrites the links, which are written from <see cref="PageAddresses.NotFoundRoot"/>. The page's
/// Content-Security-Policy is the theme's with these two texts allowed by their hashes, so it needs no 'unsafe-inline'.
/// </summary>
/// <remarks>
/// What the inlined stylesheets load by url() (the brand's font) is written from the same root: found by a copy at the
/// base URL's path; elsewhere not, and the 404 page shows the fallback fonts of the theme's font stacks.
/// </remarks>
public sealed partial class NotFoundPage
{
    /// <summary>The theme's script that finds the site's root from the 404 page, written into that page.</summary>
    public const string ScriptPath = "assets/js/page-introuvable.js";

    private NotFoundPage(string root, string style, string script)
    {
        Root = root;
        Style = style;
        Script = script;
        // 'self' stays: the preview adds its reload script and stylesheet (/__serve/) to the pages it serves, this one too.
        Policy = $"style-src 'self' '{Hash(style)}'; script-src 'self' '{Hash(script)}'; ";
    }

    /// <summary>Where the page's links start, and what its script reads as the path they were written from.</summary>
    public string Root { get; }

    /// <summary>The text of the page's style element.</summary>
    public string Style { get; }

    /// <summary>The text of the page's script element.</summary>
    public string Script { get; }

    /// <summary>The directives base.liquid adds to its policy on this page, each ended by « ; » and a space.</summary>
    public string Policy { get; }

    /// <summary>What the templates see as <c>page.not_found</c> on the 404 page.</summary>
    public Dictionary<string, object?> Values() => new()
    {
        ["root"] = Root,
        ["style"] = Style,
        ["script"] = Script,
        ["policy"] = Policy,
    };

    /// <summary>
    /// The stylesheets base.liquid links for the screen, in its order (tests/Site.Tests/Rendering/NotFoundPageTests holds
    /// the two equal). The print stylesheets are left out: they would only add their weight to every missing address,
    /// for a page no one prints.
    /// </summary>
    private static IReadOnlyList<string> Stylesheets(BrandFiles brand) =>
        brand.HasStylesheet ? ["assets/css/site.css", BrandFiles.StylesheetPath, "assets/css/search.css"] : ["assets/css/site.css", "assets/css/search.css"];

    /// <summary>The page's style and script from the theme and the brand, or null with an error naming the file.</summary>
    /// <param name="root">Where the page's links start: <see cref="PageAddresses.NotFoundRoot"/>.</param>
    public static NotFoundPage? Load(string themeDirectory, BrandFiles brand, string root, DiagnosticBag diagnostics)
    {
        var style = new StringBuilder();
        foreach (var sheet in Stylesheets(brand))
        {
            // The brand's stylesheet is made by the build from checked values; the theme's are read from its folder.
            var css = brand.Files.TryGetValue(sheet, out var generated) ? Encoding.UTF8.GetString(generated) : ThemeFile(themeDirectory, sheet, "style", diagnostics);
            if (css is null)
            {
                return null;
            }
            style.Append("/* ").Append(sheet).Append(" */\n").Append(FromRoot(css, sheet, root));
            if (!css.EndsWith('\n'))
            {
                style.Append('\n');
            }
        }
        return ThemeFile(themeDirectory, ScriptPath, "script", diagnostics) is { } script ? new NotFoundPage(root, style.ToString(), script) : null;
    }

    // The CSP hash of a text as the browser computes it: over the element's text in UTF-8. Line ends are LF already
    // (read as the HTML parser leaves them), so the hash holds whatever line ends the theme's files were saved with.
    private static string Hash(string text) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    // A file of theme/assets/ as text with LF line ends, read where it really is, to be written in a <tag> element.
    private static string? ThemeFile(string themeDirectory, string sitePath, string tag, DiagnosticBag diagnostics)
    {
        var path = Path.Combine(themeDirectory, sitePath.Replace('/', Path.DirectorySeparatorChar));
        var display = SourcePaths.Display(path);
        if (InputFiles.Inside(themeDirectory, path, display, "du thème", diagnostics) is not { } real
            || InputFiles.ReadUtf8(real, display, diagnostics)?.Replace('\r', '\n') is not { } text)
        {
            return null;
        }
        // « </style » inside the style element (« </script » inside the script) would end it there: the rest would be
        // shown as text, and the hash would no longer match. Reported rather than altered.
        if (text.Contains("</" + tag, StringComparison.OrdinalIgnoreCase))
        {
            diagnostics.Error(display, 0, $"ce fichier du thème ne peut être écrit dans la page 404 : il contient « </{tag} », qui y fermerait l’élément <{tag}>.",
                "Retirez ce texte du fichier ; dans un commentaire ou une chaîne, écrivez « <\\/ » à la place de « </ ».", wholeSite: true);
            return null;
        }
        return text;
    }

    // A stylesheet's url(…) of a file beside it, written as the page's other links are: a url() in a style element is
    // read from the page's address, which on this page is any.
    private static string FromRoot(string css, string sheet, string root) => CssUrl().Replace(css, url =>
    {
        var address = url.Groups["address"].Value;
        var cut = address.IndexOfAny(['?', '#']);
        var path = cut < 0 ? address : address[..cut];
        if (path.Length == 0 || path.StartsWith('/') || SiteUrls.IsExternal(address) || address.StartsWith("data:", StringComparison.OrdinalIgnoreCase)
            || SiteUrls.Resolve(sheet, path) is not { } target)
        {
            return url.Value;
        }
        return $"url(\"{root}{target}{address[path.Length..]}\")";
    });

    [GeneratedRegex("""url\(\s*(?<quote>["']?)(?<address>[^"')\s]*)\k<quote>\s*\)""", RegexOptions.IgnoreCase)]
    private static partial Regex CssUrl();
}
