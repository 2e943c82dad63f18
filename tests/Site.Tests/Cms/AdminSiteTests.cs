using FichesSite.Build;
using FichesSite.Cms;

namespace FichesSite.Tests.Cms;

/// <summary>
/// admin/ in a built site: only with « cms: » in site.yml; its page carries a policy of its own and the bundle beside it
/// byte for byte (not its source maps); no patient page, sitemap.xml, search index or site map names it; without the
/// bundle, a French error at the line of « cms: » saying how to install it.
/// </summary>
public sealed class AdminSiteTests : IDisposable
{
    private const string CmsSection = "\ncms:\n  backend:\n    name: github\n    repo: exemple/fiches-patients\n    branch: main\n  local_backend: true\n";

    private readonly TestSite _site = new();
    private readonly string _bundle;

    public AdminSiteTests()
    {
        // A stand-in for the npm package's dist/: its entry script, a chunk, WebAssembly, its licence and a source map.
        _bundle = Path.Combine(_site.Root, "bundle");
        Directory.CreateDirectory(_bundle);
        File.WriteAllBytes(Path.Combine(_bundle, "decap-cms.js"), [0x2F, 0x2F, 0x20, 0xC3, 0xA9, 0x0A, 0x00, 0xFF]);
        File.WriteAllText(Path.Combine(_bundle, "103.decap-cms.js"), "// chunk\n");
        File.WriteAllBytes(Path.Combine(_bundle, "f728dc876b39e5273411.wasm"), [0x00, 0x61, 0x73, 0x6D]);
        File.WriteAllText(Path.Combine(_bundle, "decap-cms.js.LICENSE.txt"), "MIT\n");
        File.WriteAllText(Path.Combine(_bundle, "decap-cms.js.map"), "{}");
        File.WriteAllText(Path.Combine(_bundle, "cms.js"), "// the same bundle under its other name\n");
    }

    public void Dispose() => _site.Dispose();

    private BuildResult Build(string? bundle = null) =>
        SiteBuilder.Build(new BuildOptions(_site.Input, _site.Theme, _site.Output, Today: TestSite.Today) { CmsBundleDirectory = bundle ?? _bundle });

    private void EnableCms() => File.AppendAllText(Path.Combine(_site.Input, "site.yml"), CmsSection);

    [Fact]
    public void Without_cms_the_site_has_no_admin()
    {
        var result = Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.False(Directory.Exists(Path.Combine(_site.Output, "admin")));
    }

    [Fact]
    public void With_cms_admin_holds_its_page_config_and_the_bundle_byte_for_byte()
    {
        EnableCms();
        var result = Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var admin = Path.Combine(_site.Output, "admin");
        Assert.Equal(
            ["103.decap-cms.js", "config.yml", "decap-cms.js", "decap-cms.js.LICENSE.txt", "f728dc876b39e5273411.wasm", "index.html"],
            Directory.EnumerateFiles(admin).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var name in new[] { "decap-cms.js", "103.decap-cms.js", "f728dc876b39e5273411.wasm", "decap-cms.js.LICENSE.txt" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(_bundle, name)), File.ReadAllBytes(Path.Combine(admin, name)));
        }
        Assert.Contains("publish_mode: editorial_workflow", File.ReadAllText(Path.Combine(admin, "config.yml")));
        var page = _site.Page("admin/index.html");
        Assert.Equal("decap-cms.js", page.QuerySelector("script")?.GetAttribute("src"));
        Assert.Empty(page.QuerySelectorAll("script:not([src])"));
        Assert.Equal("noindex, nofollow", page.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
    }

    [Fact]
    public void The_admin_page_has_its_own_policy_and_the_patient_pages_keep_theirs()
    {
        EnableCms();
        Assert.True(Build().Succeeded);
        var policy = _site.Page("admin/index.html").QuerySelector("meta[http-equiv=Content-Security-Policy]")?.GetAttribute("content");
        Assert.NotNull(policy);
        Assert.StartsWith("default-src 'self'; script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline';", policy);
        Assert.Contains("connect-src 'self' https://api.github.com http://localhost:8081 http://127.0.0.1:8081;", policy);
        Assert.Contains("object-src 'none'; base-uri 'none'", policy);
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", policy);
        foreach (var sitePath in _site.HtmlPages().Where(p => !p.StartsWith("admin/", StringComparison.Ordinal)))
        {
            var csp = _site.Page(sitePath).QuerySelector("meta[http-equiv=Content-Security-Policy]")?.GetAttribute("content");
            Assert.NotNull(csp);
            Assert.DoesNotContain("unsafe", csp);
        }
    }

