namespace FichesSite.Content;

/// <summary>
/// « cms: » in site.yml: the web editor (Decap CMS) published at /admin/, and where it saves the sheets. Without it the
/// site has no /admin/ at all.
/// </summary>
public sealed class CmsSettings
{
    /// <summary>The backends Decap CMS may reach without a server of the hospital's own (docs/guide-redaction.md).</summary>
    public static readonly IReadOnlyList<string> BackendNames = ["github", "gitlab"];

    /// <summary>The fields of « backend: » passed on to Decap CMS as written, in this order.</summary>
    public static readonly IReadOnlyList<string> BackendKeys = ["name", "repo", "branch", "auth_type", "app_id", "base_url", "api_root", "auth_endpoint"];

    /// <summary>The line of « cms: » in site.yml, for messages about the editor.</summary>
    public int Line { get; set; }

    /// <summary>« backend: », key by key in <see cref="BackendKeys"/> order; « name » is always there.</summary>
    public Dictionary<string, string> Backend { get; } = new(StringComparer.Ordinal);

    /// <summary>« local_backend: true »: on 127.0.0.1 or localhost, the editor saves through decap-server into the working copy.</summary>
    public bool LocalBackend { get; set; }

    /// <summary>Where the content folder is in the hospital's repository (« input » unless said), since the editor writes there.</summary>
    public string ContentFolder { get; set; } = "input";

    /// <summary>The value of one backend field, or null.</summary>
    public string? BackendValue(string key) => Backend.GetValueOrDefault(key);
}
