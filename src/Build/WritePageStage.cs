using FichesSite.Pipeline;

namespace FichesSite.Build;

/// <summary>
/// Writes each finished page into the staging folder as soon as it is laid out and its links are read,
/// then lets its HTML go: the site is never held whole in memory. The staging folder replaces the
/// output folder only once every page and every check has passed (SiteWriter.Finish), so a page
/// written here is never published by a failing build.
/// </summary>
/// <param name="keepContent">The preview keeps the HTML, to compare the next build's pages with it.</param>
public sealed class WritePageStage(OutputFolder output, bool keepContent) : IDocumentStage
{
    // One writer at a time: parallel creation of sibling folders contends in the file system and
    // measured twice as slow here (docs/benchmarks.md); meanwhile the other threads go on with their pages.
    private readonly Lock _fileSystem = new();

    // After one failure (a full disk, a folder not writable) the others would only repeat it.
    private volatile bool _failed;

    public string Name => "write";

    public Document Run(Document document, DiagnosticBag diagnostics)
    {
        if (_failed)
        {
            return document;
        }
        try
        {
            lock (_fileSystem)
            {
                SiteWriter.WritePage(output.Staging, document);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _failed = true;
            SiteWriter.ReportFailure(output.Target, e, diagnostics);
            return document;
        }
        return keepContent ? document : document.WithContent(string.Empty);
    }
}