    [Fact]
    public void No_patient_page_sitemap_search_index_or_site_map_names_admin()
    {
        EnableCms();
        Assert.True(Build().Succeeded);
        foreach (var sitePath in _site.HtmlPages().Where(p => !p.StartsWith("admin/", StringComparison.Ordinal)))
        {
            var links = _site.Page(sitePath).QuerySelectorAll("a[href], link[href], script[src]")
                .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!);
            Assert.DoesNotContain(links, link => link.Contains("admin", StringComparison.Ordinal));
        }
        Assert.DoesNotContain("admin", File.ReadAllText(Path.Combine(_site.Output, "sitemap.xml")));
        foreach (var index in Directory.EnumerateFiles(Path.Combine(_site.Output, "assets"), "search-index*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain("admin/", File.ReadAllText(index));
        }
        Assert.DoesNotContain("admin", _site.Page("plan-du-site/index.html").Body!.InnerHtml);
    }

    [Fact]
    public void Check_writes_nothing_and_needs_no_bundle()
    {
        EnableCms();
        var result = SiteBuilder.Build(new BuildOptions(_site.Input, _site.Theme, OutputDirectory: null, Today: TestSite.Today)
            { CmsBundleDirectory = Path.Combine(_site.Root, "nowhere") });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public void Without_the_bundle_the_build_fails_at_the_line_of_cms_with_the_install_command()
    {
        EnableCms();
        var line = Array.IndexOf(File.ReadAllLines(Path.Combine(_site.Input, "site.yml")), "cms:") + 1;
        var result = Build(Path.Combine(_site.Root, "nowhere"));
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.Severity == FichesSite.Pipeline.Severity.Error);
        Assert.EndsWith("site.yml", error.File);
        Assert.Equal(line, error.Line);
        Assert.Contains("Decap CMS, introuvable", error.Message);
        Assert.Contains(CmsAdminStage.InstallCommand, error.Fix);
        Assert.False(Directory.Exists(_site.Output));
    }

    [Fact]
    public void A_page_whose_address_is_in_admin_is_refused()
    {
        EnableCms();
        File.WriteAllText(Path.Combine(_site.Input, "pages", "admin.md"), "---\ntitle: \"Administration\"\ndescription: \"Une page.\"\n---\n\nTexte.\n");
        var result = Build();
        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.File.EndsWith("admin.md", StringComparison.Ordinal) && d.Message.Contains("dossier de l’éditeur en ligne", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\ncms:\n  local_backend: true\n", "n’a pas de « backend: »")]
    [InlineData("\ncms:\n  backend:\n    name: bitbucket\n    repo: a/b\n", "ne sait pas enregistrer dans « bitbucket »")]
    [InlineData("\ncms:\n  backend:\n    name: github\n", "dans quel dépôt")]
    [InlineData("\ncms:\n  backend:\n    name: gitlab\n    repo: a/b\n    base_url: \"http://gitlab.invalid\"\n", "n’est pas une adresse https")]
    [InlineData("\ncms:\n  backend:\n    name: gitlab\n    repo: a/b\n    api_root: \"https://x.invalid/api; script-src *\"\n", "n’est pas une adresse https")]
    [InlineData("\ncms:\n  backend:\n    name: github\n    repo: a/b\n  content_folder: ../input\n", "n’est pas un dossier du dépôt")]
    public void A_cms_section_the_editor_cannot_use_is_refused(string section, string message)
    {
        File.AppendAllText(Path.Combine(_site.Input, "site.yml"), section);
        var result = Build();
        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.File.EndsWith("site.yml", StringComparison.Ordinal) && d.Message.Contains(message, StringComparison.Ordinal));
    }
}
