using CsCheck;
using FichesSite.Build;
using FichesSite.Cms;
using FichesSite.Content;
using FichesSite.Pipeline;
using YamlDotNet.RepresentationModel;

namespace FichesSite.Tests.Cms;

/// <summary>
/// The web editor's config.yml, made from the repository's contracts.yml, services.yml, themes.yml and SheetTemplate:
/// a collection per kind of sheet with every field its contract requires (required exactly there), the data files'
/// choices, the contract's headings in order in a new sheet's body; and text that round-trips whatever a service is named.
/// </summary>
public sealed class DecapConfigTests
{
    private static readonly BuildConfiguration Configuration = LoadConfiguration();

    private static readonly CmsSettings GitHub = Settings(("name", "github"), ("repo", "exemple/fiches-patients"), ("branch", "main"));

    [Fact]
    public void Each_kind_of_sheet_is_a_collection_of_input_fiches_filtered_by_its_type()
    {
        var collections = Collections(Config());
        var kinds = Configuration.Contracts.Where(c => c.Value.Sections.Count > 0).Select(c => c.Key).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["fiche-conseils", "fiche-examen", "fiche-procedure"], kinds);
        Assert.Equal([.. kinds, DecapConfig.PagesCollection], collections.Select(c => Text(c, "name")));
        foreach (var kind in kinds)
        {
            var collection = collections.Single(c => Text(c, "name") == kind);
            Assert.Equal("input/fiches", Text(collection, "folder"));
            Assert.Equal("frontmatter", Text(collection, "format"));
            Assert.Equal("type", Text(Map(collection, "filter"), "field"));
            Assert.Equal(kind, Text(Map(collection, "filter"), "value"));
            var type = Fields(collection).Single(f => Text(f, "name") == "type");
            Assert.Equal("hidden", Text(type, "widget"));
            Assert.Equal(kind, Text(type, "default"));
        }
    }

    [Fact]
    public void Every_field_a_contract_requires_is_in_its_form_required_exactly_there()
    {
        foreach (var (kind, contract) in Configuration.Contracts.Where(c => c.Value.Sections.Count > 0))
        {
            var fields = Fields(Collections(Config()).Single(c => Text(c, "name") == kind));
            foreach (var name in contract.RequiredFields)
            {
                var field = fields.SingleOrDefault(f => Text(f, "name") == name);
                Assert.True(field is not null, $"{kind}: the contract requires « {name} », which the editor's form lacks");
                Assert.Equal("true", Text(field!, "required"));
            }
            foreach (var field in fields.Where(f => Text(f, "name") is not ("body" or "type") && !contract.RequiredFields.Contains(Text(f, "name"))))
            {
                Assert.Equal("false", Text(field, "required"));
            }
        }
    }

    [Fact]
    public void Each_field_has_its_widget()
    {
        var fields = Fields(Collections(Config()).Single(c => Text(c, "name") == "fiche-procedure")).ToDictionary(f => Text(f, "name"));
        Assert.Equal("string", Text(fields["title"], "widget"));
        Assert.Equal("text", Text(fields["description"], "widget"));
        Assert.Equal("string", Text(fields["reviewed_by"], "widget"));
        Assert.Equal("string", Text(fields["version"], "widget"));
        foreach (var date in new[] { "last_reviewed", "next_review" })
        {
            Assert.Equal("datetime", Text(fields[date], "widget"));
            Assert.Equal("YYYY-MM-DD", Text(fields[date], "format"));
            Assert.Equal("YYYY-MM-DD", Text(fields[date], "date_format"));
            Assert.Equal("false", Text(fields[date], "time_format"));
        }
        Assert.Equal("list", Text(fields["sources"], "widget"));
        Assert.Equal(SourceReferenceReader.Keys, Fields(fields["sources"]).Select(f => Text(f, "name")));
        Assert.Equal(["true", "true", "true", "false"], Fields(fields["sources"]).Select(f => Text(f, "required")));
        Assert.Equal("select", Text(fields["service"], "widget"));
        Assert.Equal("select", Text(fields["themes"], "widget"));
        Assert.Equal("true", Text(fields["themes"], "multiple"));
        Assert.Equal("5", Text(fields["themes"], "max"));
        Assert.Equal("markdown", Text(fields["body"], "widget"));
    }

    [Fact]
    public void Service_and_theme_choices_are_the_data_files_entries()
    {
        var fields = Fields(Collections(Config()).Single(c => Text(c, "name") == "fiche-examen")).ToDictionary(f => Text(f, "name"));
        Assert.NotEmpty(Configuration.Catalog.Services);
        Assert.NotEmpty(Configuration.Catalog.Themes);
        Assert.Equal(Configuration.Catalog.Services.Select(s => (s.Name, s.Slug)), Options(fields["service"]));
        Assert.Equal(Configuration.Catalog.Themes.Select(t => (t.Name, t.Slug)), Options(fields["themes"]));
    }

    [Fact]
    public void A_new_sheets_body_holds_its_contracts_headings_in_order_as_the_new_command_writes_them()
    {
        foreach (var (kind, contract) in Configuration.Contracts.Where(c => c.Value.Sections.Count > 0))
        {
            var body = Text(Fields(Collections(Config()).Single(c => Text(c, "name") == kind)).Single(f => Text(f, "name") == "body"), "default");
            Assert.Equal(SheetTemplate.Body(contract).TrimStart('\n'), body);
            var headings = body.Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal)).Select(l => l[3..]).ToList();
            Assert.Equal(contract.Sections.Select(s => s.Heading), headings);
            Assert.Contains(Placeholders.For($"le texte de la section « {contract.Sections[0].Heading} », tiré des sources"), body);
        }
    }

    [Fact]
    public void Pages_have_title_description_and_body()
    {
        var pages = Collections(Config()).Single(c => Text(c, "name") == DecapConfig.PagesCollection);
        Assert.Equal("input/pages", Text(pages, "folder"));
        Assert.Equal(["title", "description", "body"], Fields(pages).Select(f => Text(f, "name")));
        Assert.Equal("../fiches/images", Text(pages, "media_folder"));
    }

    [Fact]
    public void The_editorial_workflow_is_on_in_french_with_the_sheets_images_folder()
    {
        var root = Config();
        Assert.Equal("editorial_workflow", Text(root, "publish_mode"));
        Assert.Equal("fr", Text(root, "locale"));
        Assert.Equal("input/fiches/images", Text(root, "media_folder"));
        Assert.Equal("images", Text(root, "public_folder"));
        Assert.Equal("github", Text(Map(root, "backend"), "name"));
        Assert.Equal("exemple/fiches-patients", Text(Map(root, "backend"), "repo"));
        Assert.False(Map(root, "backend").Children.ContainsKey("app_id"));
        Assert.False(root.Children.ContainsKey("local_backend"));
    }

    [Fact]
    public void A_gitlab_backend_with_pkce_and_a_local_backend_and_content_folder_are_passed_on()
    {
        var cms = Settings(("name", "gitlab"), ("repo", "groupe/fiches"), ("auth_type", "pkce"), ("app_id", "abc: \"123\""), ("base_url", "https://gitlab.hopital.invalid"));
        cms.LocalBackend = true;
        cms.ContentFolder = "site/contenu";
        var root = Config(cms);
        var backend = Map(root, "backend");
        Assert.Equal(["name", "repo", "auth_type", "app_id", "base_url"], backend.Children.Keys.Select(k => ((YamlScalarNode)k).Value));
        Assert.Equal("abc: \"123\"", Text(backend, "app_id"));
        Assert.Equal("true", Text(root, "local_backend"));
        Assert.Equal("site/contenu/fiches", Text(Collections(root)[0], "folder"));
        Assert.Equal("site/contenu/fiches/images", Text(root, "media_folder"));
    }

    [Fact]
    public void Any_service_or_theme_name_comes_back_as_written()
    {
        // Quotes, colons, hashes, backslashes, leading signs YAML gives a meaning to, accents, line breaks.
        var character = Gen.OneOf(Gen.Char["abcdefghijklmnopqrstuvwxyzAEIXZéèàçÉ0189 "], Gen.Char[":\"'#\\-?&*!|>[]{},%@`\n\t’«»"]);
        var name = Gen.String[character, 1, 30];
        Gen.Select(name.Array[1, 5], name.Array[0, 5]).Sample((services, themes) =>
        {
            var catalog = new SiteCatalog(
                services.Select((n, i) => new Service($"s{i}", n, "01 00 00 00 00", null, null, null, null, i + 1)).ToList(),
                themes.Select((n, i) => new Theme($"t{i}", n, null, i + 1)).ToList());
            var fields = Fields(Collections(Config(GitHub, catalog)).Single(c => Text(c, "name") == "fiche-procedure")).ToDictionary(f => Text(f, "name"));
            Assert.Equal(catalog.Services.Select(s => (s.Name, s.Slug)), Options(fields["service"]));
            if (themes.Length > 0)
            {
                Assert.Equal(catalog.Themes.Select(t => (t.Name, t.Slug)), Options(fields["themes"]));
            }
            else
            {
                Assert.False(fields.ContainsKey("themes"));
            }
        }, iter: 200);
    }

    private static CmsSettings Settings(params (string Key, string Value)[] backend)
    {
        var cms = new CmsSettings();
        foreach (var (key, value) in backend)
        {
            cms.Backend[key] = value;
        }
        return cms;
    }

    private static YamlMappingNode Config(CmsSettings? cms = null, SiteCatalog? catalog = null)
    {
        var text = DecapConfig.Write(cms ?? GitHub, Configuration.Contracts, catalog ?? Configuration.Catalog, Configuration.Strings.Map("cms"));
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static List<YamlMappingNode> Collections(YamlMappingNode root) =>
        ((YamlSequenceNode)root["collections"]).Children.Cast<YamlMappingNode>().ToList();

    private static List<YamlMappingNode> Fields(YamlMappingNode collection) =>
        ((YamlSequenceNode)collection["fields"]).Children.Cast<YamlMappingNode>().ToList();

    private static IEnumerable<(string Label, string Value)> Options(YamlMappingNode field) =>
        ((YamlSequenceNode)field["options"]).Children.Cast<YamlMappingNode>().Select(o => (Text(o, "label"), Text(o, "value")));

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node[key];

    private static string Text(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value!;

    private static BuildConfiguration LoadConfiguration()
    {
        var diagnostics = new DiagnosticBag(warningsAreErrors: false);
        var options = new BuildOptions(Path.Combine(TestSite.RepositoryRoot, "input"), TestSite.RepositoryTheme, OutputDirectory: null);
        return BuildConfiguration.Load(options, diagnostics) ?? throw new InvalidOperationException(string.Join("\n", diagnostics.All));
    }
}
