using System.Diagnostics;
using System.Security.Cryptography;
using FichesSite.Brand;
using FichesSite.Cms;
using FichesSite.Collection;
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
/// The build, read top to bottom: load the configuration, then one list of stages, from reading the sources to
/// publishing the site and the editorial reports, run by <see cref="PipelineRunner"/>. The site is written beside the
/// old one and swapped in only when every stage passed, so a mistake in one page never takes the published site down.
/// </summary>
public static class SiteBuilder
{
    /// <param name="cache">Given by the preview, to rebuild only what changed; a plain build has none.</param>
    /// <param name="abandon">The preview stopping: a build asked to abandon starts no further stage and publishes nothing, unless its publication had already begun.</param>
    public static BuildResult Build(BuildOptions options, BuildCache? cache = null, CancellationToken abandon = default)
    {
        var clock = Stopwatch.StartNew();
        var diagnostics = new DiagnosticBag(warningsAreErrors: options.Strict);
        // Fluid's parser takes a fixed while to build, whatever the site's size: it is built on another core while the
        // configuration loads.
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
        var internalLabel = strings.Text("intranet", "block_label");
        var markdown = MarkdownSetup.Create(new CalloutWords(strings.Map("alerts"), strings.Map("care_levels")), internalLabel);
        var assets = new ThemeAssets(options.ThemeDirectory);
        // Where the 404 page's links start: the path of the address this build is served at (the intranet's for its build).
        var notFoundRoot = PageAddresses.NotFoundRoot(site.TargetBaseUrl);
        var notFound = NotFoundPage.Load(options.ThemeDirectory, configuration.Brand, notFoundRoot, diagnostics);
        var templates = templatesMade.GetAwaiter().GetResult(); // its own exception, not wrapped
        if (notFound is null || !ContractLayoutsExist(contracts, templates, options.InputDirectory, diagnostics))
        {
            return new BuildResult(false, 0, diagnostics.All, [], clock.Elapsed);
        }
        var configured = new StageTiming("configuration", clock.Elapsed);

        // Each page's header first, in parallel: the home page and the site map list every page by its title and
        // description, so the site model is made from the headers before any page is laid out.
        // A page still holding a « [À compléter : …] » mark stops there: what is left to write is the only message it gets.
        IDocumentStage[] headerStages = [new PlaceholdersStage(), new FrontMatterStage(today), new CatalogMembershipStage(configuration.Catalog)];
        // Then each page alone, in parallel, from its header to its finished file, in one pass: a page's syntax tree,
        // body and HTML are made, used and let go on one thread, and only what the site-wide stages need stays
        // (its outline, links, search terms and readability).
        IDocumentStage[] pageStages =
        [
            new ParseMarkdownStage(markdown, new LinkRewriter(options.InputDirectory, PageAddresses.OfSource, notFoundRoot), new ReservedIds(glossary), options.Target),
            new CalloutsStage(configuration.Catalog), // each callout's kind, place and heading level, and the service it sends the reader to
            new SectionModelStage(contracts), // the page's sections, read by every stage below that works section by section
            new ContentContractStage(contracts),
            new ReadabilityStage(new ReadabilityScorer(glossary)), // first: the text as the author wrote it
            new RiskFiguresStage(),
            new StructuredDataStage(contracts, site.Language, site.BaseUrl, site.Organisation.Name, configuration.Catalog), // before the glossary adds its definitions to the text
            new GlossaryMarkupStage(glossary, strings.Text("glossary", "unreviewed")),
            new RenderMarkdownStage(markdown),
            new PrintSheetStage(site.BaseUrl, new PrintWords(strings.Text("print", "qr_code_alt"), strings.Text("print", "version"),
                strings.Text("print", "updated_on"), strings.Text("print", "page"), strings.LongDate)),
            new SearchTermsStage(NotSearched, new TermCache(), configuration.Catalog, internalLabel),
            new ReleaseSyntaxTreeStage(),
        ];
        // A build that writes a site writes each page into a staging folder as soon as it is made, and swaps that folder
        // in at the end; the preview, once its site is complete and still carries its mark, writes only what changed.
        var updateInPlace = cache is { OutputComplete: true } && SiteMark.IsOn(options.OutputDirectory!);
        var output = options.OutputDirectory is null || updateInPlace ? null : new OutputFolder(options.OutputDirectory);
        var writePages = output is null ? null : new WritePageStage(output, keepContent: cache is not null);
        // However the build ends, a staging folder it did not publish is removed when this is disposed (and staged
        // reports when the runner disposes the products that hold them).
        using var publishSite = output is null ? null : new PublishSiteStage(options, output, writePages!, assets, configuration.Brand, site.TargetBaseUrl, cache, abandon);
        var readabilityFile = options.OutputDirectory is not null && cache is null
            ? Path.Combine(ReportsFolder.For(options.InputDirectory), ReadabilityReport.FileName(options.Target))
            : null; // the preview rebuilds on every save: the report file is for a full build

        IStage[] stages =
        [
            new ReadSources(options.InputDirectory),
            .. Cached(headerStages, cache?.Headers, CachedDocumentStages.Match.SourceText),
            new CollectionPagesStage(configuration.Catalog, CollectionWordsOf(strings)), // the services', themes' and A–Z's pages join the others
            new SiteModelStage(templates, site, strings, glossary, configuration.Brand, notFound),
            .. Cached(pageStages, cache?.Pages, CachedDocumentStages.Match.SameDocument),
            new LayoutStage(templates, site.BaseUrl, notFoundRoot, contracts, cache?.Layouts),
            new LinkScanStage(cache?.Links),
            .. writePages is null ? Array.Empty<IStage>() : [writePages],
            new SideBySideStages(
                new LinkCheckStage([.. assets.SitePaths, SearchIndexStage.ScriptPath, .. configuration.Brand.Files.Keys], site.TargetBaseUrl, keepLinks: cache is not null),
                new SearchIndexStage(options.SearchSplitAboveBytes)),
            .. CmsAdmin(options, configuration, output is not null || updateInPlace),
            new WriteReportsStage(site.Readability, readabilityFile, options.ReportPath, options.InputDirectory, today),
            .. publishSite is not null ? [publishSite] : updateInPlace ? [new UpdateSiteStage(options, assets, configuration.Brand, site.TargetBaseUrl, cache!, abandon)] : Array.Empty<IStage>(),
            new PublishReportsStage(),
        ];
        var result = PipelineRunner.Run(stages, diagnostics, compactAfterPasses: cache is null, abandon);
        cache?.KeepOnly(result.Documents);
        return new BuildResult(result.Completed, result.Documents.Count, diagnostics.All, [configured, .. result.Timings], clock.Elapsed)
        {
            Readability = result.Products.TryGet(ReadabilityReport.Key, out var readability) ? readability : null,
            ReadabilityReportPath = result.Products.TryGet(PublishReportsStage.ReadabilityPathKey, out var path) ? path : null,
            Site = result.Products.TryGet(PublishSiteStage.StateKey, out var state) ? state : SiteState.Unchanged,
        };
    }

