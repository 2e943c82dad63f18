using FichesSite.Build;
using FichesSite.Serve;

namespace FichesSite.Tests.Cms;

/// <summary>
/// The preview serves admin/ as the published site has it: config.yml as YAML, the bundle's WebAssembly as such, and
/// its page without the reload script (a sheet saved through decap-server rebuilds the site, which must not reload the
/// form being filled), while the patient pages keep it.
/// </summary>
public sealed class AdminServeTests : IAsyncLifetime
{
    private readonly TestSite _site = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private PreviewServer _server = null!;

    public async Task InitializeAsync()
    {
        var bundle = Path.Combine(_site.Root, "bundle");
        Directory.CreateDirectory(bundle);
        File.WriteAllText(Path.Combine(bundle, "decap-cms.js"), "// bundle\n");
        File.WriteAllBytes(Path.Combine(bundle, "a.wasm"), [0x00, 0x61, 0x73, 0x6D]);
        File.AppendAllText(Path.Combine(_site.Input, "site.yml"), "\ncms:\n  backend:\n    name: github\n    repo: exemple/fiches-patients\n  local_backend: true\n");
        _server = await PreviewServer.StartAsync(
            new BuildOptions(_site.Input, _site.Theme, _site.Output, Today: TestSite.Today) { CmsBundleDirectory = bundle },
            Browser.LoopbackServer.FreePort(), _ => { });
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _http.Dispose();
        _site.Dispose();
    }

    [Fact]
    public async Task Admin_is_served_without_the_reload_script_and_with_its_files_types()
    {
        var admin = await _http.GetStringAsync(_server.Url + "admin/index.html");
        Assert.Contains("<script src=\"decap-cms.js\"></script>", admin);
        Assert.DoesNotContain("__serve", admin);
        Assert.Contains("__serve/reload.js", await _http.GetStringAsync(_server.Url));
        using var config = await _http.GetAsync(_server.Url + "admin/config.yml");
        Assert.Equal("text/yaml", config.Content.Headers.ContentType?.MediaType);
        Assert.Contains("publish_mode: editorial_workflow", await config.Content.ReadAsStringAsync());
        using var wasm = await _http.GetAsync(_server.Url + "admin/a.wasm");
        Assert.Equal("application/wasm", wasm.Content.Headers.ContentType?.MediaType);
    }
}
