using System.Diagnostics;
using System.Security.Cryptography;
using FichesSite.Content;
using FichesSite.Links;
using FichesSite.Markdown;
using FichesSite.Markdown.Sections;
using FichesSite.Pipeline;
using FichesSite.Print;
using FichesSite.Quality;
using FichesSite.Quality.Readability;
using FichesSite.Rendering;
using FichesSite.Search;
using FichesSite.StructuredData;

namespace FichesSite.Build;

/// <summary>
/// The build, read top to bottom: load the configuration, run the pages through the stages,
/// then write the site beside the old one and swap it in. Nothing is written unless every stage
/// passed, so a mistake in one page never takes the published site down.
/// </summary>
public static class SiteBuilder
{
    /// <param name="cache">Given by the preview, to rebuild only what changed; a plain build has none.</param>
    /// <param name="abandon">The preview stopping: a build asked to abandon writes and publishes nothing.</param>
    public static BuildResult Build(BuildOptions options, BuildCache? cache = null, CancellationToken abandon = default)
    {
        var clock = Stopwatch.StartNew();
        var diagnostics = new DiagnosticBag(warningsAreErrors: options.Strict);
        // Fluid's parser takes about as long to build as the configuration takes to load, whatever the site's size: it
        // is built on the other core meanwhile.
        var templatesMade = Task.Run(() => new ThemeTemplates(options.ThemeDirectory));
        var configuration = BuildConfiguration.Load(options, diagnostics);
        if (configuration is null)
        {
            return new BuildResult(false, 0, diagnostics.All, [], clock.Elapsed);
        }
        var (site, contracts, strings) = configuration;
        var glossary = configuration.Glossary;
        var today = options.Today ?? BuildDate.Today();
        cache?.ForgetUnless(SettingsFingerprint(options));
        var markdown = MarkdownSetup.Create(strings.Map("alerts"));
        var assets = new ThemeAssets(options.ThemeDirectory);
        var templates = templatesMade.GetAwaiter().GetResult(); // its own exception, not wrapped
        if (!ContractLayoutsExist(contracts, templates, options.InputDirectory, diagnostics))
        {
            return new BuildResult(false, 0, diagnostics.All, [], clock.Elapsed);
        }
        var configured = new StageTiming("configuration", clock.Elapsed);
        var siteModel = new SiteModelStage(templates, site, strings, glossary);
        var search = new SearchIndexStage(options.SearchSplitAboveBytes);
        // A plain build writes each page as soon as it is made; the preview, once its site is
        // complete, writes only the pages that changed, after every check passed.
        // The preview updates in place only a site it published and that still carries its mark.
        var updateInPlace = cache is { OutputComplete: true } && SiteMark.IsOn(options.OutputDirectory!);
        var output = options.OutputDirectory is null || updateInPlace ? null : new OutputFolder(options.OutputDirectory);
        var writePages = output is null ? null : new WritePageStage(output, keepContent: cache is not null);

        // Each page's header first, in parallel: the home page and the site map list every page by its title and
        // description, so the site model is made from the headers before any page is laid out.
        IDocumentStage[] headerStages = [new FrontMatterStage(today)];
        // Then each page alone, in parallel, from its header to its finished file, in one pass: a page's syntax tree,
        // body and HTML are made, used and let go on one thread, and only what the site-wide stages need stays
        // (its outline, links, search terms and readability).
        IDocumentStage[] pageStages =
        [
            new ParseMarkdownStage(markdown, new LinkRewriter(options.InputDirectory, ReadSources.OutputPathFor), new ReservedIds(glossary)),
            new SectionModelStage(contracts), // the page's sections, read by every stage below that works section by section
            new ContentContractStage(contracts),
            new ReadabilityStage(new ReadabilityScorer(glossary)), // first: the text as the author wrote it
            new RiskFiguresStage(),
            new StructuredDataStage(contracts, site.Language, site.BaseUrl), // before the glossary adds its definitions to the text
            new GlossaryMarkupStage(glossary, strings.Text("glossary", "button"), strings.Text("glossary", "unreviewed")),
            new RenderMarkdownStage(markdown),
            new PrintSheetStage(site.BaseUrl, new PrintWords(strings.Text("print", "qr_code_alt"), strings.Text("print", "version"),
                strings.Text("print", "updated_on"), strings.Text("print", "page"), strings.LongDate)),
            new SearchTermsStage([SiteModel.HomePage, SiteModel.NotFoundPage, SiteModel.SiteMapPage, SiteModel.SearchPage], new TermCache()),
            new ReleaseSyntaxTreeStage(),
        ];
        IStage[] stages =
        [
            new ReadSources(options.InputDirectory),
            .. cache is null ? headerStages : [new CachedDocumentStages(headerStages, cache.Headers, CachedDocumentStages.Match.SourceText)],
            siteModel,
            .. cache is null ? pageStages : [new CachedDocumentStages(pageStages, cache.Pages, CachedDocumentStages.Match.SameDocument)],
            new LayoutStage(templates, siteModel, site.BaseUrl, contracts, cache?.Layouts),
            new LinkScanStage(cache?.Links),
            .. writePages is null ? Array.Empty<IStage>() : [writePages],
            new SideBySideStages(new LinkCheckStage([.. assets.SitePaths, SearchIndexStage.ScriptPath], site.BaseUrl, keepLinks: cache is not null), search),
        ];
        // Whatever goes wrong from here, a staging folder is not left behind still holding its mark: the preview's
        // process lives on, and a held mark is one no later build may remove.
        try
        {
            var result = PipelineRunner.Run(stages, diagnostics, compactAfterPasses: cache is null);
            cache?.Headers.KeepOnly(result.Documents.Select(d => d.SourcePath));
            cache?.Pages.KeepOnly(result.Documents.Select(d => d.SourcePath));
            List<StageTiming> timings = [configured, .. result.Timings];

            var write = Stopwatch.StartNew();
            var allocatedBefore = GC.GetTotalAllocatedBytes();
            var succeeded = (writePages?.Finish(diagnostics) ?? true) && result.Completed;
            var readability = ReadabilityReport.From(result.Documents.Where(d => !diagnostics.HasErrorsFor(d.SourcePath)), site.Readability);
            // Written on the other core while this one finishes the site (a large JSON file for a large site), beside its
            // final name; it takes that name only if the site is published. The preview rebuilds on every
            // save: the report file is for a full build.
            var readabilityFile = succeeded && options.OutputDirectory is not null && cache is null
                ? new StagedFile(Path.Combine(ReportsFolder.For(options.InputDirectory), ReadabilityReport.FileName))
                : null;
            // A file there that is not a report of this generator stays as it is; said, and the build goes on (the report is a note).
            if (readabilityFile is not null && StagedFile.Problem(readabilityFile.Path, SourcePaths.Display(readabilityFile.Path)) is { } foreign)
            {
                diagnostics.Notice(SourcePaths.Display(readabilityFile.Path), 0, foreign.Message, foreign.Fix);
                readabilityFile = null;
            }
            var readabilityStaged = readabilityFile is null ? Task.FromResult(false) : Task.Run(() => TryWrite(readabilityFile, readability.WriteJson));
            var report = succeeded && options.ReportPath is not null
                ? new ReviewReport(options.ReportPath, result.Documents, options.InputDirectory, today)
                : null;
            succeeded = succeeded && (report?.Stage(diagnostics) ?? true) && !abandon.IsCancellationRequested;
            var siteState = SiteState.Unchanged;
            if (options.OutputDirectory is not null)
            {
                var writer = new SiteWriter(options, result.Documents, search.Files, assets, site.BaseUrl);
                if (!succeeded)
                {
                    output?.Discard();
                }
                else
                {
                    succeeded = output is null ? writer.Update(cache!, diagnostics) : writer.Finish(output, cache, diagnostics);
                    siteState = output?.State ?? (succeeded ? SiteState.Published : SiteState.PartlyUpdated);
                }
                timings.Add(new StageTiming(output is null ? "write changes" : "finish site", write.Elapsed, AllocatedBytes: GC.GetTotalAllocatedBytes() - allocatedBefore));
            }
            if (succeeded)
            {
                succeeded = report?.Publish(diagnostics) ?? true;
            }
            else
            {
                report?.Discard();
            }
            var reported = Stopwatch.StartNew();
            var reportPath = readabilityStaged.GetAwaiter().GetResult() ? Publish(readabilityFile!, succeeded) : null;
            timings.Add(new StageTiming("readability report", reported.Elapsed));
            return new BuildResult(succeeded, result.Documents.Count, diagnostics.All, timings, clock.Elapsed)
            {
                Readability = readability,
                ReadabilityReportPath = reportPath,
                Site = siteState,
            };
        }
        catch
        {
            output?.Discard();
            throw;
        }
    }

