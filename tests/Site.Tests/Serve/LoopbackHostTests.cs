using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CsCheck;
using FichesSite.Build;
using FichesSite.Serve;

namespace FichesSite.Tests.Serve;

/// <summary>
/// The preview answers only requests addressed to a loopback name with its port (DNS rebinding): the rule
/// (Serve/LoopbackHost) against an oracle over generated Host values, then the running server over raw TCP,
/// every route, the event stream included.
/// </summary>
public sealed class LoopbackHostTests : IAsyncLifetime
{
    private readonly TestSite _site = new();
    private PreviewServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await PreviewServer.StartAsync(new BuildOptions(_site.Input, _site.Theme, _site.Output, Today: TestSite.Today), 0, _ => { });

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _site.Dispose();
    }

    private static readonly Gen<string> Name = Gen.OneOf(
        Gen.OneOf(Gen.Const("127.0.0.1"), Gen.Const("localhost"), Gen.Const("[::1]")).SelectMany(RandomCase),
        Gen.OneOf(Gen.Const("evil.example"), Gen.Const("127.0.0.1.evil.example"), Gen.Const("localhost.evil.example"),
            Gen.Const("localhost."), Gen.Const("127.0.0.2"), Gen.Const("0.0.0.0"), Gen.Const("[::ffff:127.0.0.1]"),
            Gen.Const("2130706433"), Gen.Const("127.1"), Gen.Const("[::1"), Gen.Const(""), Gen.Const("locaIhost"), Gen.Const("ⅼocalhost")),
        Gen.String[Gen.Char["a-z0-9.-"], 0, 20]);

    private static Gen<string> RandomCase(string name) =>
        Gen.Bool.Array[name.Length].Select(upper => string.Concat(name.Select((c, i) => upper[i] ? char.ToUpperInvariant(c) : c)));

    private static Gen<string> PortPart(int port) => Gen.OneOf(
        Gen.Const(":" + port.ToString(CultureInfo.InvariantCulture)),
        Gen.Const(""),
        Gen.Const(":0" + port.ToString(CultureInfo.InvariantCulture)),
        Gen.Const(":"),
        Gen.Int[0, 65535].Select(p => ":" + p.ToString(CultureInfo.InvariantCulture)),
        Gen.Const(":" + port.ToString(CultureInfo.InvariantCulture) + " "));

    private static Gen<string> Host(int port) => Name.Select(PortPart(port), (name, portPart) => name + portPart);

    // The rule stated independently: a loopback name, any case, then exactly « :port » (or nothing, for port 80).
    private static bool Expected(string host, int port)
    {
        var portText = ":" + port.ToString(CultureInfo.InvariantCulture);
        var name = host.EndsWith(portText, StringComparison.Ordinal) ? host[..^portText.Length] : port == 80 ? host : null;
        return name?.ToLowerInvariant() is "127.0.0.1" or "localhost" or "[::1]";
    }

    [Fact]
    public void The_rule_allows_a_loopback_name_with_the_port_and_nothing_else()
    {
        Gen.Int[1, 65535].SelectMany(port => Host(port).Select(host => (host, port))).Sample(
            sample => Assert.Equal(Expected(sample.host, sample.port), LoopbackHost.Allows(sample.host, sample.port)),
            iter: 20_000);
        Gen.OneOf(Gen.Const("127.0.0.1"), Gen.Const("localhost"), Gen.Const("[::1]")).SelectMany(RandomCase).Select(PortPart(80), (n, p) => n + p).Sample(
            host => Assert.Equal(Expected(host, 80), LoopbackHost.Allows(host, 80)));
        Assert.False(LoopbackHost.Allows(null, 80));
        Assert.False(LoopbackHost.Allows("", 80));
    }

    private static readonly string[] Routes = ["/", "/__serve/events", "/__serve/reload.js", "/__serve/reload.css", "/fiches/cimentoplastie-metastases-osseuses/index.html", "/n-existe-pas"];

    [Fact]
    public async Task The_server_refuses_every_route_for_a_foreign_host_and_serves_a_loopback_one()
    {
        var hosts = Gen.OneOf(Host(_server.Port).Where(h => h.Length > 0 && !h.Contains(' ')),
            Gen.OneOf(Gen.Const("127.0.0.1"), Gen.Const("localhost"), Gen.Const("[::1]")).SelectMany(RandomCase).Select(n => n + ":" + _server.Port.ToString(CultureInfo.InvariantCulture)));
        foreach (var host in hosts.HashSet[40].Single())
        {
            foreach (var route in Routes)
            {
                var (status, body) = await Send($"GET {route} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
                if (Expected(host, _server.Port))
                {
                    Assert.True(status is 200 or 404, $"{host} {route}: {status}");
                }
                else
                {
                    // 400: Kestrel itself refuses a Host header that is not a valid authority.
                    Assert.True(status is 403 or 400, $"{host} {route}: {status}");
                    Assert.DoesNotContain("Fiches d’information", body);
                    Assert.DoesNotContain("EventSource", body);
                }
                if (status == 403)
                {
                    Assert.Contains("Adresse refusée", body);
                    Assert.Equal(LoopbackHost.Refusal(_server.Port), body.Split("\r\n\r\n", 2)[1]); // the header is never echoed
                }
            }
        }
    }

    [Theory]
    [InlineData("GET / HTTP/1.0\r\n\r\n")] // HTTP/1.0 needs no Host: none is no loopback name
    [InlineData("GET / HTTP/1.1\r\nHost: \r\n\r\n")]
    [InlineData("GET / HTTP/1.1\r\nHost: evil.example:{port}\r\n\r\n")]
    [InlineData("GET /__serve/events HTTP/1.1\r\nHost: 127.0.0.1.evil.example:{port}\r\n\r\n")]
    [InlineData("GET http://evil.example:{port}/ HTTP/1.1\r\nHost: evil.example:{port}\r\n\r\n")]
    [InlineData("POST / HTTP/1.1\r\nHost: evil.example:{port}\r\nContent-Length: 0\r\n\r\n")]
    public async Task Requests_for_another_host_are_refused_in_french(string request)
    {
        var (status, body) = await Send(request.Replace("{port}", _server.Port.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(403, status);
        Assert.Contains($"Adresse refusée : cet aperçu ne répond qu’à http://127.0.0.1:{_server.Port}/", body);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task Only_reads_are_answered(string method)
    {
        var (status, _) = await Send($"{method} / HTTP/1.1\r\nHost: 127.0.0.1:{_server.Port}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        Assert.Equal(405, status);
    }

    [Fact]
    public async Task It_listens_on_loopback_only()
    {
        var outside = Dns.GetHostAddresses(Dns.GetHostName()).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
        Assert.StartsWith("http://127.0.0.1:", _server.Url);
        if (outside is not null)
        {
            using var client = new TcpClient();
            await Assert.ThrowsAnyAsync<SocketException>(() => client.ConnectAsync(outside, _server.Port));
        }
    }

    // Raw TCP: HttpClient would tidy the Host header; the status line and the body if the server sends one.
    private async Task<(int Status, string Text)> Send(string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _server.Port);
        await using var stream = client.GetStream();
        // Closed after the answer, so that reading to the end is quick.
        request = request.Contains("Connection:", StringComparison.Ordinal) ? request : request[..^2] + "Connection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[64 * 1024];
        var text = new StringBuilder();
        try
        {
            // The event stream, when allowed, never ends: what came in the first reads is enough.
            while (await stream.ReadAsync(buffer, timeout.Token) is var read and > 0)
            {
                text.Append(Encoding.UTF8.GetString(buffer, 0, read));
                if (text.ToString().Contains(": connecté", StringComparison.Ordinal))
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // cut by the server after its answer, or still open: the answer so far is what counts
        }
        var response = text.ToString();
        return (int.Parse(response.Split(' ')[1], CultureInfo.InvariantCulture), response);
    }
}
