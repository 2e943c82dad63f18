using System.Diagnostics;
using System.Text;
using FichesSite.Content;
using FichesSite.Html;
using FichesSite.Markdown;
using FichesSite.Pipeline;
using FichesSite.Rendering;
using FichesSite.Search;

namespace FichesSite.Build;

/// <summary>
/// The build, read top to bottom: load the configuration, run the pages through the stages,
/// then write the site beside the old one and swap it in. Nothing is written unless every stage
/// passed, so a mistake in one page never takes the published site down.
/// </summary>
public static class SiteBuilder
{
    public static BuildResult Build(BuildOptions options)
    {
        var clock = Stopwatch.StartNew();
        var diagnostics = new DiagnosticBag(warningsAreErrors: options.Strict);
        var configuration = BuildConfiguration.Load(options, diagnostics);
        if (configuration is null)
        {
            return new BuildResult(false, 0, diagnostics.All, [], clock.Elapsed);
        }
        var (site, contracts, strings) = configuration;
        var markdown = MarkdownSetup.Create(strings.Map("alerts"));
        var assets = new ThemeAssets(options.ThemeDirectory);
        var search = new SearchIndexStage(
            excludedPages: [SiteModel.HomePage, SiteModel.NotFoundPage, SiteModel.SiteMapPage, SiteModel.SearchPage],
            options.SearchSplitAboveBytes);

        IStage[] stages =
        [
            new ReadSources(options.InputDirectory),
            new FrontMatterStage(),
            new ParseMarkdownStage(markdown, new LinkRewriter(source => OutputPathOfSource(options.InputDirectory, source))),
            new ContentContractStage(contracts),
            new RenderMarkdownStage(markdown),
            new LayoutStage(new ThemeTemplates(options.ThemeDirectory), site, strings, contracts),
            new LinkCheckStage([.. assets.SitePaths, SearchIndexStage.ScriptPath]),
            search,
        ];
        var result = PipelineRunner.Run(stages, diagnostics);
        var timings = result.Timings.ToList();

        if (result.Completed && options.OutputDirectory is not null)
        {
            var write = Stopwatch.StartNew();
            Write(options.OutputDirectory, result.Documents, search.Files, assets, new SiteModel(site, strings, result.Documents));
            timings.Add(new StageTiming("write", write.Elapsed));
        }
        return new BuildResult(result.Completed, result.Documents.Count, diagnostics.All, timings, clock.Elapsed);
    }

    /// <param name="generated">Files made by site stages rather than pages (the search index scripts), by site path.</param>
    private static void Write(string outputDirectory, IReadOnlyList<Document> documents, IReadOnlyDictionary<string, string> generated, ThemeAssets assets, SiteModel model)
    {
        var output = new OutputFolder(outputDirectory);
        try
        {
            var staging = output.Staging;
            var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
            Parallel.ForEach(documents, document =>
            {
                var path = Path.Combine(staging, document.OutputPath);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, document.Content, utf8);
            });
            assets.CopyTo(staging);
            foreach (var (sitePath, content) in generated)
            {
                var path = Path.Combine(staging, sitePath);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, content, utf8);
            }
            SearchEngineFiles.Write(staging, documents, model);
            output.Publish();
        }
        catch
        {
            output.Discard();
            throw;
        }
    }

    // Links to .md files are resolved here so that the Markdown stage needs no knowledge of the input layout.
    private static string? OutputPathOfSource(string inputDirectory, string sourceFile)
    {
        var relative = Path.GetRelativePath(Path.GetFullPath(inputDirectory), sourceFile).Replace('\\', '/');
        return relative.StartsWith("../", StringComparison.Ordinal) || !File.Exists(sourceFile) ? null : ReadSources.OutputPathFor(relative);
    }
}
