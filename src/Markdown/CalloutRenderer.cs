using Markdig.Extensions.Alerts;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace FichesSite.Markdown;

/// <summary>
/// Writes every callout (« > [!NAME] »), in place of Markdig's renderer: GitHub's alerts as a box with its title,
/// the site's components (<see cref="CalloutKinds"/>) each with a real heading at the level <see cref="CalloutsStage"/>
/// placed it, then the author's text. Only « L’essentiel », one per page, is a landmark (a region named by its
/// heading): care cards and lists may repeat, and landmarks must be few and each differently named, so those are
/// headed groups that a screen reader reaches by its list of headings, as the NHS design system does.
/// Every text it writes comes from the theme or services.yml and is escaped; the author's is Markdown, rendered as such.
/// </summary>
public sealed class CalloutRenderer : HtmlObjectRenderer<AlertBlock>
{
    // The icons of do and don't lists: drawn in the text's colour (currentColor), so that forced colours (Windows high
    // contrast) keep them visible, and hidden from screen readers, which read the list's heading instead.
    private const string TickIcon =
        "<svg class=\"callout-icon\" viewBox=\"0 0 24 24\" width=\"24\" height=\"24\" aria-hidden=\"true\" focusable=\"false\">"
        + "<path d=\"M4 12.5l5 5L20 6.5\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"3.5\" stroke-linecap=\"round\" stroke-linejoin=\"round\"/></svg>";
    private const string CrossIcon =
        "<svg class=\"callout-icon\" viewBox=\"0 0 24 24\" width=\"24\" height=\"24\" aria-hidden=\"true\" focusable=\"false\">"
        + "<path d=\"M6 6l12 12M18 6L6 18\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"3.5\" stroke-linecap=\"round\"/></svg>";

    private readonly CalloutWords _words;

    public CalloutRenderer(CalloutWords words)
    {
        _words = words;
        foreach (var kind in CalloutKinds.All)
        {
            _ = words.Title(kind); // a component without its words is the theme's mistake: said at start, not on a page
            if (kind.Component == CalloutComponent.CareCard)
            {
                _ = words.CareLevel(kind);
            }
        }
    }

    protected override void Write(HtmlRenderer renderer, AlertBlock block)
    {
        renderer.EnsureLine();
        var kind = CalloutKinds.Find(block.Kind.ToString());
        if (kind is null || kind.Component == CalloutComponent.Alert)
        {
            WriteAlert(renderer, block, kind);
        }
        else
        {
            var placement = CalloutPlacement.Of(block)
                ?? throw new InvalidOperationException($"callout [!{kind.Name}] line {block.Line + 1} rendered without the callouts stage's placement");
            WriteComponent(renderer, block, placement);
        }
        renderer.EnsureLine();
    }

    // GitHub's alerts as before: the icon for the eye (hidden from screen readers), the title, then a colon for screen
    // readers only, so that they announce « Important : » before the text.
    private void WriteAlert(HtmlRenderer renderer, AlertBlock block, CalloutKind? kind)
    {
        var name = block.Kind.ToString().ToUpperInvariant();
        renderer.Write("<div").WriteAttributes(block).WriteLine(">");
        renderer.Write("<p class=\"markdown-alert-title\"><span class=\"markdown-alert-icon\" aria-hidden=\"true\">")
            .Write(name is "NOTE" or "TIP" ? "i" : "!")
            .Write("</span>").WriteEscape(kind is null ? name : _words.Title(kind)).WriteLine("<span class=\"visually-hidden\">\u00A0:</span></p>");
        WriteContent(renderer, block);
        renderer.WriteLine("</div>");
    }

