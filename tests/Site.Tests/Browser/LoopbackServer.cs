using System.IO.Compression;
using System.Net;
using System.Net.Sockets;

namespace FichesSite.Tests.Browser;

/// <summary>
/// A tiny static file server on 127.0.0.1, so the browser sees the site as a web server would show it
/// (its 404 page at missing addresses included, when asked). Loopback only, GET and HEAD only, files under one folder only.
/// Also compiled into the benchmarks (bench/Bench.csproj links this file): it uses nothing of the tests.
/// </summary>
public sealed class LoopbackServer : IDisposable
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".xml"] = "application/xml; charset=utf-8",
        [".txt"] = "text/plain; charset=utf-8",
        [".json"] = "application/json",
        [".yml"] = "text/yaml; charset=utf-8",
        [".wasm"] = "application/wasm",
    };

    private readonly string _root;
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public LoopbackServer(string root)
    {
        _root = Path.GetFullPath(root);
        Port = FreePort();
        BaseUrl = $"http://127.0.0.1:{Port}/";
        _listener.Prefixes.Add(BaseUrl);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    /// <summary>A missing file answers with the site's 404.html, status 404, as GitHub Pages does (else an empty 404).</summary>
    public bool ServesNotFoundPage { get; init; }

    /// <summary>The page shown for a missing address, from the served folder: a site copied under a sub-path has it there.</summary>
    public string NotFoundPage { get; init; } = "404.html";

    /// <summary>Text sent gzip-compressed to a browser that accepts it, as GitHub Pages sends it; switchable between requests.</summary>
    public bool Gzip
    {
        get => _gzip;
        set => _gzip = value;
    }

    private volatile bool _gzip;

    /// <summary>« http://127.0.0.1:port/ », with the trailing slash.</summary>
    public string BaseUrl { get; }

    /// <summary>A port nobody listens on now, for a test server on 127.0.0.1.</summary>
    internal static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => Respond(context));
        }
    }

    private void Respond(HttpListenerContext context)
    {
        using var response = context.Response;
        try
        {
            var relative = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath).TrimStart('/');
            if (relative.Length == 0 || relative.EndsWith('/'))
            {
                relative += "index.html";
            }
            var path = Path.GetFullPath(Path.Combine(_root, relative));
            var inside = path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
            if (context.Request.HttpMethod is not ("GET" or "HEAD") || !inside)
            {
                response.StatusCode = 403;
                return;
            }
            if (!File.Exists(path))
            {
                response.StatusCode = 404;
                if (!ServesNotFoundPage)
                {
                    return;
                }
                path = Path.Combine(_root, NotFoundPage);
            }
            var body = File.ReadAllBytes(path);
            var type = ContentTypes.GetValueOrDefault(Path.GetExtension(path), "application/octet-stream");
            response.ContentType = type;
            if (Gzip && (type.StartsWith("text/", StringComparison.Ordinal) || type.Contains("xml", StringComparison.Ordinal) || type.Contains("json", StringComparison.Ordinal))
                && (context.Request.Headers["Accept-Encoding"] ?? "").Contains("gzip", StringComparison.Ordinal))
            {
                using var compressed = new MemoryStream();
                using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
                {
                    gzip.Write(body);
                }
                body = compressed.ToArray();
                response.AddHeader("Content-Encoding", "gzip");
                response.AddHeader("Vary", "Accept-Encoding");
            }
            response.ContentLength64 = body.Length;
            if (context.Request.HttpMethod == "GET")
            {
                response.OutputStream.Write(body);
            }
        }
        catch (Exception e) when (e is IOException or HttpListenerException)
        {
            // The browser went away mid-response: nothing to do.
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
