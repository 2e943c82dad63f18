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
/// <c>site</c>, <c>t</c> (interface words), <c>fiches</c> and <c>site_pages</c> (for the home page and
/// the site map), <c>glossary</c> (the glossary page), <c>page</c> and <c>content</c>. Plain dictionaries and lists, so a template can
/// only read what is listed here.
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
    private readonly object _fiches;
    private readonly object _sitePages;
    private readonly object _glossary;

    /// <param name="shared">Turns what every page shares into the template engine's own values, once (ThemeTemplates.Shared).</param>
    public SiteModel(SiteConfig site, ThemeStrings strings, IReadOnlyList<Document> documents, GlossaryTerms glossary, Func<object?, object> shared)
    {
        _glossary = shared(GlossaryModel.Of(glossary));
        _site = site;
        _strings = strings;
        _stringValues = shared(strings.Values);
        _siteValues = shared(new Dictionary<string, object?>
        {
            ["name"] = site.Name,
            ["language"] = site.Language,
            ["base_url"] = site.BaseUrl,
            ["organisation"] = new Dictionary<string, object?>
            {
                ["name"] = site.Organisation.Name,
                ["service"] = site.Organisation.Service,
                ["phone"] = site.Organisation.Phone,
                ["phone_href"] = "tel:" + new string(site.Organisation.Phone.Where(c => char.IsDigit(c) || c == '+').ToArray()),
                ["phone_hours"] = site.Organisation.PhoneHours,
                ["address"] = site.Organisation.Address,
            },
        });
        var summaries = documents
            .Select(d => (d.OutputPath, FrontMatter: d.Get(FrontMatter.Key)))
            .OrderBy(p => AccentFolding.Fold(p.FrontMatter.Title), StringComparer.Ordinal)
            .ThenBy(p => p.OutputPath, StringComparer.Ordinal)
            .ToList();
        _fiches = shared(summaries
            .Where(p => PageAddresses.IsFiche(p.OutputPath))
            .Select(p => Summary(p.OutputPath, p.FrontMatter))
            .ToList());
        _sitePages = shared(summaries
            .Where(p => !PageAddresses.IsFiche(p.OutputPath) && p.OutputPath is not (PageAddresses.HomePage or PageAddresses.NotFoundPage))
            .Select(p => Summary(p.OutputPath, p.FrontMatter))
            .ToList());
        Listing = string.Join('\n', summaries.Select(p => $"{p.OutputPath}\t{p.FrontMatter.Title}\t{p.FrontMatter.Description}"));
    }

    /// <summary>
    /// Everything one page can show of the others (addresses, titles, descriptions). While it
    /// stays the same, editing a page's body changes no other page.
    /// </summary>
    public string Listing { get; }

    /// <summary>The absolute address of a page, or null without a base URL. Folders are linked as folders: servers add index.html.</summary>
    public string? AbsoluteUrl(string outputPath) => PageAddresses.Absolute(_site.BaseUrl, outputPath);


    public Dictionary<string, object?> For(Document document)
    {
        var frontMatter = document.Get(FrontMatter.Key);
        var contents = document.Get(PageContents.Key);
        return new Dictionary<string, object?>
        {
            ["site"] = _siteValues,
            ["t"] = _stringValues,
            ["fiches"] = _fiches,
            ["site_pages"] = _sitePages,
            ["glossary"] = _glossary,
            ["content"] = document.Get(RenderMarkdownStage.Body),
            ["page"] = new Dictionary<string, object?>
            {
                ["title"] = frontMatter.Title,
                ["description"] = frontMatter.Description,
                ["type"] = frontMatter.Type,
                ["url"] = document.OutputPath,
                ["canonical_url"] = document.OutputPath == PageAddresses.NotFoundPage ? null : AbsoluteUrl(document.OutputPath),
                ["is_home"] = document.OutputPath == PageAddresses.HomePage,
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
                ["sections"] = contents.Entries
                    .Select(e => new Dictionary<string, object?> { ["id"] = e.Anchor, ["text"] = e.Heading })
                    .ToList(),
            },
        };
    }

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
