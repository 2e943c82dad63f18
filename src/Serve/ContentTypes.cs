namespace FichesSite.Serve;

/// <summary>The content types of the files a built site holds.</summary>
public static class ContentTypes
{
    public static string Of(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".json" => "application/json",
        ".xml" => "application/xml",
        ".txt" => "text/plain; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".webp" => "image/webp",
        ".pdf" => "application/pdf",
        ".yml" => "text/yaml; charset=utf-8", // the web editor's config.yml (admin/)
        ".wasm" => "application/wasm", // and its bundle's WebAssembly, compiled as it streams in
        _ => "application/octet-stream",
    };
}
