using Markdig;
using Markdig.Extensions.Alerts;
using Markdig.Renderers;

namespace FichesSite.Markdown;

/// <summary>
/// The one place where the Markdown dialect of the site is chosen. Raw HTML is parsed so that the
/// parse stage can refuse it with its line (with HTML disabled it would silently print as text).
/// </summary>
public static class MarkdownSetup
{
    /// <param name="callouts">The words of callouts (« > [!IMPORTANT] », « > [!ESSENTIEL] »…), from the theme.</param>
    /// <param name="internalLabel">The visible label of « ::: interne » blocks on the intranet site, from the theme.</param>
    public static MarkdownPipeline Create(CalloutWords callouts, string internalLabel = InternalBlocks.Name) =>
        new MarkdownPipelineBuilder()
            .Use<PageHeaderExtension>() // the page header, read by the front matter stage, is not Markdown
            .UsePipeTables()
            .UseAlertBlocks()
            .Use(new CalloutExtension(callouts)) // after the alerts: writes them, components included
            .Use(new InternalBlockExtension(internalLabel)) // « ::: interne »: checked, and removed from the public site, by InternalBlocks
            .Use<GlossaryExtension>() // renders the terms that the glossary stage marks
            .UseGenericAttributes() // must come last: it reads attributes left by the others
            .Build();

    /// <summary>Puts <see cref="CalloutRenderer"/> in the place of Markdig's renderer of alerts.</summary>
    private sealed class CalloutExtension(CalloutWords words) : IMarkdownExtension
    {
        public void Setup(MarkdownPipelineBuilder pipeline)
        {
        }

        public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
        {
            if (!renderer.ObjectRenderers.Replace<AlertBlockRenderer>(new CalloutRenderer(words)))
            {
                throw new InvalidOperationException("Markdig's alert renderer was not found: the alert extension must come first.");
            }
        }
    }
}
