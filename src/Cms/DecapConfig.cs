using System.Globalization;
using FichesSite.Content;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FichesSite.Cms;

/// <summary>
/// The web editor's admin/config.yml, made from the project's own files so that it can never disagree with the build:
/// one collection per kind of sheet of contracts.yml (each with its required fields, its widget and its body's headings
/// as SheetTemplate writes them), the pages, and the choices of service and themes from the data files.
/// </summary>
/// <remarks>
/// Written through YamlDotNet's node tree rather than its serializer: no reflection (the published generator is compiled
/// ahead of time), and every text value double-quoted, so that a service named « Urgences : adultes » or with quotes
/// comes back as written.
/// </remarks>
public static class DecapConfig
{
    /// <summary>The collection of the authors' pages (input/pages).</summary>
    public const string PagesCollection = "pages";

    /// <summary>Themes a sheet may have at most (as the site shows them).</summary>
    public const int MaxThemes = 5;

    /// <summary>The header fields of a sheet's form after its title, in this order (those its contract requires, and the themes).</summary>
    public static readonly IReadOnlyList<string> FieldOrder =
        ["description", "service", "themes", "last_reviewed", "next_review", "reviewed_by", "version", "sources"];

    /// <summary>How dates are written in front matter (YYYY-MM-DD, as the build reads them), in Decap CMS's moment.js notation.</summary>
    public const string DateFormat = "YYYY-MM-DD";

    /// <summary>The images of the sheets, by the sheet's Markdown: « images/x.png » from input/fiches/ (docs/guide-redaction.md).</summary>
    public const string ImagesFolder = "fiches/images";

    /// <param name="labels">The editor's words (theme/i18n/fr.yml « cms_fields »), by field name; a field without one shows its name.</param>
    public static string Write(CmsSettings cms, IReadOnlyDictionary<string, ContentContract> contracts, SiteCatalog catalog, IReadOnlyDictionary<string, string> labels)
    {
        var root = new YamlMappingNode();
        var backend = new YamlMappingNode();
        foreach (var key in CmsSettings.BackendKeys)
        {
            if (cms.BackendValue(key) is { } value)
            {
                backend.Add(Plain(key), Quoted(value));
            }
        }
        root.Add(Plain("backend"), backend);
        if (cms.LocalBackend)
        {
            root.Add(Plain("local_backend"), Plain("true"));
        }
        // Publishing a sheet is its medical validation: every change goes through draft, in review and ready.
        root.Add(Plain("publish_mode"), Plain("editorial_workflow"));
        root.Add(Plain("locale"), Plain("fr"));
        root.Add(Plain("media_folder"), Quoted($"{cms.ContentFolder}/{ImagesFolder}"));
        root.Add(Plain("public_folder"), Quoted("images"));
        // Names as the build accepts them (Content/SourceNames): ASCII letters, digits and hyphens.
        root.Add(Plain("slug"), Map(
            (Plain("encoding"), Quoted("ascii")), (Plain("clean_accents"), Plain("true")), (Plain("sanitize_replacement"), Quoted("-"))));
        var collections = new YamlSequenceNode();
        foreach (var (kind, contract) in contracts.Where(c => c.Value.Sections.Count > 0).OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            collections.Add(SheetCollection(cms, kind, contract, catalog, labels));
        }
        if (contracts.TryGetValue(FrontMatter.DefaultType, out var page))
        {
            collections.Add(PagesCollectionOf(cms, page, labels));
        }
        root.Add(Plain("collections"), collections);
        var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        new YamlStream(new YamlDocument(root)).Save(text, assignAnchors: false);
        // YamlDotNet ends a document with « ... »: valid YAML, but a marker no reader of this file needs.
        var yaml = text.ToString();
        return yaml.EndsWith("...\n", StringComparison.Ordinal) ? yaml[..^4] : yaml;
    }

    private static YamlMappingNode SheetCollection(CmsSettings cms, string kind, ContentContract contract, SiteCatalog catalog, IReadOnlyDictionary<string, string> labels)
    {
        var fields = new YamlSequenceNode();
        fields.Add(Field("title", "string", labels, required: true));
        fields.Add(Map((Plain("name"), Quoted("type")), (Plain("label"), Quoted("type")), (Plain("widget"), Quoted("hidden")), (Plain("default"), Quoted(kind))));
        // Every field the contract requires, in the order a new sheet's header has them, with the optional themes after
        // the service; then any field only the contract names.
        foreach (var name in FieldOrder.Concat(contract.RequiredFields.Where(f => !FieldOrder.Contains(f) && f is not ("title" or "type" or "layout"))))
        {
            var required = contract.RequiredFields.Contains(name);
            if (required || (name == "themes" && catalog.Themes.Count > 0))
            {
                fields.Add(SheetField(name, catalog, labels, required));
            }
        }
        var body = Field("body", "markdown", labels, required: true);
        body.Add(Plain("default"), Quoted(SheetTemplate.Body(contract).TrimStart('\n')));
        fields.Add(body);
        return Map(
            (Plain("name"), Quoted(kind)),
            (Plain("label"), Quoted(labels.GetValueOrDefault(kind, kind))),
            (Plain("folder"), Quoted($"{cms.ContentFolder}/fiches")),
            (Plain("create"), Plain("true")),
            (Plain("slug"), Quoted("{{slug}}")),
            (Plain("extension"), Quoted("md")),
            (Plain("format"), Quoted("frontmatter")),
            // Only this kind's sheets: the folder holds every kind.
            (Plain("filter"), Map((Plain("field"), Quoted("type")), (Plain("value"), Quoted(kind)))),
            (Plain("fields"), fields));
    }

