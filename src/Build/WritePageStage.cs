using System.Collections.Concurrent;
using FichesSite.Pipeline;

namespace FichesSite.Build;

/// <summary>
/// Hands each finished page to a writer thread as soon as it is laid out and its links are read, then
/// lets its HTML go: the site is never held whole in memory, and the cores go on making pages while
/// the disk is busy. The pages land in the staging folder, which replaces the output folder only once
/// every page and every check has passed (SiteWriter.Finish), so a failing build publishes nothing.
/// </summary>
/// <param name="keepContent">The preview keeps the HTML, to compare the next build's pages with it.</param>
public sealed class WritePageStage : IDocumentStage, IDisposable
{
    // Enough pages waiting to keep the disk busy, few enough to weigh a few megabytes.
    private const int QueuedFiles = 256;

    private readonly OutputFolder _output;
    private readonly bool _keepContent;
    private readonly BlockingCollection<(string Path, byte[] Bytes)> _queue = new(QueuedFiles);
    private readonly Task _writer;
    // Set by the writer thread, read by the page threads to stop queueing after a failure.
    private volatile Exception? _failure;

    public WritePageStage(OutputFolder output, bool keepContent)
    {
        _output = output;
        _keepContent = keepContent;
        // One thread writes: parallel creation of sibling folders contends in the file system and
        // measured slower here (docs/benchmarks.md).
        _writer = Task.Factory.StartNew(WriteQueuedFiles, TaskCreationOptions.LongRunning);
    }

    public string Name => "write";

    public Document Run(Document document, SiteProducts site, DiagnosticBag diagnostics)
    {
        if (_failure is not null)
        {
            return document; // reported once, by Finish
        }
        foreach (var (sitePath, bytes) in SiteWriter.FilesOf(document))
        {
            _queue.Add((Path.Combine(_output.Staging, sitePath), bytes));
        }
        return _keepContent ? document : document.Without(PageHtml.Key);
    }

    /// <summary>Waits for the last pages to reach the disk; false, with the error reported, if one could not.</summary>
    public bool Finish(DiagnosticBag diagnostics)
    {
        _queue.CompleteAdding();
        _writer.Wait();
        if (_failure is null)
        {
            return true;
        }
        SiteWriter.ReportFailure(_output.Target, _failure, diagnostics);
        return false;
    }

    /// <summary>Stops taking pages and waits for the writer thread, however the build ended (PublishSiteStage.Dispose).</summary>
    public void Dispose()
    {
        _queue.CompleteAdding();
        _writer.Wait();
    }

    private void WriteQueuedFiles()
    {
        try
        {
            _output.Create(); // marked before any page, so a killed build leaves a folder known as its own
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _failure = e; // whatever it is: the queue must go on being drained, or the page threads would wait for ever
        }
        foreach (var (path, bytes) in _queue.GetConsumingEnumerable())
        {
            if (_failure is not null)
            {
                continue; // a full disk or a folder not writable: the rest would fail the same way
            }
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                OutputFolder.WriteNewFile(path, bytes);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                _failure = e; // as above: every later page is taken off the queue unwritten
            }
        }
    }
}
