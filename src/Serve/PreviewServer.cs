using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using FichesSite.Build;
using FichesSite.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FichesSite.Serve;

/// <summary>
/// The authors' preview: builds the site, serves it on 127.0.0.1 only, rebuilds when a file of
/// the content or the theme changes, and tells the open pages to reload (server-sent events).
/// A failed rebuild publishes nothing: the last good pages stay served and the errors show over them.
/// </summary>
public sealed class PreviewServer : IAsyncDisposable
{
    private const string ToolPrefix = "/__serve/";
    private static readonly string ReloadTags =
        $"<link rel=\"stylesheet\" href=\"{ToolPrefix}reload.css\"><script src=\"{ToolPrefix}reload.js\" defer></script>";

    private readonly BuildOptions _options;
    private readonly Action<string> _log;
    private readonly ReloadHub _hub = new();
    private readonly SiteFiles _files;
    private readonly SiteRebuilder _rebuilder;
    private readonly WebApplication _app;
    private FileSystemWatcher[] _watchers = [];

    private PreviewServer(BuildOptions options, int port, Action<string> log)
    {
        _options = options;
        _log = log;
        _files = new SiteFiles(options.OutputDirectory!);
        _rebuilder = new SiteRebuilder(options, OnBuilt);
        Port = port;

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        _app = builder.Build();
        _app.MapGet(ToolPrefix + "events", StreamEvents);
        _app.MapGet(ToolPrefix + "reload.js", context => SendResource(context, "reload.js", "text/javascript; charset=utf-8"));
        _app.MapGet(ToolPrefix + "reload.css", context => SendResource(context, "reload.css", "text/css; charset=utf-8"));
        _app.MapFallback("{**path}", SendSiteFile);
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/";

    /// <summary>The last build's result, good or bad.</summary>
    public BuildResult? LastBuild => _rebuilder.Last;

    /// <summary>Builds once, starts serving and watching. <paramref name="port"/> is tried first, then the next free one.</summary>
    public static async Task<PreviewServer> StartAsync(BuildOptions options, int port, Action<string> log)
    {
        var server = new PreviewServer(options, FreePort(port), log);
        server._rebuilder.RebuildNow("construction initiale");
        await server._app.StartAsync();
        server.Watch();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }
        _rebuilder.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Watch()
    {
        _watchers = new[] { _options.InputDirectory, _options.ThemeDirectory }
            .Where(Directory.Exists)
            .Select(folder =>
            {
                var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size };
                watcher.Changed += (_, e) => _rebuilder.Schedule(e.FullPath);
                watcher.Created += (_, e) => _rebuilder.Schedule(e.FullPath);
                watcher.Deleted += (_, e) => _rebuilder.Schedule(e.FullPath);
                watcher.Renamed += (_, e) => _rebuilder.Schedule(e.FullPath);
                watcher.EnableRaisingEvents = true;
                return watcher;
            })
            .ToArray();
    }

    private void OnBuilt(BuildResult result, string reason, TimeSpan sinceChange)
    {
        foreach (var diagnostic in result.Diagnostics.Take(50))
        {
            _log(diagnostic.ToString());
        }
        if (result.Succeeded)
        {
            _log($"{reason} : {result.PageCount} page(s) en {sinceChange.TotalMilliseconds:0} ms ; rechargement des pages ouvertes.");
            _hub.Publish("reload", "{}");
        }
        else
        {
            _log($"{reason} : échec, les pages de la dernière construction réussie restent servies.");
            _hub.Publish("build-error", ErrorsJson(result.Errors.Take(50)));
        }
    }

    // Written field by field: the published generator is compiled ahead of time (Site.csproj), where JsonSerializer
    // cannot look at a type's members at run time.
    private static string ErrorsJson(IEnumerable<Diagnostic> errors)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var error in errors)
            {
                json.WriteStartObject();
                json.WriteString("location", error.Location);
                json.WriteString("message", error.Message);
                json.WriteString("fix", error.Fix);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private async Task StreamEvents(HttpContext context)
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        var events = _hub.Subscribe(context.RequestAborted);
        await context.Response.WriteAsync(": connecté\n\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        try
        {
            await foreach (var message in events.ReadAllAsync(context.RequestAborted))
            {
                await context.Response.WriteAsync(message, context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
        }
        catch (OperationCanceledException)
        {
            // the tab was closed
        }
    }

    private async Task SendSiteFile(HttpContext context)
    {
        var file = _files.Find(context.Request.Path.Value ?? "/");
        if (file is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            var notFound = _files.Find("/404.html");
            if (notFound is not null)
            {
                await SendHtml(context, notFound);
            }
            return;
        }
        context.Response.Headers.CacheControl = "no-store";
        if (file.EndsWith(".html", StringComparison.Ordinal))
        {
            await SendHtml(context, file);
            return;
        }
        context.Response.ContentType = ContentTypes.Of(file);
        await context.Response.SendFileAsync(file);
    }

    // The reload script goes into served pages only: the files in _site/ stay as they will be published.
    private static async Task SendHtml(HttpContext context, string file)
    {
        var html = await File.ReadAllTextAsync(file);
        var end = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        html = end < 0 ? html + ReloadTags : html.Insert(end, ReloadTags + "\n");
        context.Response.ContentType = ContentTypes.Of(file);
        await context.Response.WriteAsync(html, Encoding.UTF8);
    }

    private static async Task SendResource(HttpContext context, string name, string contentType)
    {
        await using var stream = typeof(PreviewServer).Assembly.GetManifestResourceStream("FichesSite.Serve." + name)!;
        context.Response.ContentType = contentType;
        await stream.CopyToAsync(context.Response.Body);
    }

    private static int FreePort(int preferred)
    {
        for (var port = preferred; port < preferred + 100 && port <= IPEndPoint.MaxPort; port++)
        {
            try
            {
                var probe = new TcpListener(IPAddress.Loopback, port);
                probe.Start();
                probe.Stop();
                return port;
            }
            catch (SocketException)
            {
                // taken: try the next one
            }
        }
        throw new InvalidOperationException($"no free port between {preferred} and {preferred + 99}");
    }
}