    private static YamlMappingNode PagesCollectionOf(CmsSettings cms, ContentContract contract, IReadOnlyDictionary<string, string> labels)
    {
        var fields = new YamlSequenceNode
        {
            Field("title", "string", labels, required: true),
            Field("description", "text", labels, required: contract.RequiredFields.Contains("description")),
            Field("body", "markdown", labels, required: true),
        };
        return Map(
            (Plain("name"), Quoted(PagesCollection)),
            (Plain("label"), Quoted(labels.GetValueOrDefault("pages", PagesCollection))),
            (Plain("folder"), Quoted($"{cms.ContentFolder}/pages")),
            (Plain("create"), Plain("true")),
            (Plain("slug"), Quoted("{{slug}}")),
            (Plain("extension"), Quoted("md")),
            (Plain("format"), Quoted("frontmatter")),
            // A page's images are the sheets' (input/fiches/images), one folder up from input/pages.
            (Plain("media_folder"), Quoted("../" + ImagesFolder)),
            (Plain("public_folder"), Quoted("../" + ImagesFolder)),
            (Plain("fields"), fields));
    }

    // The widget that fits each header field the build knows; a field only a contract names is a line of text.
    private static YamlMappingNode SheetField(string name, SiteCatalog catalog, IReadOnlyDictionary<string, string> labels, bool required)
    {
        switch (name)
        {
            case "description":
                return Field(name, "text", labels, required);
            case "last_reviewed" or "next_review":
                var date = Field(name, "datetime", labels, required);
                date.Add(Plain("format"), Quoted(DateFormat));
                date.Add(Plain("date_format"), Quoted(DateFormat));
                date.Add(Plain("time_format"), Plain("false"));
                // A date alone: read as UTC, it is the same day whatever the editor's time zone.
                date.Add(Plain("picker_utc"), Plain("true"));
                return date;
            case "service":
                var service = Field(name, "select", labels, required);
                service.Add(Plain("options"), Options(catalog.Services.Select(s => (s.Name, s.Slug))));
                return service;
            case "themes":
                var themes = Field(name, "select", labels, required);
                themes.Add(Plain("multiple"), Plain("true"));
                themes.Add(Plain("max"), Plain(MaxThemes.ToString(CultureInfo.InvariantCulture)));
                themes.Add(Plain("options"), Options(catalog.Themes.Select(t => (t.Name, t.Slug))));
                return themes;
            case "sources":
                var sources = Field(name, "list", labels, required);
                var year = Field("year", "number", labels, required: true, labelKey: "source_year");
                year.Add(Plain("value_type"), Quoted("int"));
                year.Add(Plain("min"), Plain("1900"));
                sources.Add(Plain("fields"), new YamlSequenceNode(
                    Field("title", "string", labels, required: true, labelKey: "source_title"),
                    Field("publisher", "string", labels, required: true, labelKey: "source_publisher"),
                    year,
                    Field("url", "string", labels, required: false, labelKey: "source_url")));
                return sources;
            default: // reviewed_by, version, and any field a contract adds
                return Field(name, "string", labels, required);
        }
    }

    private static YamlSequenceNode Options(IEnumerable<(string Label, string Value)> options) =>
        new(options.Select(o => (YamlNode)Map((Plain("label"), Quoted(o.Label)), (Plain("value"), Quoted(o.Value)))));

    private static YamlMappingNode Field(string name, string widget, IReadOnlyDictionary<string, string> labels, bool required, string? labelKey = null) =>
        Map(
            (Plain("name"), Quoted(name)),
            (Plain("label"), Quoted(labels.GetValueOrDefault(labelKey ?? name, name))),
            (Plain("widget"), Quoted(widget)),
            (Plain("required"), Plain(required ? "true" : "false")));

    private static YamlMappingNode Map(params (YamlNode Key, YamlNode Value)[] fields)
    {
        var map = new YamlMappingNode();
        foreach (var (key, value) in fields)
        {
            map.Add(key, value);
        }
        return map;
    }

    private static YamlScalarNode Plain(string text) => new(text) { Style = ScalarStyle.Plain };

    private static YamlScalarNode Quoted(string text) => new(text) { Style = ScalarStyle.DoubleQuoted };
}
