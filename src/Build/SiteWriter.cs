using FichesSite.Markdown;
using FichesSite.Pipeline;

namespace FichesSite.Build;

/// <summary>
/// Finishes writing the site. A build writes its pages into a staging folder as they are made
/// (WritePageStage); this adds the rest (theme assets, attachments, the search index, sitemap.xml)
/// and swaps the staging folder in for the output folder at once. The preview, once it has done
/// that, updates only the pages that changed.
/// </summary>
/// <param name="generated">Files made by site stages rather than pages (the search index scripts, UTF-8), by site path.</param>
public sealed class SiteWriter(
    BuildOptions options,
    IReadOnlyList<Document> documents,
    IReadOnlyDictionary<string, byte[]> generated,
    ThemeAssets assets,
    string? baseUrl)
    // baseUrl: where this site is served (the public address, or the intranet's for an intranet build).
{
    /// <summary>
    /// Writes everything but the pages into the staging folder, which already holds them, and swaps it in; what went
    /// wrong is reported (<see cref="OutputFolder.State"/> says where the site stands).
    /// </summary>
    public void Finish(OutputFolder output, BuildCache? cache, DiagnosticBag diagnostics)
    {
        try
        {
            output.Create();
            WriteSiteFiles(output.Staging);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            output.Discard();
            ReportFailure(output.Target, e, diagnostics);
            return;
        }
        OutputProblem? oldCopyLeft;
        try
        {
            oldCopyLeft = output.Publish();
        }
        catch (PublishException e)
        {
            output.Discard();
            diagnostics.Error(output.Target, 0, e.Problem.Message, e.Problem.Fix);
            return;
        }
        if (cache is not null)
        {
            cache.Written.Clear();
            foreach (var document in documents)
            {
                cache.Written[document.OutputPath] = document;
            }
            cache.WrittenFiles.Clear();
            foreach (var (sitePath, content) in generated)
            {
                cache.WrittenFiles[sitePath] = content;
            }
            cache.OutputComplete = true;
        }
        if (oldCopyLeft is not null)
        {
            // The new site is live either way; under --strict the warning fails the build, and the command line says
            // that the site was published all the same (BuildResult.Site).
            diagnostics.Warning(output.Target, 0, oldCopyLeft.Message, oldCopyLeft.Fix);
        }
    }

    /// <summary>
    /// The preview's write: only pages that are not the very Document last written, and the
    /// removal of pages whose source is gone. Each file is replaced by a rename, so a browser
    /// never reads half a page.
    /// </summary>
    public bool Update(BuildCache cache, DiagnosticBag diagnostics)
    {
        var site = options.OutputDirectory!;
        try
        {
            var changed = documents.Where(d => !cache.Written.TryGetValue(d.OutputPath, out var last) || !ReferenceEquals(last, d)).ToList();
            foreach (var document in changed)
            {
                WritePage(site, document, replaceAtomically: true);
            }
            var current = documents.Select(d => d.OutputPath).ToHashSet(StringComparer.Ordinal);
            foreach (var gone in cache.Written.Keys.Where(p => !current.Contains(p)).ToList())
            {
                File.Delete(Path.Combine(site, gone));
                foreach (var file in GeneratedFiles.Of(cache.Written[gone]))
                {
                    File.Delete(Path.Combine(site, file.SitePath));
                }
                cache.Written.Remove(gone);
            }
            foreach (var document in changed)
            {
                cache.Written[document.OutputPath] = document;
            }
            // Theme assets cannot have changed: a theme change empties the cache and replaces the whole site.
            CopyAttachments(site, replaceAtomically: true);
            // Generated files whose content did not change are not written again (the index may be hundreds of chunks).
            foreach (var (sitePath, content) in generated)
            {
                if (!cache.WrittenFiles.TryGetValue(sitePath, out var last) || !last.AsSpan().SequenceEqual(content))
                {
                    WriteFile(site, sitePath, content, replaceAtomically: true);
                    cache.WrittenFiles[sitePath] = content;
                }
            }
            foreach (var gone in cache.WrittenFiles.Keys.Where(p => !generated.ContainsKey(p)).ToList())
            {
                File.Delete(Path.Combine(site, gone));
                cache.WrittenFiles.Remove(gone);
            }
            WriteRootFiles(site);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            cache.OutputComplete = false; // the next build starts afresh
            ReportFailure(options.OutputDirectory!, e, diagnostics);
            return false;
        }
    }

    private void WriteSiteFiles(string site)
    {
        assets.CopyTo(site);
        CopyAttachments(site, replaceAtomically: false);
        WriteGenerated(site);
        WriteRootFiles(site);
    }

    // Made from every page at once, so written again on every update.
    private void WriteRootFiles(string site)
    {
        SearchEngineFiles.Write(site, documents, baseUrl, options.Target);
        BuildInfoFile.Write(site, new BuildInfo(BuildTargets.Name(options.Target), baseUrl, documents.Count));
    }

    // While the preview serves a file it holds it open: replacing it by a rename never waits for that.
    private void CopyAttachments(string site, bool replaceAtomically)
    {
        foreach (var attachment in PageOutline.AttachmentsOf(documents))
        {
            var destination = Path.Combine(site, attachment);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            var source = InputFiles.ContentSource(options.InputDirectory, attachment);
            if (!replaceAtomically)
            {
                File.Copy(source, destination);
                continue;
            }
            File.Copy(source, destination + ".tmp", overwrite: true);
            File.Move(destination + ".tmp", destination, overwrite: true);
        }
    }

    private void WriteGenerated(string site)
    {
        foreach (var (sitePath, content) in generated)
        {
            WriteFile(site, sitePath, content, replaceAtomically: false);
        }
    }

    private static void WriteFile(string site, string sitePath, byte[] content, bool replaceAtomically)
    {
        var path = Path.Combine(site, sitePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        WriteBytes(path, content, replaceAtomically);
    }

    /// <summary>The files a page is written as, by site path: its HTML and what it brings with it (its print style sheet).</summary>
    public static IEnumerable<(string SitePath, byte[] Bytes)> FilesOf(Document document)
    {
        yield return (document.OutputPath, document.Get(PageHtml.Key));
        foreach (var file in GeneratedFiles.Of(document))
        {
            yield return (file.SitePath, file.Bytes);
        }
    }

    private static void WritePage(string site, Document document, bool replaceAtomically)
    {
        foreach (var (sitePath, bytes) in FilesOf(document))
        {
            var path = Path.Combine(site, sitePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            WriteBytes(path, bytes, replaceAtomically);
        }
    }

    private static void WriteBytes(string path, byte[] bytes, bool replaceAtomically)
    {
        if (!replaceAtomically)
        {
            OutputFolder.WriteNewFile(path, bytes); // into the staging folder
            return;
        }
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
    }

    public static void ReportFailure(string outputDirectory, Exception e, DiagnosticBag diagnostics) =>
        diagnostics.Error(outputDirectory, 0, FailureMessage(e), FailureFix);

    public static string FailureMessage(Exception e) => $"impossible d’écrire le site : {e.Message}";

    public const string FailureFix =
        "Vérifiez que le dossier de sortie et son dossier parent existent et sont accessibles en écriture, ou choisissez-en un autre avec --output.";
}
