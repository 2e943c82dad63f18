using FichesSite.Content;
using FichesSite.Markdown;
using FichesSite.Markdown.Sections;
using FichesSite.Pipeline;
using Markdig.Syntax;

namespace FichesSite.Tests.Markdown.Sections;

/// <summary>
/// A page body as the build hands it to the section model: parsed by <see cref="ParseMarkdownStage"/> (heading ids,
/// typography, the outline), then cut by <see cref="SectionModelStage.Build"/> from that tree and that outline.
/// </summary>
public static class ParsedPage
{
    private static readonly ParseMarkdownStage Parse = new(MarkdownSetup.Create(CalloutWords.Names),
        new LinkRewriter(TestSite.RepositoryRoot, s => s), ReservedIds.ThemeOnly);

    public static (MarkdownDocument Tree, PageSectionModel Model) Sections(string markdown, IReadOnlyList<SectionRule>? rules = null)
    {
        var page = Parsed(markdown);
        var tree = page.Get(ParseMarkdownStage.SyntaxTree);
        return (tree, SectionModelStage.Build(tree, page.Get(PageOutline.Key).Headings, rules ?? []));
    }

    /// <summary>
    /// The page as the build checks it: parsed, cut by <see cref="SectionModelStage"/>, then checked by
    /// <see cref="ContentContractStage"/> against a page type whose contract has <paramref name="rules"/>.
    /// </summary>
    public static (PageSectionModel Model, IReadOnlyList<Diagnostic> Diagnostics) Checked(string markdown, IReadOnlyList<SectionRule> rules)
    {
        var contracts = new Dictionary<string, ContentContract> { [Type] = new() { Sections = [.. rules] } };
        var page = new SectionModelStage(contracts).Run(Parsed(markdown).With(FrontMatter.Key, TypedFrontMatter), SiteProducts.None, new DiagnosticBag());
        var diagnostics = new DiagnosticBag(warningsAreErrors: false);
        new ContentContractStage(contracts).Run(page, SiteProducts.None, diagnostics);
        return (page.Get(PageSectionModel.Key), diagnostics.All);
    }

    private const string Type = "essai";

    private static readonly FrontMatter TypedFrontMatter = new("Essai", "", Type, null, null, null, null, null, [], new Dictionary<string, int>());

    private static Document Parsed(string markdown)
    {
        var diagnostics = new DiagnosticBag(warningsAreErrors: false);
        var page = Parse.Run(new Document("pages/essai.md", "essai/index.html", markdown), SiteProducts.None, diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.All.Select(d => d.Message)));
        return page;
    }
}
