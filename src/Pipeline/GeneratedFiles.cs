namespace FichesSite.Pipeline;

/// <summary>A file the build makes for one page (its print style sheet), written beside the page.</summary>
/// <param name="SitePath">Path inside the site folder, with forward slashes (e.g. <c>fiches/x/print-page.css</c>).</param>
public sealed record GeneratedFile(string SitePath, byte[] Bytes);

/// <summary>
/// The files a page brings with it. Carried by the document, so that the writer writes them with
/// the page and the link check knows they exist, without either knowing what they are.
/// </summary>
public static class GeneratedFiles
{
    public static readonly MetaKey<IReadOnlyList<GeneratedFile>> Key = new("generated-files");

    /// <summary>
    /// The site product of files made for the whole site rather than for one page (the search index's scripts), UTF-8
    /// by site path: the writer writes them without knowing what they are.
    /// </summary>
    public static readonly MetaKey<IReadOnlyDictionary<string, byte[]>> SiteKey = new("site-files");

    public static IReadOnlyList<GeneratedFile> Of(Document document) =>
        document.TryGet(Key, out var files) ? files : [];

    /// <summary>Site paths of every generated file of these pages.</summary>
    public static IEnumerable<string> PathsOf(IEnumerable<Document> documents) =>
        documents.SelectMany(Of).Select(f => f.SitePath);
}
