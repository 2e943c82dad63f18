using FichesSite.Content;

namespace FichesSite.Cms;

/// <summary>
/// admin/index.html: the page that loads the web editor (Decap CMS, a copy of its npm package's bundle beside it) with
/// its own Content-Security-Policy. Patient pages never link to it and keep theirs (theme/layouts/base.liquid).
/// </summary>
public static class AdminPage
{
    /// <summary>Where the editor's files go in the site.</summary>
    public const string Folder = "admin";

    /// <summary>The bundle's entry script, as the npm package names it.</summary>
    public const string Script = "decap-cms.js";

    public static string Html(CmsSettings cms, string siteName, string pageTitle) =>
        "<!DOCTYPE html>\n"
        + "<html lang=\"fr\">\n"
        + "<head>\n"
        + "<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + $"<meta http-equiv=\"Content-Security-Policy\" content=\"{Escaped(Policy(cms))}\">\n"
        + "<meta name=\"robots\" content=\"noindex, nofollow\">\n"
        + "<meta name=\"referrer\" content=\"no-referrer\">\n"
        + $"<title>{Escaped(pageTitle)} — {Escaped(siteName)}</title>\n"
        + "<link href=\"config.yml\" type=\"text/yaml\" rel=\"cms-config-url\">\n"
        + "</head>\n"
        + "<body>\n"
        + $"<script src=\"{Script}\"></script>\n"
        + "</body>\n"
        + "</html>\n";

    /// <summary>
    /// The editor's Content-Security-Policy: the patient pages' policy, loosened only where Decap CMS's bundle needs it,
    /// and only on this page.
    /// </summary>
    /// <remarks>
    /// - script-src 'unsafe-eval': Decap validates its configuration with ajv, which compiles each schema into a
    ///   function (« new Function » in the bundle); without it the editor stops at « Error loading the CMS
    ///   configuration ». 'wasm-unsafe-eval': two of its chunks are WebAssembly. No 'unsafe-inline' for scripts: the
    ///   bundle and its chunks are files of this folder.
    /// - style-src 'unsafe-inline': its interface is styled by emotion, which writes &lt;style&gt; elements at run time.
    /// - connect-src: the backend's API (GitHub's, or the GitLab instance's and its token endpoint for PKCE) and, with
    ///   local_backend, decap-server on port 8081 of the loopback host the preview serves; img-src: data: and blob: for
    ///   images chosen in the editor, and GitHub's avatars. Nothing else leaves the site.
    /// </remarks>
    public static string Policy(CmsSettings cms)
    {
        var connect = new List<string> { "'self'" };
        var images = new List<string> { "'self'", "data:", "blob:" };
        if (cms.BackendValue("name") == "github")
        {
            connect.Add(Origin(cms.BackendValue("api_root") ?? "https://api.github.com"));
            images.Add("https://avatars.githubusercontent.com");
        }
        else
        {
            var instance = Origin(cms.BackendValue("base_url") ?? "https://gitlab.com");
            connect.Add(instance);
            connect.Add(Origin(cms.BackendValue("api_root") ?? instance + "/api/v4"));
            images.Add(instance);
        }
        if (cms.LocalBackend)
        {
            connect.Add("http://localhost:8081");
            connect.Add("http://127.0.0.1:8081");
        }
        return "default-src 'self'; script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; "
               + $"img-src {string.Join(' ', images.Distinct(StringComparer.Ordinal))}; connect-src {string.Join(' ', connect.Distinct(StringComparer.Ordinal))}; "
               + "object-src 'none'; base-uri 'none'; form-action 'self'";
    }

    // The few characters that matter in an attribute or text; the rest stays readable.
    private static string Escaped(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");

    // Only the scheme, host and port of an address site.yml gives (checked https by SiteConfigFile), so that nothing
    // written there can add a directive to the policy.
    private static string Origin(string address) =>
        new Uri(address, UriKind.Absolute).GetLeftPart(UriPartial.Authority);
}
