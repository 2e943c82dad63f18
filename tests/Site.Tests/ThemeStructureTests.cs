using AngleSharp.Dom;
using FichesSite.Pipeline;
using FichesSite.Rendering;

namespace FichesSite.Tests;

/// <summary>
/// The accessible theme's skeleton on every page, read with AngleSharp (no browser needed): landmarks,
/// skip link, the contact block in the same place everywhere, the footer links, and the callouts.
/// Texts come from theme/i18n/fr.yml, as the templates take them.
/// </summary>
public sealed class ThemeStructureTests(BuiltSite built) : IClassFixture<BuiltSite>
{
    private static readonly IReadOnlyDictionary<string, object> T =
        ThemeStrings.Load(Path.Combine(TestSite.RepositoryTheme, "i18n", "fr.yml"), "fr.yml", new DiagnosticBag(warningsAreErrors: false))!.Values;

    public static TheoryData<string> Pages() => BuiltSite.Pages();

    private static string Text(IElement element) => element.TextContent.Replace('\u202F', ' ').Replace('\u00A0', ' ').Trim();

    [Theory]
    [MemberData(nameof(Pages))]
    public void One_header_one_labelled_nav_one_main_one_footer(string sitePath)
    {
        var page = built.Site.Page(sitePath);
        Assert.Single(page.QuerySelectorAll("header"));
        Assert.Single(page.QuerySelectorAll("footer"));
        var main = Assert.Single(page.QuerySelectorAll("main"));
        Assert.Equal("contenu", main.Id);
        Assert.Equal("-1", main.GetAttribute("tabindex"));
        Assert.All(page.QuerySelectorAll("nav"), nav => Assert.False(string.IsNullOrWhiteSpace(nav.GetAttribute("aria-label"))));
        Assert.Contains(page.QuerySelectorAll("header nav"), nav => nav.GetAttribute("aria-label") == (string)T["main_menu"]);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void The_first_focusable_element_is_the_skip_link_to_main(string sitePath)
    {
        var first = built.Site.Page(sitePath).QuerySelector("a[href], button, input, select, textarea, [tabindex]:not([tabindex='-1'])")!;
        Assert.Equal("#contenu", first.GetAttribute("href"));
        Assert.Equal((string)T["skip_link"], Text(first));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void The_footer_holds_the_contact_block_and_the_accessibility_site_map_and_glossary_links(string sitePath)
    {
        var footer = built.Site.Page(sitePath).QuerySelector("footer")!;
        Assert.Equal((string)T["contact_title"], Text(footer.QuerySelector(".contact h2")!));
        var links = footer.QuerySelectorAll(".footer-links a").Select(Text).ToList();
        Assert.Equal([(string)T["accessibility_status"], (string)T["site_map"], ((IReadOnlyDictionary<string, object>)T["glossary"])["title"]], links);
        var target = new Uri(new Uri("http://site.invalid/" + sitePath), footer.QuerySelector(".footer-links a")!.GetAttribute("href"));
        Assert.Equal("/accessibilite/index.html", target.AbsolutePath);
    }

    [Fact]
    public void The_contact_block_is_the_same_on_every_page()
    {
        // WCAG 3.2.6 Consistent Help: same content, same place (first thing in the footer).
        var blocks = built.Site.HtmlPages()
            .Select(p => built.Site.Page(p).QuerySelector("footer > :first-child")!)
            .Select(section => (section.ClassName, Text: Text(section)))
            .Distinct()
            .ToList();
        var block = Assert.Single(blocks);
        Assert.Equal("contact", block.ClassName);
    }

    [Fact]
    public void Callouts_have_an_aria_hidden_icon_and_a_title_read_as_a_prefix()
    {
        var callout = built.Site.Page("accessibilite/index.html").QuerySelector(".markdown-alert")!;
        var title = callout.QuerySelector(".markdown-alert-title")!;
        Assert.Equal("true", title.QuerySelector(".markdown-alert-icon")!.GetAttribute("aria-hidden"));
        var spoken = string.Concat(title.ChildNodes
            .Where(n => n is not IElement e || e.GetAttribute("aria-hidden") != "true")
            .Select(n => n.TextContent)).Replace('\u00A0', ' ');
        Assert.Equal("Information :", spoken);
        Assert.Equal("visually-hidden", title.QuerySelector("span:last-child")!.ClassName);
    }

    // RGAA 13.1 and 13.2: no page changes or opens a window by itself; a PDF or another site opens where the reader is.
    [Theory]
    [MemberData(nameof(Pages))]
    public void No_link_or_script_opens_a_new_window(string sitePath)
    {
        var page = built.Site.Page(sitePath);
        Assert.Empty(page.QuerySelectorAll("[target], meta[http-equiv='refresh' i]"));
        foreach (var script in Directory.GetFiles(Path.Combine(TestSite.RepositoryTheme, "assets", "js"), "*.js"))
        {
            var code = File.ReadAllText(script);
            Assert.DoesNotContain("window.open", code, StringComparison.Ordinal);
            Assert.DoesNotContain(".target =", code, StringComparison.Ordinal);
        }
    }
}
