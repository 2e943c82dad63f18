using System.Net;
using System.Net.Sockets;
using System.Text;
using FichesSite.Build;
using FichesSite.Serve;

namespace FichesSite.Tests;

/// <summary>The authors' preview server, started in-process on a free loopback port.</summary>
public sealed class ServeTests : IAsyncLifetime
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(20);

    private readonly TestSite _site = new();
    private readonly List<string> _log = [];
    private PreviewServer _server = null!;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public async Task InitializeAsync() =>
        _server = await PreviewServer.StartAsync(
            new BuildOptions(_site.Input, _site.Theme, _site.Output, Today: TestSite.Today), Browser.LoopbackServer.FreePort(), line => { lock (_log) { _log.Add(line); } });

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _http.Dispose();
        _site.Dispose();
    }

    [Fact]
    public async Task Serves_the_built_site_with_the_reload_script_on_loopback_only()
    {
        var home = await _http.GetStringAsync(_server.Url);
        Assert.Contains("<h1>Fiches d’information patients</h1>", home);
        Assert.Contains("<script src=\"/__serve/reload.js\" defer></script>", home);
        Assert.DoesNotContain("__serve", File.ReadAllText(Path.Combine(_site.Output, "index.html")));
        Assert.StartsWith("http://127.0.0.1:", _server.Url);
        var script = await _http.GetStringAsync(_server.Url + "__serve/reload.js");
        Assert.Contains("new EventSource(\"/__serve/events\")", script);
    }

    [Theory]
    [InlineData("/../../../../etc/passwd")]
    [InlineData("/%2e%2e/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd")]
    [InlineData("/..%5c..%5cinput%5csite.yml")]
    [InlineData("//etc/passwd")]
    [InlineData("/assets/")]
    [InlineData("/assets/css")]
    [InlineData("/n-existe-pas.html")]
    public async Task Paths_outside_the_site_or_folders_without_index_get_404(string path)
    {
        var (status, body) = await RawGet(path);
        Assert.Equal(404, status);
        Assert.DoesNotContain("root:", body);
        Assert.DoesNotContain("base_url", body);
        Assert.DoesNotContain("site.css\n", body); // no directory listing
    }

    [Fact]
    public async Task A_missing_address_at_any_depth_shows_the_404_page_and_only_the_sites_root_answers_for_404_html()
    {
        // What the 404 page's script asks to find the site's root (theme/assets/js/page-introuvable.js).
        using var missing = await _http.GetAsync(_server.Url + "a/b/c/page-absente.html");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var html = await missing.Content.ReadAsStringAsync();
        Assert.Contains("<script data-site-root=\"/\">", html);
        Assert.Contains("<script src=\"/__serve/reload.js\" defer></script>", html); // allowed by the page's script-src 'self'
        using var root = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Head, _server.Url + "404.html"));
        Assert.Equal(HttpStatusCode.OK, root.StatusCode);
        using var deeper = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Head, _server.Url + "a/b/404.html"));
        Assert.Equal(HttpStatusCode.NotFound, deeper.StatusCode);
    }

    [Fact]
    public async Task An_edit_rebuilds_and_tells_open_pages_to_reload()
    {
        using var events = await OpenEvents();
        var page = Path.Combine(_site.Input, "pages", "plan-du-site.md");
        File.AppendAllText(page, "\nUne phrase ajoutée pendant l’aperçu.\n");

        await events.WaitFor("event: reload");

        var html = await _http.GetStringAsync(_server.Url + "plan-du-site/index.html");
        Assert.Contains("Une phrase ajoutée pendant l’aperçu.", html);
    }

    [Fact]
    public async Task A_build_error_is_sent_to_the_page_and_the_last_good_pages_stay_served()
    {
        using var events = await OpenEvents();
        var fiche = Path.Combine(_site.Input, "fiches", "cimentoplastie-metastases-osseuses.md");
        var text = File.ReadAllText(fiche);
        File.WriteAllText(fiche, text.Replace("## Quelles sont les suites opératoires ?", "## Suites"));

        var error = await events.WaitFor("event: build-error");

        Assert.Contains("cimentoplastie-metastases-osseuses.md:", error);
        Assert.Contains("Quelles sont les suites", error);
        var html = await _http.GetStringAsync(_server.Url + "fiches/cimentoplastie-metastases-osseuses/index.html");
        Assert.Contains("Quelles sont les suites opératoires", html);
    }

    [Fact]
    public async Task A_taken_port_moves_to_the_next_free_one()
    {
        var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            var port = ((IPEndPoint)taken.LocalEndpoint).Port;
            await using var second = await PreviewServer.StartAsync(
                new BuildOptions(_site.Input, _site.Theme, Path.Combine(_site.Root, "second"), Today: TestSite.Today), port, _ => { });
            Assert.NotEqual(port, second.Port);
            Assert.Contains("Fiches d’information patients", await _http.GetStringAsync(second.Url));
        }
        finally
        {
            taken.Stop();
        }
    }

    // HttpClient would tidy « .. » away before sending: the server must see the path as an attacker writes it.
    private async Task<(int Status, string Body)> RawGet(string path)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _server.Port);
        await using var stream = client.GetStream();
        var request = Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{_server.Port}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(request);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync();
        var status = int.Parse(response.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        return (status, response);
    }

    private Task<EventStream> OpenEvents() => EventStream.OpenAsync(_http, _server.Url);

    /// <summary>The preview's server-sent events, as an open page receives them (also read by the published generator's tests).</summary>
    internal sealed class EventStream(HttpResponseMessage response, StreamReader reader) : IDisposable
    {
        public static async Task<EventStream> OpenAsync(HttpClient http, string siteUrl)
        {
            var response = await http.GetAsync(siteUrl + "__serve/events", HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
            var stream = new EventStream(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
            await stream.WaitFor(": connecté");
            return stream;
        }

        /// <summary>Reads until a line starting with <paramref name="start"/>; returns the event's data line.</summary>
        public async Task<string> WaitFor(string start)
        {
            using var timeout = new CancellationTokenSource(EventTimeout);
            while (await reader.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith(start, StringComparison.Ordinal))
                {
                    return line.StartsWith("event:", StringComparison.Ordinal) ? await reader.ReadLineAsync(timeout.Token) ?? "" : line;
                }
            }
            throw new InvalidOperationException($"the event stream ended before « {start} »");
        }

        public void Dispose()
        {
            reader.Dispose();
            response.Dispose();
        }
    }
}
