namespace FichesSite.Pipeline;

/// <summary>
/// Where each page lives in the site, decided here and nowhere else: the path a source file is written to, the
/// site's own pages (home, 404, site map, search, glossary), which pages are patient sheets, and the absolute form
/// of an address. Every page is a folder holding an index.html, and links name that file, so that the site also
/// works opened from a file share, where no server adds it. Below the stages (in Pipeline/) so that every folder
/// may ask; the arithmetic between two site paths is <see cref="SiteUrls"/>'.
/// </summary>
public static class PageAddresses
{
    /// <summary>The file of every page in its folder; what a server adds to a folder's address.</summary>
    public const string PageFile = "index.html";

    /// <summary>The home page, from pages/index.md: at the root, where a server looks for it.</summary>
    public const string HomePage = PageFile;

    /// <summary>The page a server shows for a missing address, from pages/404.md: at the root, where servers look for it.</summary>
    public const string NotFoundPage = "404.html";

    /// <summary>The site map, from pages/plan-du-site.md.</summary>
    public const string SiteMapPage = "plan-du-site/" + PageFile;

    /// <summary>The search page, from pages/recherche.md.</summary>
    public const string SearchPage = "recherche/" + PageFile;

    /// <summary>The glossary page, from <see cref="GlossarySource"/>.</summary>
    public const string GlossaryPage = "glossaire/" + PageFile;

    /// <summary>The glossary page's source, relative to the content folder.</summary>
    public const string GlossarySource = PagesFolder + "glossaire" + SourceExtension;

    /// <summary>Where patient sheets live, in the content folder and in the site alike.</summary>
    public const string FichesFolder = "fiches/";

    /// <summary>The pages the build makes for the collection (Collection/): each service's, each theme's, the A–Z.</summary>
    public const string ServicesFolder = "services/";
    public const string ThemesFolder = "themes/";
    public const string AzFolder = "a-z/";

    /// <summary>The list of every service, the list of every theme, and the A–Z's letters.</summary>
    public const string ServicesPage = ServicesFolder + PageFile;
    public const string ThemesPage = ThemesFolder + PageFile;
    public const string AzPage = AzFolder + PageFile;

    /// <summary>
    /// The first page of an entry of the collection in its folder (a service's in <see cref="ServicesFolder"/>, a theme's,
    /// a letter's in <see cref="AzFolder"/>): the folder's list page with the slug before its file name.
    /// </summary>
    public static string EntryPage(string listPage, string slug) => listPage[..^PageFile.Length] + slug + "/" + PageFile;

    /// <summary>True for an address in a folder of the collection's pages, which no source may take.</summary>
    public static bool IsCollectionPage(string sitePath) =>
        sitePath.StartsWith(ServicesFolder, StringComparison.Ordinal) || sitePath.StartsWith(ThemesFolder, StringComparison.Ordinal)
        || sitePath.StartsWith(AzFolder, StringComparison.Ordinal);

    /// <summary>
    /// Page <paramref name="number"/> (from 1) of a list whose first page is <paramref name="firstPage"/> (a folder's
    /// index.html): the first page itself, then page-2/index.html, page-3/index.html… in its folder.
    /// </summary>
    public static string ListPage(string firstPage, int number) =>
        number == 1 ? firstPage : firstPage[..^PageFile.Length] + "page-" + number.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/" + PageFile;

    /// <summary>The content folder of the site's other pages, which are written from the site's root.</summary>
    public const string PagesFolder = "pages/";

    /// <summary>The site's folder of the theme's files and the search index: no page or content file may go there.</summary>
    public const string AssetsFolder = "assets/";

    /// <summary>The extension of a page's source, in lower case (Content/SourceNames refuses « .MD » or « .markdown »).</summary>
    public const string SourceExtension = ".md";

    /// <summary>
    /// True for the pages of patient sheets (listed on the home page, held to a sheet contract, printed): every page
    /// under fiches/, including one written there from pages/ (pages/fiches.md, pages/fiches/x.md).
    /// </summary>
    public static bool IsFiche(string sitePath) => sitePath.StartsWith(FichesFolder, StringComparison.Ordinal);

    /// <summary>
    /// Where a source file (relative to the content folder, with « / ») is written in the site:
    /// pages/index.md → index.html, pages/404.md → 404.html (where web servers look for both),
    /// pages/x.md → x/index.html, fiches/x.md → fiches/x/index.html, any other x.md → x/index.html.
    /// </summary>
    public static string OfSource(string relativeSource)
    {
        var withoutExtension = relativeSource[..^SourceExtension.Length];
        return withoutExtension switch
        {
            PagesFolder + "index" => HomePage,
            PagesFolder + "404" => NotFoundPage,
            _ when withoutExtension.StartsWith(PagesFolder, StringComparison.Ordinal) =>
                withoutExtension[PagesFolder.Length..] + "/" + PageFile,
            _ => withoutExtension + "/" + PageFile,
        };
    }

    /// <summary>
    /// The site path of an address written from the site's root, by an author (« /plan-du-site/ ») or a template
    /// (« assets/css/site.css »): a folder names its page's file.
    /// </summary>
    public static string FromRoot(string path)
    {
        var target = path.TrimStart('/');
        return target.Length == 0 || target.EndsWith('/') ? target + PageFile : target;
    }

    /// <summary>
    /// The absolute address of a site path under <paramref name="baseUrl"/>, or null without one. Folders
    /// are named as folders (a server adds index.html): the form people type and QR codes carry.
    /// </summary>
    public static string? Absolute(string? baseUrl, string sitePath) =>
        baseUrl is null ? null : baseUrl.TrimEnd('/') + "/" + (sitePath.EndsWith(PageFile, StringComparison.Ordinal) ? sitePath[..^PageFile.Length] : sitePath);

    /// <summary>
    /// The URL <paramref name="fromPage"/> writes for a link to <paramref name="target"/> (a site path): relative, so
    /// that one built folder works at any origin, under any sub-path and from a file share; on the 404 page, from
    /// <paramref name="notFoundRoot"/> (<see cref="NotFoundRoot"/>). The theme's links and the authors' both take this form.
    /// </summary>
    public static string Link(string fromPage, string target, string notFoundRoot) =>
        fromPage == NotFoundPage ? notFoundRoot + target : SiteUrls.Relative(fromPage, target);

    /// <summary>
    /// Where the 404 page's links start: the path of <paramref name="baseUrl"/> (« /fiches/ »), or « / » without one.
    /// A server shows that page at any missing address, at any depth, so a relative link cannot work there; and a
    /// mirror serves the same bytes at another origin, so no origin is written either. A copy at the base URL's path
    /// works as written, with no script; elsewhere the page's script finds the copy's root and rewrites these links
    /// (theme/assets/js/page-introuvable.js).
    /// </summary>
    public static string NotFoundRoot(string? baseUrl) =>
        baseUrl is not null && Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) ? uri.AbsolutePath.TrimEnd('/') + "/" : "/";
}
