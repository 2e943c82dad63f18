using FichesSite.Markdown;
using FichesSite.Pipeline;
using FichesSite.Tests.Markdown;

namespace FichesSite.Tests.Intranet;

/// <summary>A page body as one target's build parses it (ParseMarkdownStage), then rendered; or its errors.</summary>
public static class ParsedForTarget
{
    /// <summary>The visible label of internal blocks in these tests.</summary>
    public const string Label = "Étiquette d’essai";

    private static readonly Markdig.MarkdownPipeline Pipeline = MarkdownSetup.Create(CalloutWords.Names, Label);

    public static (string? Html, IReadOnlyList<Diagnostic> Errors) Render(string markdown, BuildTarget target)
    {
        var diagnostics = new DiagnosticBag();
        var stage = new ParseMarkdownStage(Pipeline, new LinkRewriter(TestSite.RepositoryRoot, s => s), ReservedIds.ThemeOnly, target);
        var page = stage.Run(new Document("pages/essai.md", "essai/index.html", markdown), SiteProducts.None, diagnostics);
        var errors = ParsedPage.Errors(diagnostics);
        return errors.Count > 0 ? (null, errors) : (ParsedPage.Html(Pipeline, page), []);
    }
}