    // The readability report is a note for the editorial team: one that cannot be written does not fail the build
    // nor undo the published site; the command line then prints no path to it.
    private static bool TryWrite(StagedFile file, Action<Stream> write)
    {
        try
        {
            file.Write(write);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            file.Discard();
            return false;
        }
    }

    // The staged report in place once the site is published, or removed; its path, or null.
    private static string? Publish(StagedFile file, bool published)
    {
        if (!published)
        {
            file.Discard();
            return null;
        }
        return file.Publish() is null ? file.Path : null;
    }

    // A type's layout is checked once, where contracts.yml names it, rather than on every page of that type.
    private static bool ContractLayoutsExist(IReadOnlyDictionary<string, ContentContract> contracts, ThemeTemplates templates, string inputDirectory, DiagnosticBag diagnostics)
    {
        var ok = true;
        foreach (var (type, contract) in contracts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            if (templates.LayoutProblem(contract.Layout) is { } problem)
            {
                diagnostics.Error(SourcePaths.Display(Path.Combine(inputDirectory, "contracts.yml")), contract.LayoutLine,
                    $"type « {type} » : {problem}.", $"Donnez à « layout: » le nom d’un gabarit de theme/layouts/ : {string.Join(", ", templates.LayoutNames)}.");
                ok = false;
            }
        }
        return ok;
    }

    // Everything but the pages: when it changes, every page may change.
    private static string SettingsFingerprint(BuildOptions options)
    {
        var files = new[]
            {
                Path.Combine(options.InputDirectory, "site.yml"), Path.Combine(options.InputDirectory, "contracts.yml"),
                Path.Combine(options.InputDirectory, GlossaryTerms.DataFile),
            }
            .Concat(ContainedPaths.List(options.ThemeDirectory, recursive: true).Files.Select(f => Path.Combine(options.ThemeDirectory, f)))
            .Where(File.Exists);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes((options with { Today = null }).ToString()));
        foreach (var file in files)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(file));
            hash.AppendData(File.ReadAllBytes(file));
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
