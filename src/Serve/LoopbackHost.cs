using System.Globalization;

namespace FichesSite.Serve;

/// <summary>
/// The preview answers only requests addressed to this machine by a loopback name: a page of any web site
/// could otherwise reach it through a name it controls that resolves to 127.0.0.1 (DNS rebinding), and read
/// the unpublished content. The Host header must be exactly 127.0.0.1, localhost or [::1] with the server's
/// port (which a browser leaves out only for port 80); anything else, absent or empty included, is refused.
/// </summary>
public static class LoopbackHost
{
    private static readonly string[] Names = ["127.0.0.1", "localhost", "[::1]"];

    public static bool Allows(string? host, int port)
    {
        if (string.IsNullOrEmpty(host))
        {
            return false;
        }
        var portText = port.ToString(CultureInfo.InvariantCulture);
        foreach (var name in Names)
        {
            if (host.Length == name.Length + 1 + portText.Length
                && host.StartsWith(name, StringComparison.OrdinalIgnoreCase)
                && host[name.Length] == ':'
                && host.EndsWith(portText, StringComparison.Ordinal))
            {
                return true;
            }
            if (port == 80 && host.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The refusal's text, French, naming the addresses that work (never echoing the header it refused).</summary>
    public static string Refusal(int port) =>
        $"Adresse refusée : cet aperçu ne répond qu’à http://127.0.0.1:{port}/ et http://localhost:{port}/. Ouvrez l’une de ces adresses.\n";
}