    // The web editor's files join the site's generated files when site.yml asks for it and a site is written.
    private static IStage[] CmsAdmin(BuildOptions options, BuildConfiguration configuration, bool writesSite) =>
        configuration.Site.Cms is { } cms && writesSite
            ?
            [
                new CmsAdminStage(cms, options.CmsBundleDirectory, SourcePaths.Display(Path.Combine(options.InputDirectory, "site.yml")),
                    configuration.Site.Name, configuration.Contracts, configuration.Catalog,
                    configuration.Strings.Values.ContainsKey("cms") ? configuration.Strings.Map("cms") : new Dictionary<string, string>()),
            ]
            : [];

    // Pages that only lead to others: the search finds the sheets and pages themselves.
    private static bool NotSearched(string sitePath) =>
        sitePath is PageAddresses.HomePage or PageAddresses.NotFoundPage or PageAddresses.SiteMapPage or PageAddresses.SearchPage
        || PageAddresses.IsCollectionPage(sitePath);

    private static CollectionWords CollectionWordsOf(Rendering.ThemeStrings strings)
    {
        string Word(string key) => strings.Text("collection", key);
        return new CollectionWords(Word("services_title"), Word("services_description"), Word("service_description"), Word("themes_title"),
            Word("themes_description"), Word("theme_description"), Word("az_title"), Word("az_description"), Word("letter_title"),
            Word("letter_description"), Word("page_of"));
    }

    // The preview remembers each page's results between rebuilds; a plain build runs the stages as they are.
    private static IDocumentStage[] Cached(IDocumentStage[] stages, CachedDocumentStages.Memory? memory, CachedDocumentStages.Match match) =>
        memory is null ? stages : [new CachedDocumentStages(stages, memory, match)];

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
                Path.Combine(options.InputDirectory, SiteCatalog.ServicesFile), Path.Combine(options.InputDirectory, SiteCatalog.ThemesFile),
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
