using System.Diagnostics;
using System.Text;
using FichesSite.Content;
using FichesSite.Html;
using FichesSite.Markdown;
using FichesSite.Pipeline;
using FichesSite.Rendering;

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

        IStage[] stages =
        [
            new ReadSources(options.InputDirectory),
            new FrontMatterStage(options.Today ?? BuildDate.Today()),
            new ParseMarkdownStage(markdown, new LinkRewriter(options.InputDirectory, ReadSources.OutputPathFor)),
            new ContentContractStage(contracts),
            new RenderMarkdownStage(markdown),
            new LayoutStage(new ThemeTemplates(options.ThemeDirectory), site, strings, contracts),
            new LinkCheckStage(assets.SitePaths),
        ];
        var result = PipelineRunner.Run(stages, diagnostics);
        var timings = result.Timings.ToList();

        var succeeded = result.Completed;
        if (succeeded && options.OutputDirectory is not null)
        {
            var write = Stopwatch.StartNew();
            succeeded = Write(options, result.Documents, assets, new SiteModel(site, strings, result.Documents), diagnostics);
            timings.Add(new StageTiming("write", write.Elapsed));
        }
        return new BuildResult(succeeded, result.Documents.Count, diagnostics.All, timings, clock.Elapsed);
    }

    private static bool Write(BuildOptions options, IReadOnlyList<Document> documents, ThemeAssets assets, SiteModel model, DiagnosticBag diagnostics)
    {
        var output = new OutputFolder(options.OutputDirectory!);
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
            foreach (var attachment in PageOutline.AttachmentsOf(documents))
            {
                var destination = Path.Combine(staging, attachment);
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                File.Copy(Path.Combine(options.InputDirectory, attachment), destination);
            }
            SearchEngineFiles.Write(staging, documents, model);
            output.Publish();
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            output.Discard();
            diagnostics.Error(options.OutputDirectory!, 0, $"impossible d’écrire le site : {e.Message}",
                "Vérifiez que le dossier de sortie et son dossier parent existent et sont accessibles en écriture, ou choisissez-en un autre avec --output.");
            return false;
        }
    }
}