    private void WriteComponent(HtmlRenderer renderer, AlertBlock block, CalloutPlacement placement)
    {
        var kind = placement.Kind;
        var h = "h" + placement.HeadingLevel;
        var css = "callout callout-" + kind.Name.ToLowerInvariant();
        switch (kind.Component)
        {
            case CalloutComponent.KeyPoints:
                renderer.Write($"<section class=\"{css}\" aria-labelledby=\"{CalloutsStage.KeyPointsId}\">\n");
                renderer.Write($"<{h} class=\"callout-title\" id=\"{CalloutsStage.KeyPointsId}\">").WriteEscape(_words.Title(kind)).WriteLine($"</{h}>");
                WriteBody(renderer, block);
                renderer.WriteLine("</section>");
                break;
            case CalloutComponent.CareCard:
                // The urgency in words before the action, so that it is read and printed, not only shown as a colour.
                renderer.Write($"<div class=\"{css} care-card\">\n<{h} class=\"callout-title\"><span class=\"care-card-level\">")
                    .WriteEscape(_words.CareLevel(kind)).Write("<span class=\"visually-hidden\">\u00A0:</span></span> ")
                    .WriteEscape(_words.Title(kind)).WriteLine($"</{h}>");
                renderer.WriteLine("<div class=\"callout-body\">");
                if (placement.Service is { } service)
                {
                    renderer.Write("<p class=\"care-card-call\"><strong>").WriteEscape(service.Name).Write("</strong><br>")
                        .Write("<a href=\"").WriteEscapeUrl(service.PhoneHref).Write("\">").WriteEscape(service.Phone).Write("</a>");
                    if (service.Hours is { } hours)
                    {
                        renderer.Write(", ").WriteEscape(hours);
                    }
                    renderer.WriteLine("</p>");
                }
                WriteContent(renderer, block);
                renderer.WriteLine("</div>\n</div>");
                break;
            default:
                var icon = kind.Component == CalloutComponent.DoList ? TickIcon : CrossIcon;
                renderer.Write($"<div class=\"{css} do-dont\">\n<{h} class=\"callout-title\">").Write(icon)
                    .WriteEscape(_words.Title(kind)).WriteLine($"</{h}>");
                renderer.WriteLine("<div class=\"callout-body\">");
                WriteList(renderer, (ListBlock)CalloutsStage.Content(block).Single(), icon);
                renderer.WriteLine("</div>\n</div>");
                break;
        }
    }

    private static void WriteBody(HtmlRenderer renderer, AlertBlock block)
    {
        renderer.WriteLine("<div class=\"callout-body\">");
        WriteContent(renderer, block);
        renderer.WriteLine("</div>");
    }

    private static void WriteContent(HtmlRenderer renderer, ContainerBlock block)
    {
        var implicitParagraph = renderer.ImplicitParagraph;
        renderer.ImplicitParagraph = false;
        foreach (var child in CalloutsStage.Content(block))
        {
            renderer.Render(child);
        }
        renderer.ImplicitParagraph = implicitParagraph;
    }

    // The list as Markdig writes it (tight items without <p>), each item after its icon. Its bullets are replaced by the
    // icons (list-style: none), which makes WebKit's screen reader drop the list's semantics: hence role="list", the
    // one role the components need.
    private static void WriteList(HtmlRenderer renderer, ListBlock list, string icon)
    {
        var tag = list.IsOrdered ? "ol" : "ul";
        renderer.Write($"<{tag} class=\"callout-list\" role=\"list\"");
        if (list.IsOrdered && list.OrderedStart is { } start && start != "1")
        {
            renderer.Write(" start=\"").WriteEscape(start).Write('"');
        }
        renderer.WriteLine(">");
        var implicitParagraph = renderer.ImplicitParagraph;
        renderer.ImplicitParagraph = !list.IsLoose;
        foreach (var item in list)
        {
            renderer.Write("<li>").Write(icon).Write("<div>");
            renderer.WriteChildren((ListItemBlock)item);
            renderer.WriteLine("</div></li>");
        }
        renderer.ImplicitParagraph = implicitParagraph;
        renderer.WriteLine($"</{tag}>");
    }
}
