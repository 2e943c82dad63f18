using System.Globalization;
using FichesSite.Brand;
using FichesSite.Collection;
using FichesSite.Content;
using FichesSite.Markdown;
using FichesSite.Markdown.Sections;
using FichesSite.Pipeline;
using FichesSite.Print;
using FichesSite.StructuredData;
using FichesSite.Text;

namespace FichesSite.Rendering;

/// <summary>
/// What the templates see, built in one place with snake_case names (the Jekyll convention):
/// <c>site</c>, <c>t</c> (interface words), the collection (<c>services</c>, <c>themes</c>, <c>letters</c>,
/// <c>recent</c>) and <c>site_pages</c> (for the home page and the site map), <c>glossary</c> (the glossary page),
/// <c>page</c> and <c>content</c>. Plain dictionaries and lists, so a template can only read what is listed here. No
/// list of every sheet: at thousands of sheets it would make pages no one can use; the collection's pages list them.
/// </summary>
public sealed class SiteModel
{
    /// <summary>The site product that SiteModelStage makes and LayoutStage reads.</summary>
    public static readonly MetaKey<SiteModel> Key = new("site-model");

    private readonly SiteConfig _site;
    private readonly ThemeStrings _strings;
    // What every page shares, made once (see ThemeTemplates.Shared).
    private readonly object _siteValues;
    private readonly object _stringValues;
    private readonly object _sitePages;
    private readonly object _services;
    private readonly object _themes;
    private readonly object _letters;
    private readonly object _recent;
    private readonly CollectionIndex _collection;
    // The collection's words, read once: the breadcrumb of every page may name a list.
    private readonly IReadOnlyDictionary<string, string> _collectionWords;
    // The mail's subject, « {title} » standing for the page's title.
    private readonly string _feedbackSubject;
    // Each sheet as lists show it, made once: a sheet appears in several lists and in its neighbours' suggestions.
    private readonly Dictionary<string, object> _sheets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, object> _serviceValues = new(StringComparer.Ordinal);
    private readonly Dictionary<string, object> _themeValues = new(StringComparer.Ordinal);
    private readonly object _glossary;
    // The 404 page's own style and script, null when none was loaded.
    private readonly object? _notFound;

