using System.Net;
using System.Net.Sockets;

namespace FichesSite.Tests.Browser;

/// <summary>
/// A tiny static file server on 127.0.0.1, so the browser sees the site as a web server would show it
/// (the 404 page's absolute links included). Loopback only, GET and HEAD only, files under one folder only.
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
            if (context.Request.HttpMethod is not ("GET" or "HEAD") || !inside || !File.Exists(path))
            {
                response.StatusCode = inside ? 404 : 403;
                return;
            }
            var body = File.ReadAllBytes(path);
            response.ContentType = ContentTypes.GetValueOrDefault(Path.GetExtension(path), "application/octet-stream");
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
