using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using FichesSite.Build;
using FichesSite.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FichesSite.Serve;

/// <summary>
/// The authors' preview: builds the site, serves it on 127.0.0.1 only, rebuilds when a file of
/// the content or the theme changes, and tells the open pages to reload (server-sent events).
/// A failed rebuild publishes nothing: the last good pages stay served and the errors show over them.
/// It answers only GET and HEAD requests addressed to a loopback name (<see cref="LoopbackHost"/>), and stops
/// cleanly when disposed: port closed first, watchers off, a rebuild under way abandoned before it writes.
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
    private bool _started;
    private int _disposed;

    /// <summary>How long a stop waits for a rebuild under way to abandon; past it the process may end anyway.</summary>
    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

    private PreviewServer(BuildOptions options, int port, Action<string> log)
    {
        _options = options;
        _log = log;
        _files = new SiteFiles(options.OutputDirectory!);
        _rebuilder = new SiteRebuilder(options, OnBuilt, log);
        Port = port;

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // Not ASP.NET Core's console lifetime, which takes Ctrl+C and SIGTERM and then waits for a shutdown nobody
        // asks for: the command stops the preview (StopSignals), in-process users dispose it.
        builder.Services.AddSingleton<IHostLifetime, NoSignals>();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        _app = builder.Build();
        _app.Use(RefuseForeignRequests);
        _app.MapGet(ToolPrefix + "events", StreamEvents);
        _app.MapGet(ToolPrefix + "reload.js", context => SendResource(context, "reload.js", "text/javascript; charset=utf-8"));
        _app.MapGet(ToolPrefix + "reload.css", context => SendResource(context, "reload.css", "text/css; charset=utf-8"));
        _app.MapFallback("{**path}", SendSiteFile);
    }

    public int Port { get; private set; }

    public string Url => $"http://127.0.0.1:{Port}/";

    /// <summary>The last build's result, good or bad.</summary>
    public BuildResult? LastBuild => _rebuilder.Last;

    /// <summary>
    /// Builds once, starts serving and watching. <paramref name="port"/> is tried first, then the next free one;
    /// 0 lets the system choose. <paramref name="stop"/> cancelled during the first build stops it all and throws
    /// <see cref="OperationCanceledException"/>.
    /// </summary>
    /// <exception cref="PreviewPortException">No port could be had; its message is French.</exception>
    public static async Task<PreviewServer> StartAsync(BuildOptions options, int port, Action<string> log, CancellationToken stop = default)
    {
        var server = new PreviewServer(options, FreePort(port), log);
        try
        {
            // On a worker thread, so that a stop asked during a long first build is heard at once.
            await Task.Run(() => server._rebuilder.RebuildNow("construction initiale"), CancellationToken.None).WaitAsync(stop);
            try
            {
                await server._app.StartAsync(stop);
            }
            catch (IOException e)
            {
                // Taken since it was probed, or not ours to take.
                throw new PreviewPortException($"erreur : impossible d’écouter sur le port {server.Port} ({e.Message}). Indiquez un autre port avec --port (0 : un port libre au choix du système).");
            }
            server._started = true;
            server.Port = ListeningPort(server._app);
            server.Watch();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops: the port closes first, then the watchers and the open event streams; a rebuild under way is abandoned.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        foreach (var watcher in _watchers)
        {
            watcher.EnableRaisingEvents = false;
            watcher.Dispose();
        }
        _hub.Close();
        if (_started)
        {
            // Open requests get a moment to finish, then their connections are cut: a stop never waits on a browser.
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await _app.StopAsync(patience.Token);
        }
        await _app.DisposeAsync();
        if (!_rebuilder.Stop(StopGrace))
        {
            _log("La reconstruction en cours n’a pas fini ses vérifications à temps : elle est interrompue avant toute écriture, le site déjà construit reste en place.");
        }
        _rebuilder.Dispose();
    }

    private static int ListeningPort(WebApplication app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        return address is not null && Uri.TryCreate(address, UriKind.Absolute, out var uri) ? uri.Port : 0;
    }

    // Every route, the event stream included: a request for another host name, or that is not a plain read, gets nothing.
    private async Task RefuseForeignRequests(HttpContext context, RequestDelegate next)
    {
        if (!LoopbackHost.Allows(context.Request.Headers.Host.ToString(), Port))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            context.Response.ContentType = "text/plain; charset=utf-8";
            var refusal = Encoding.UTF8.GetBytes(LoopbackHost.Refusal(Port));
            context.Response.ContentLength = refusal.Length;
            await context.Response.Body.WriteAsync(refusal);
            return;
        }
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            // The preview only reads: nothing may change it from a page, this site's or another's.
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = "GET, HEAD";
            return;
        }
        await next(context);
    }

    private sealed class NoSignals : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
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
            var notFound = _files.Find("/" + PageAddresses.NotFoundPage);
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

    // The reload script goes into served pages only: the files in _site/ stay as they will be published. Not into the
    // web editor's page (admin/): a sheet it saves through decap-server rebuilds the site, and a reload would throw
    // away the form the author is filling.
    private static async Task SendHtml(HttpContext context, string file)
    {
        var html = await File.ReadAllTextAsync(file);
        if (context.Request.Path.StartsWithSegments("/" + Cms.AdminPage.Folder, StringComparison.Ordinal))
        {
            context.Response.ContentType = ContentTypes.Of(file);
            await context.Response.WriteAsync(html, Encoding.UTF8);
            return;
        }
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
        if (preferred is < 0 or > IPEndPoint.MaxPort)
        {
            throw new PreviewPortException($"erreur : le port {preferred} n’existe pas. Indiquez avec --port un nombre entre 1 et {IPEndPoint.MaxPort} (0 : un port libre au choix du système).");
        }
        if (preferred == 0)
        {
            return 0;
        }
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
        throw new PreviewPortException($"erreur : aucun port libre entre {preferred} et {Math.Min(preferred + 99, IPEndPoint.MaxPort)}. Indiquez un autre port avec --port (0 : un port libre au choix du système).");
    }
}

/// <summary>The preview could not have a port; the message is French and says what to do.</summary>
public sealed class PreviewPortException(string message) : Exception(message);