    /// <param name="shared">Turns what every page shares into the template engine's own values, once (ThemeTemplates.Shared).</param>
    /// <param name="notFound">What the 404 page holds in itself (its styles and script), as <c>page.not_found</c> there.</param>
    public SiteModel(SiteConfig site, ThemeStrings strings, IReadOnlyList<Document> documents, GlossaryTerms glossary, CollectionIndex collection, Func<object?, object> shared,
        BrandFiles? brand = null, NotFoundPage? notFound = null)
    {
        brand ??= BrandFiles.None;
        _notFound = notFound is null ? null : shared(notFound.Values());
        _collection = collection;
        _collectionWords = strings.Map("collection");
        _feedbackSubject = site.Feedback is null ? "" : strings.Text("feedback", "mail_subject");
        _glossary = shared(GlossaryModel.Of(glossary));
        _site = site;
        _strings = strings;
        _stringValues = shared(strings.Values);
        _siteValues = shared(new Dictionary<string, object?>
        {
            ["name"] = site.Name,
            ["language"] = site.Language,
            ["base_url"] = site.TargetBaseUrl,
            // The intranet's pages carry noindex and a visible band (theme/partials/header.liquid).
            ["intranet"] = site.Target == BuildTarget.Intranet,
            ["organisation"] = new Dictionary<string, object?>
            {
                ["name"] = site.Organisation.Name,
                ["phone"] = site.Organisation.Phone,
                ["phone_href"] = PhoneNumber.Href(site.Organisation.Phone),
                ["phone_hours"] = site.Organisation.PhoneHours,
                ["address"] = site.Organisation.Address,
            },
            // The hospital's stylesheet and logo (site paths), null without them: the theme's own look stays.
            ["brand"] = new Dictionary<string, object?>
            {
                ["stylesheet"] = brand.HasStylesheet ? BrandFiles.StylesheetPath : null,
                ["logo"] = brand.HasLogo ? BrandFiles.LogoPath : null,
                ["logo_alt"] = brand.HasLogo ? site.Brand?.LogoAlt : null,
                ["logo_width"] = brand.LogoSize?.Width,
                ["logo_height"] = brand.LogoSize?.Height,
            },
        });
        // The pages written by authors: the collection's own pages are reached through the collection's values.
        var summaries = documents
            .Where(d => !PageAddresses.IsCollectionPage(d.OutputPath))
            .Select(d => (d.OutputPath, FrontMatter: d.Get(FrontMatter.Key)))
            .OrderBy(p => AccentFolding.Fold(p.FrontMatter.Title), StringComparer.Ordinal)
            .ThenBy(p => p.OutputPath, StringComparer.Ordinal)
            .ToList();
        foreach (var sheet in collection.Sheets)
        {
            _sheets[sheet.Path] = shared(SheetValues(sheet, collection.Catalog));
        }
        foreach (var service in collection.Catalog.Services)
        {
            _serviceValues[service.Slug] = shared(ServiceValues(service, collection.OfService(service.Slug).Count, site.Target));
        }
        foreach (var theme in collection.Catalog.Themes)
        {
            _themeValues[theme.Slug] = shared(new Dictionary<string, object?>
            {
                ["name"] = theme.Name,
                ["description"] = theme.Description,
                ["url"] = ThemePage(theme.Slug),
                ["count"] = collection.OfTheme(theme.Slug).Count,
            });
        }
        _services = shared(collection.Catalog.Services.Take(MostListed).Select(s => _serviceValues[s.Slug]).ToList());
        _themes = shared(collection.Catalog.Themes.Take(MostListed).Select(t => _themeValues[t.Slug]).ToList());
        _letters = shared(AzLetters.All.Select(letter => new Dictionary<string, object?>
            {
                ["label"] = AzLetters.Label(letter),
                ["url"] = collection.OfLetter(letter).Count > 0 ? PageAddresses.EntryPage(PageAddresses.AzPage, letter) : null,
                ["count"] = collection.OfLetter(letter).Count,
            }).ToList());
        _recent = shared(collection.Recent.Select(s => _sheets[s.Path]).ToList());
        _sitePages = shared(summaries
            .Where(p => !PageAddresses.IsFiche(p.OutputPath) && p.OutputPath is not (PageAddresses.HomePage or PageAddresses.NotFoundPage))
            .Select(p => Summary(p.OutputPath, p.FrontMatter))
            .ToList());
        Listing = string.Join('\n', summaries.Select(p => string.Join('\t', p.OutputPath, p.FrontMatter.Title, p.FrontMatter.Description, p.FrontMatter.Service,
            string.Join(' ', p.FrontMatter.Themes), p.FrontMatter.LastReviewed?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));
    }

    /// <summary>
    /// Everything one page can show of the others (addresses, titles, descriptions, services, themes, review dates). While it
    /// stays the same, editing a page's body changes no other page.
    /// </summary>
    public string Listing { get; }

    /// <summary>
    /// The absolute address of a page of this build's site (the intranet's, for an intranet build), or null without a
    /// base URL. Folders are linked as folders: servers add index.html.
    /// </summary>
    public string? AbsoluteUrl(string outputPath) => PageAddresses.Absolute(_site.TargetBaseUrl, outputPath);

    // The address of the public page, which the intranet's copy names as canonical and patients are sent to.
    private string? PublicUrl(string outputPath) => PageAddresses.Absolute(_site.BaseUrl, outputPath);


    /// <summary>
    /// The most services, and themes, that <c>services</c> and <c>themes</c> hold for the home page and the site map (the
    /// first by name): past it, those pages link to the lists of every one, which are cut into pages.
    /// </summary>
    public const int MostListed = 24;

    public Dictionary<string, object?> For(Document document)
    {
        var frontMatter = document.Get(FrontMatter.Key);
        var contents = document.Get(PageContents.Key);
        return new Dictionary<string, object?>
        {
            ["site"] = _siteValues,
            ["t"] = _stringValues,
            ["site_pages"] = _sitePages,
            ["services"] = _services,
            ["services_count"] = _collection.Catalog.Services.Count,
            ["themes"] = _themes,
            ["themes_count"] = _collection.Catalog.Themes.Count,
            ["letters"] = _letters,
            ["recent"] = _recent,
            ["glossary"] = _glossary,
            ["content"] = document.Get(RenderMarkdownStage.Body),
            ["page"] = new Dictionary<string, object?>
            {
                ["title"] = frontMatter.Title,
                ["description"] = frontMatter.Description,
                ["type"] = frontMatter.Type,
                ["url"] = document.OutputPath,
                ["canonical_url"] = document.OutputPath == PageAddresses.NotFoundPage ? null : PublicUrl(document.OutputPath),
                ["is_home"] = document.OutputPath == PageAddresses.HomePage,
                ["not_found"] = document.OutputPath == PageAddresses.NotFoundPage ? _notFound : null,
                ["is_fiche"] = PageAddresses.IsFiche(document.OutputPath),
                ["last_reviewed"] = DateModel(frontMatter.LastReviewed),
                ["next_review"] = DateModel(frontMatter.NextReview),
                ["reviewed_by"] = frontMatter.ReviewedBy,
                ["version"] = frontMatter.Version,
                ["sources"] = frontMatter.Sources
                    .Select(s => new Dictionary<string, object?> { ["title"] = s.Title, ["publisher"] = s.Publisher, ["year"] = s.Year, ["url"] = s.Url })
                    .ToList(),
                ["json_ld"] = document.TryGet(StructuredDataStage.JsonLd, out var jsonLd) ? System.Text.Encoding.UTF8.GetString(jsonLd) : null,
                ["pdf"] = PageAddresses.IsFiche(document.OutputPath) ? HandoutPath.For(document.OutputPath) : null,
                ["print"] = document.TryGet(PrintSheet.Key, out var print)
                    ? new Dictionary<string, object?> { ["qr_code"] = print.QrCode, ["stylesheet"] = print.Stylesheet, ["url"] = print.Url }
                    : null,
                ["service"] = ServiceOf(document, frontMatter) is { } service && _serviceValues.TryGetValue(service, out var serviceValue) ? serviceValue : null,
                ["themes"] = frontMatter.Themes.Where(_themeValues.ContainsKey).Select(t => _themeValues[t]).ToList(),
                ["related"] = _collection.Related.TryGetValue(document.OutputPath, out var related) ? related.Select(r => _sheets[r.Path]).ToList() : null,
                ["breadcrumbs"] = Breadcrumbs(document, frontMatter),
                ["list"] = document.TryGet(CollectionPage.Key, out var list) ? ListValues(list) : null,
                ["feedback"] = FeedbackLink(document.OutputPath, frontMatter.Title),
                ["sections"] = contents.Entries
                    .Select(e => new Dictionary<string, object?> { ["id"] = e.Anchor, ["text"] = e.Heading })
                    .ToList(),
            },
        };
    }

    /// <summary>
    /// « Cette page vous a-t-elle été utile ? »: on the sheets and the pages authors write (the home page included),
    /// with the page's title in the mail's subject or its address (absolute with a base URL, else its path in the
    /// site) in the form's « page » parameter. Not on the collection's pages: a list of sheets has no text of its own
    /// to judge (what helps or not is the sheet it leads to), and a « page 37 of C » in a mailbox tells the hospital
    /// nothing. Not on the 404 page: a server shows it at any missing address, so the address it would send is not the
    /// one the reader tried, and a reader there needs a way on, which its links give. Null without the setting.
    /// </summary>
    private Dictionary<string, object?>? FeedbackLink(string outputPath, string title)
    {
        if (_site.Feedback is not { } feedback || PageAddresses.IsCollectionPage(outputPath) || outputPath == PageAddresses.NotFoundPage)
        {
            return null;
        }
        var subject = _feedbackSubject.Replace("{title}", title, StringComparison.Ordinal);
        return new Dictionary<string, object?>
        {
            ["href"] = feedback.Href(subject, PublicUrl(outputPath) ?? outputPath),
            ["is_mail"] = feedback.IsMail,
        };
    }

    // The pages between the home page and this one: a sheet sits in its service, a page of a list in its list.
    private List<Dictionary<string, object?>> Breadcrumbs(Document document, FrontMatter frontMatter)
    {
        var trail = new List<Dictionary<string, object?>>();
        void Add(string title, string url) => trail.Add(new Dictionary<string, object?> { ["title"] = title, ["url"] = url });
        var words = _collectionWords;
        if (document.TryGet(CollectionPage.Key, out var list))
        {
            var (parentTitle, parentUrl) = list.Kind switch
            {
                CollectionPageKind.Service => (words["services_title"], PageAddresses.ServicesPage),
                CollectionPageKind.Theme => (words["themes_title"], PageAddresses.ThemesPage),
                CollectionPageKind.Letter => (words["az_title"], PageAddresses.AzPage),
                _ => ((string?)null, (string?)null),
            };
            if (parentTitle is not null)
            {
                Add(parentTitle, parentUrl!);
            }
            if (list.Number > 1)
            {
                // Past its first page, a list's pages sit under that first page.
                Add(list.Kind switch
                {
                    CollectionPageKind.Service => _collection.Catalog.Service(list.Subject!)!.Name,
                    CollectionPageKind.Theme => _collection.Catalog.Theme(list.Subject!)!.Name,
                    CollectionPageKind.Letter => CollectionWords.Fill(words["letter_title"], ("letter", AzLetters.Label(list.Subject!))),
                    CollectionPageKind.Services => words["services_title"],
                    CollectionPageKind.Themes => words["themes_title"],
                    _ => words["az_title"],
                }, list.FirstPage);
            }
        }
        else if (frontMatter.Service is { } slug && _collection.Catalog.Service(slug) is { } service && PageAddresses.IsFiche(document.OutputPath))
        {
            Add(service.Name, ServicePage(slug));
        }
        return trail;
    }

    // A sheet's service, or the service whose page this is.
    private static string? ServiceOf(Document document, FrontMatter frontMatter) =>
        document.TryGet(CollectionPage.Key, out var list) ? (list.Kind == CollectionPageKind.Service ? list.Subject : null) : frontMatter.Service;

    private Dictionary<string, object?> ListValues(CollectionPage list) => new()
    {
        ["label"] = list.Kind == CollectionPageKind.Letter ? AzLetters.Label(list.Subject!) : null,
        ["entries"] = list.Kind switch
        {
            CollectionPageKind.Services => list.Entries.Select(slug => _serviceValues[slug]).ToList(),
            CollectionPageKind.Themes => list.Entries.Select(slug => _themeValues[slug]).ToList(),
            _ => null,
        },
        ["kind"] = list.Kind.ToString().ToLowerInvariant(),
        ["sheets"] = list.Sheets.Select(s => _sheets[s.Path]).ToList(),
        ["number"] = list.Number,
        ["count"] = list.Count,
        ["previous_url"] = list.Number > 1 ? PageAddresses.ListPage(list.FirstPage, list.Number - 1) : null,
        ["next_url"] = list.Number < list.Count ? PageAddresses.ListPage(list.FirstPage, list.Number + 1) : null,
        ["pages"] = list.Count == 1
            ? new List<Dictionary<string, object?>>()
            : Enumerable.Range(1, list.Count)
                .Select(n => new Dictionary<string, object?> { ["number"] = n, ["url"] = PageAddresses.ListPage(list.FirstPage, n), ["current"] = n == list.Number })
                .ToList(),
        ["subject"] = list.Subject,
    };

    private static string ServicePage(string slug) => PageAddresses.EntryPage(PageAddresses.ServicesPage, slug);

    private static string ThemePage(string slug) => PageAddresses.EntryPage(PageAddresses.ThemesPage, slug);

    // A service's fields for staff (« _internal ») are given to the intranet's templates only: the public site's cannot
    // show what they are never handed.
    private static Dictionary<string, object?> ServiceValues(Service service, int count, BuildTarget target) => new()
    {
        ["internal"] = target == BuildTarget.Intranet && service.Internal != ServiceInternalFields.None
            ? new Dictionary<string, object?>
            {
                ["phone"] = service.Internal.Phone,
                ["phone_href"] = service.Internal.PhoneHref,
                ["note"] = service.Internal.Note,
            }
            : null,
        ["name"] = service.Name,
        ["url"] = ServicePage(service.Slug),
        ["phone"] = service.Phone,
        ["phone_href"] = service.PhoneHref,
        ["hours"] = service.Hours,
        ["address"] = service.Address,
        ["intro"] = service.Intro,
        ["count"] = count,
    };

    private Dictionary<string, object?> SheetValues(SheetSummary sheet, SiteCatalog catalog) => new()
    {
        ["title"] = sheet.Title,
        ["description"] = sheet.Description,
        ["url"] = sheet.Path,
        ["service"] = sheet.Service is { } slug ? catalog.Service(slug)?.Name : null,
        ["last_reviewed"] = DateModel(sheet.LastReviewed),
    };

    private static Dictionary<string, object?> Summary(string outputPath, FrontMatter frontMatter) => new()
    {
        ["title"] = frontMatter.Title,
        ["description"] = frontMatter.Description,
        ["url"] = outputPath,
    };

    private Dictionary<string, object?>? DateModel(DateOnly? date) =>
        date is { } d
            ? new Dictionary<string, object?> { ["iso"] = d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["text"] = _strings.LongDate(d) }
            : null;
}
