using Markdig;
using Markdig.Helpers;
using Markdig.Renderers;

namespace FichesSite.Markdown;

/// <summary>
/// The one place where the Markdown dialect of the site is chosen. Raw HTML is parsed so that the
/// parse stage can refuse it with its line (with HTML disabled it would silently print as text).
/// </summary>
public static class MarkdownSetup
{
    /// <param name="alertTitles">Visible title of each GitHub-style alert (« > [!IMPORTANT] »), by kind in upper case.</param>
    public static MarkdownPipeline Create(IReadOnlyDictionary<string, string> alertTitles) =>
        new MarkdownPipelineBuilder()
            .Use<PageHeaderExtension>() // the page header, read by the front matter stage, is not Markdown
            .UsePipeTables()
            .UseAlertBlocks((renderer, kind) => WriteAlertTitle(renderer, kind, alertTitles))
            .Use<GlossaryExtension>() // renders the terms that the glossary stage marks
            .UseGenericAttributes() // must come last: it reads attributes left by the others
            .Build();

    /// <summary>
    /// The title line of a callout: an icon for the eye, hidden from screen readers, then the title, then
    /// a colon for screen readers only, so that they announce « Important : » before the text.
    /// </summary>
    private static void WriteAlertTitle(HtmlRenderer renderer, StringSlice kind, IReadOnlyDictionary<string, string> alertTitles)
    {
        var key = kind.ToString().ToUpperInvariant();
        var title = alertTitles.TryGetValue(key, out var text) ? text : key;
        renderer.Write("<p class=\"markdown-alert-title\"><span class=\"markdown-alert-icon\" aria-hidden=\"true\">")
            .Write(key is "NOTE" or "TIP" ? "i" : "!")
            .Write("</span>").WriteEscape(title).Write("<span class=\"visually-hidden\">\u00A0:</span></p>\n");
    }
}
