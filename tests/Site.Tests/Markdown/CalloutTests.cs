using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CsCheck;
using FichesSite.Build;
using FichesSite.Content;
using FichesSite.Markdown;
using FichesSite.Pipeline;
using FichesSite.Rendering;

namespace FichesSite.Tests.Markdown;

/// <summary>The repository's content plus the components page (Fixtures/composants.md, every callout), built once.</summary>
public sealed class ComponentsSite : IDisposable
{
    public const string Page = "composants/index.html";

    public ComponentsSite()
    {
        Site.AddFixture("composants.md", "pages/composants.md");
        Result = Site.Build();
        Assert.True(Result.Succeeded, string.Join("\n", Result.Diagnostics));
    }

    public TestSite Site { get; } = new();

    public BuildResult Result { get; }

    public void Dispose() => Site.Dispose();
}

/// <summary>
/// The components an author writes as callouts (« > [!ESSENTIEL] », care cards, do and don't lists): read on the built
/// components page as a browser reads them (headings whose level fits their section, a named region for the key points,
/// list semantics, the service's phone), and the French errors, each on its line, for what the build refuses.
/// </summary>
public sealed class CalloutTests(ComponentsSite built) : IClassFixture<ComponentsSite>
{
    private static readonly ThemeStrings Strings =
        ThemeStrings.Load(Path.Combine(TestSite.RepositoryTheme, "i18n", "fr.yml"), "fr.yml", new DiagnosticBag())!;

    private static readonly CalloutWords Words = new(Strings.Map("alerts"), Strings.Map("care_levels"));

    private static readonly Service ExampleService =
        new("exemple", "Service d’exemple", "01 00 00 00 09", "de 9 h à 17 h", null, null, null, 1);

    private IDocument Page => built.Site.Page(ComponentsSite.Page);

    private static string Text(IElement element) => element.TextContent.Replace('\u00A0', ' ').Replace('\u202F', ' ').Trim();

    [Fact]
    public void The_key_points_come_first_as_a_region_named_by_their_h2()
    {
        var main = Page.QuerySelector("main")!;
        var region = main.QuerySelector(".callout-essentiel")!;
        Assert.Equal("h1", region.PreviousElementSibling!.LocalName); // first after the page's title
        Assert.Equal("section", region.LocalName);
        var heading = Page.GetElementById(region.GetAttribute("aria-labelledby")!)!;
        Assert.Equal("h2", heading.LocalName);
        Assert.Equal(Words.Title(CalloutKinds.Essentiel), Text(heading));
        Assert.Equal(3, region.QuerySelectorAll("li").Length);
    }

    [Fact]
    public void Every_component_heading_is_one_level_below_its_section()
    {
        var main = Page.QuerySelector("main")!;
        var components = main.QuerySelectorAll(".callout").ToList();
        Assert.Equal(6, components.Count);
        foreach (var component in components)
        {
            // The last heading before it that is no component's own: the heading of the section it stands in.
            var section = main.QuerySelectorAll("h1, h2, h3, h4, h5, h6")
                .TakeWhile(h => component.CompareDocumentPosition(h).HasFlag(DocumentPositions.Preceding))
                .Last(h => h.Closest(".callout") is null);
            var heading = component.QuerySelector(".callout-title")!;
            Assert.Equal(Level(section) + 1, Level(heading));
        }
        Assert.Equal("h4", main.QuerySelector(".callout-urgence .callout-title")!.LocalName); // under an h3
    }

    private static int Level(IElement heading) => heading.LocalName[1] - '0';

    [Fact]
    public void Care_cards_say_their_urgency_then_the_action_then_the_authors_text()
    {
        foreach (var kind in new[] { CalloutKinds.Conseil, CalloutKinds.Urgent, CalloutKinds.Urgence })
        {
            var card = Page.QuerySelector($".callout-{kind.Name.ToLowerInvariant()}")!;
            var heading = card.QuerySelector(".callout-title")!;
            Assert.Equal($"{Words.CareLevel(kind)} : {Words.Title(kind)}", Text(heading));
            Assert.Null(card.GetAttribute("role")); // a headed group, not a landmark: cards may repeat on a page
            Assert.Contains("texte d’exemple", card.QuerySelector(".callout-body")!.TextContent);
        }
    }

    [Fact]
    public void Cards_that_send_the_reader_to_the_service_give_its_phone_and_hours()
    {
        var service = ExampleOfTheRepository(built.Site);
        foreach (var kind in new[] { CalloutKinds.Conseil, CalloutKinds.Urgent })
        {
            var call = Page.QuerySelector($".callout-{kind.Name.ToLowerInvariant()} .care-card-call")!;
            var link = call.QuerySelector("a")!;
            Assert.Equal(service.PhoneHref, link.GetAttribute("href"));
            Assert.Equal(service.Phone, link.TextContent);
            Assert.Contains(service.Hours!, call.TextContent);
            Assert.Contains(service.Name, call.TextContent);
        }
        Assert.Null(Page.QuerySelector(".callout-urgence .care-card-call")); // the 15 is no service's
    }

    [Fact]
    public void Do_and_dont_lists_are_lists_marked_by_a_word_and_a_hidden_icon_on_each_item()
    {
        foreach (var kind in new[] { CalloutKinds.Faire, CalloutKinds.Eviter })
        {
            var component = Page.QuerySelector($".callout-{kind.Name.ToLowerInvariant()}")!;
            Assert.Equal(Words.Title(kind), Text(component.QuerySelector(".callout-title")!));
            var list = component.QuerySelector("ul")!;
            Assert.Equal("list", list.GetAttribute("role")); // list-style: none drops list semantics in WebKit
            var items = list.Children.ToList();
            Assert.Equal(2, items.Count);
            Assert.All(items, item =>
            {
                Assert.Equal("li", item.LocalName);
                var icon = item.FirstElementChild!;
                Assert.Equal("svg", icon.LocalName);
                Assert.Equal("true", icon.GetAttribute("aria-hidden"));
            });
        }
        // The two icons differ: a tick and a cross, not one shape in two colours.
        Assert.NotEqual(Page.QuerySelector(".callout-faire li svg")!.InnerHtml, Page.QuerySelector(".callout-eviter li svg")!.InnerHtml);
    }

    [Fact]
    public void The_real_sheet_gets_no_component_its_source_does_not_write()
    {
        var sheet = built.Site.Page("fiches/cimentoplastie-metastases-osseuses/index.html");
        Assert.Empty(sheet.QuerySelectorAll(".callout"));
    }

    [Fact]
    public void The_components_page_is_safe_and_its_ids_unique()
    {
        Assert.Empty(PageChecks.ScriptProblems(Page));
        Assert.Empty(PageChecks.DuplicateIds(Page));
    }

    // ---- Errors, each on its line, from the stages themselves (Placed) ----

    [Theory]
    [InlineData("> [!FOO]\n> Texte.\n", 1, "encadré inconnu « [!FOO] »", null)]
    [InlineData("Texte.\n\n> [!ESSENTIELS]\n> Texte.\n", 3, "encadré inconnu « [!ESSENTIELS] »", "[!ESSENTIEL]")]
    [InlineData("> [!ÉVITER]\n> - Texte.\n", 1, "encadré inconnu « [!ÉVITER] »", "[!EVITER]")]
    [InlineData("> [!Urgense]\n> Texte.\n", 1, "encadré inconnu « [!Urgense] »", "[!URGENCE]")]
    [InlineData("Texte.\n\n- Point.\n\n  > [!FAIRE]\n  > - Texte.\n", 5, "est dans une liste ou une citation", "> [!FAIRE]")]
    [InlineData("> > [!URGENT]\n> > Texte.\n", 1, "est dans une liste ou une citation", null)]
    [InlineData("> [!URGENT] Appelez.\n> Texte.\n", 1, "du texte suit « [!URGENT] »", null)]
    [InlineData("## Titre\n\n[!urgent]\nSi vous avez de la fièvre.\n", 3, "« [!URGENT] » sans « > »", "> [!URGENT]")]
    [InlineData("- [!FAIRE]\n", 1, "« [!FAIRE] » sans « > »", null)]
    [InlineData("> Texte.\n> [!CONSEIL]\n> Suite.\n", 2, "« [!CONSEIL] » au milieu du texte", "> [!CONSEIL]")]
    [InlineData("| A | B |\n|---|---|\n| [!urgent] | x |\n", 3, "« [!URGENT] » au milieu du texte", null)]
    [InlineData("## Titre [!FAIRE]\n", 1, "« [!FAIRE] » au milieu du texte", null)]
    [InlineData("Texte avec [!Urgence] au milieu.\n", 1, "« [!URGENCE] » au milieu du texte", "\\[!URGENCE]")]
    [InlineData("- Point.\n  [!EVITER]\n", 2, "« [!EVITER] » au milieu du texte", null)]
    [InlineData("Texte.\n\n> [!ESSENTIEL]\n> - Point.\n", 3, "doit être le premier bloc de la page", null)]
    [InlineData("> [!ESSENTIEL]\n> Point.\n\n> [!essentiel]\n> Point.\n", 4, "un seul encadré « [!ESSENTIEL] » par page ; le premier est ligne 1", null)]
    [InlineData("## Titre\n\n> [!FAIRE]\n> Buvez.\n", 3, "« [!FAIRE] » doit contenir une liste", "> - ")]
    [InlineData("## Titre\n\n> [!EVITER]\n> - Buvez.\n>\n> Texte.\n", 3, "« [!EVITER] » doit contenir une liste", null)]
    [InlineData("## Titre\n\n> [!URGENCE]\n", 3, "« [!URGENCE] » est vide", null)]
    [InlineData("## Titre\n\n> [!FAIRE]\n> 3. Buvez.\n> 4. Mangez.\n", 3, "« [!FAIRE] » doit contenir une liste", "par une ligne « > » vide")]
    public void What_the_build_refuses_is_a_french_error_on_its_line(string markdown, int line, string message, string? fix)
    {
        var (_, errors) = Placed(markdown, ExampleService);
        var error = Assert.Single(errors);
        Assert.Equal(line, error.Line);
        Assert.Contains(message, error.Message);
        if (fix is not null)
        {
            Assert.Contains(fix, error.Fix);
        }
    }

    [Theory]
    [InlineData("Texte `[!URGENT]` en code.\n")]
    [InlineData("Texte \\[!URGENT] écrit tel quel.\n")]
    [InlineData("Un lien [!URGENT](https://exemple.invalid/) et [!FAIRE][ref].\n\n[ref]: https://exemple.invalid/\n")]
    [InlineData("Un nom qui n’est pas celui d’un encadré : [!BONJOUR].\n")]
    public void Text_that_only_resembles_a_callout_name_is_accepted(string markdown)
    {
        var (_, errors) = Placed(markdown, ExampleService);
        Assert.Empty(errors);
    }

    // Any known name, in any case, at any place of the text that is not the start of a quote: one error, on its line.
    private static Gen<(string Markdown, int Line)> NameInText =>
        Gen.Select(AnyCase, Gen.Int[0, 4], Gen.Int[0, 3]).Select((name, place, before) =>
        {
            var lead = string.Concat(Enumerable.Repeat("Texte.\n\n", before));
            var line = 2 * before + 1;
            return place switch
            {
                0 => (lead + $"> Texte.\n> [!{name}]\n", line + 1),
                1 => (lead + $"| A |\n|---|\n| x [!{name}] |\n", line + 2),
                2 => (lead + $"## Titre [!{name}]\n", line),
                3 => (lead + $"- Point.\n  Suite [!{name}].\n", line + 1),
                _ => (lead + $"Texte [!{name}] au milieu.\n", line),
            };
        });

    [Fact]
    public void A_callout_name_anywhere_in_the_text_is_refused_once_on_its_line()
    {
        NameInText.Sample(c =>
        {
            var (_, errors) = Placed(c.Markdown, ExampleService);
            var error = Assert.Single(errors);
            Assert.Equal(c.Line, error.Line);
            Assert.Contains("au milieu du texte", error.Message, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("CONSEIL")]
    [InlineData("URGENT")]
    public void A_card_that_sends_the_reader_to_the_service_needs_the_pages_service(string name)
    {
        var (_, errors) = Placed($"## Après\n\n> [!{name}]\n> Si vous avez de la fièvre.\n", service: null);
        var error = Assert.Single(errors);
        Assert.Equal(3, error.Line);
        Assert.Contains("ne nomme pas de service", error.Message);
        Assert.Contains("service:", error.Fix);
        Assert.Contains("[!URGENCE]", error.Fix);
    }

    [Fact]
    public void A_sheet_without_service_using_urgent_fails_the_build_on_its_line_and_publishes_nothing()
    {
        using var site = new TestSite();
        File.WriteAllText(Path.Combine(site.Input, "pages", "essai.md"),
            "---\ntitle: Essai\ndescription: Une page d’essai.\n---\n\nTexte.\n\n## Après\n\n> [!URGENT]\n> Si vous avez de la fièvre.\n");
        var result = site.Build();
        PageChecks.AssertFailedOnItsLines(result, "pages/essai.md", site);
        Assert.Contains(result.Errors, e => e.File.EndsWith("pages/essai.md", StringComparison.Ordinal) && e.Line == 10);
    }

    [Theory]
    [InlineData("essentiel")]
    [InlineData("Essentiel")]
    [InlineData("ESSENTIEL")]
    public void A_name_is_read_in_any_case(string name)
    {
        var (html, errors) = Placed($"> [!{name}]\n> - Point.\n", ExampleService);
        Assert.Empty(errors);
        Assert.NotNull(html!.QuerySelector("section.callout-essentiel h2"));
    }

    [Fact]
    public void A_list_right_after_the_name_leaves_no_empty_paragraph()
    {
        var (html, _) = Placed("## Titre\n\n> [!URGENT]\n> - Fièvre.\n", ExampleService);
        Assert.Empty(html!.QuerySelectorAll(".callout p:empty"));
    }

    // ---- Generated: every kind, any case, any content ----

    private static readonly Gen<string> AnyCase = Gen.OneOf(CalloutKinds.All.ToArray()).SelectMany(kind =>
        Gen.Bool.Array[kind.Name.Length].Select(upper =>
            new string(kind.Name.Select((c, i) => upper[i] ? c : char.ToLowerInvariant(c)).ToArray())));

    private static readonly Gen<string> Words3 = Gen.OneOf("Buvez", "de l’eau", "**souvent**", "fièvre à 38,5 °C", "[lien](https://exemple.invalid/)", "`code`");

    private static readonly Gen<string> Line = Words3.Array[1, 4].Select(w => string.Join(' ', w));

    private static readonly Gen<int> SectionLevel = Gen.Int[1, 5];

    [Fact]
    public void Every_kind_in_any_case_renders_its_component_with_its_title_at_the_level_its_section_gives()
    {
        Gen.Select(AnyCase, Line.Array[1, 3], SectionLevel).Sample((name, lines, level) =>
        {
            var kind = CalloutKinds.Find(name)!;
            var headings = string.Concat(Enumerable.Range(2, level - 1).Select(l => new string('#', l) + " Titre " + l + "\n\n"));
            var body = kind.Component is CalloutComponent.DoList or CalloutComponent.DontList
                ? string.Concat(lines.Select(l => "> - " + l + "\n"))
                : string.Join(">\n", lines.Select(l => "> " + l + "\n"));
            // « L’essentiel » only first; the others under their headings.
            var markdown = kind == CalloutKinds.Essentiel ? $"> [!{name}]\n{body}\n{headings}" : $"{headings}> [!{name}]\n{body}";
            var (html, errors) = Placed(markdown, ExampleService);
            Assert.True(errors.Count == 0, string.Join("\n", errors));
            var callout = html!.QuerySelector(kind.Component == CalloutComponent.Alert ? ".markdown-alert" : ".callout")!;
            Assert.Contains(Words.Title(kind), callout.TextContent);
            if (kind.Component != CalloutComponent.Alert)
            {
                var heading = callout.QuerySelector(".callout-title")!;
                Assert.Equal(kind == CalloutKinds.Essentiel ? 2 : Math.Min(level + 1, 6), Level(heading));
            }
            if (kind.Component is CalloutComponent.DoList or CalloutComponent.DontList)
            {
                Assert.Equal(lines.Length, callout.QuerySelectorAll("li > svg[aria-hidden=true]").Length);
            }
        }, iter: 300);
    }

    private static readonly Gen<string> UnknownName = Gen.OneOf(
        Gen.Char['A', 'Z'].Array[1, 12].Select(c => new string(c)),
        Gen.OneOf("ÉVITER", "Éviter", "URGENCES", "ESENTIEL", "FAIR", "CONSEILS", "AFAIRE", "NOTES", "URGENT2", "À_FAIRE"))
        .Where(n => CalloutKinds.Find(n) is null);

    [Fact]
    public void Every_unknown_name_is_refused_on_its_line_with_the_nearest_known_one_when_there_is_one()
    {
        Gen.Select(UnknownName, Gen.Int[0, 3]).Sample((name, before) =>
        {
            var markdown = string.Concat(Enumerable.Repeat("Texte.\n\n", before)) + $"> [!{name}]\n> Texte.\n";
            var (html, errors) = Placed(markdown, ExampleService);
            Assert.Null(html);
            var error = Assert.Single(errors);
            Assert.Equal(before * 2 + 1, error.Line);
            Assert.Contains($"« [!{name}] »", error.Message);
            if (CalloutKinds.Nearest(name) is { } nearest)
            {
                Assert.Contains($"« [!{nearest}] » ?", error.Fix);
            }
            Assert.Contains("[!ESSENTIEL]", error.Fix); // the whole list, always
        }, iter: 300);
    }

    private static readonly Gen<string> Hostile = Gen.OneOf(
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))",
        "<javascript:alert(1)>", "texte{onclick=alert(1)}", "texte {style=\"color:red\"}", "\" onmouseover=\"alert(1)",
        "&lt;script&gt;alert(1)&lt;/script&gt;", "![x](data:text/html,x)", "[x](<java\tscript:alert(1)>)", "`<script>`");

    private static readonly Gen<string> HostileText = Gen.OneOf(
        "<script>alert(1)</script>", "\" onclick=\"alert(1)", "Service <b>gras</b>", "javascript:alert(1)", "Normal");

    [Fact]
    public void Hostile_text_in_a_callout_or_in_its_service_never_becomes_script()
    {
        var refused = 0;
        Gen.Select(AnyCase, Hostile, HostileText, HostileText).Sample((name, hostile, serviceName, hours) =>
        {
            var kind = CalloutKinds.Find(name)!;
            var body = kind.Component is CalloutComponent.DoList or CalloutComponent.DontList ? $"> - {hostile}\n" : $"> {hostile}\n";
            var markdown = kind == CalloutKinds.Essentiel ? $"> [!{name}]\n{body}" : $"## Titre\n\n> [!{name}]\n{body}";
            var service = ExampleService with { Name = serviceName, Hours = hours };
            var (html, errors) = Placed(markdown, service);
            if (html is null)
            {
                refused++;
                Assert.All(errors, e => Assert.True(e.Line > 0, e.ToString()));
                return;
            }
            var problems = PageChecks.ScriptProblems(html);
            Assert.True(problems is [], string.Join(", ", problems));
            Assert.Empty(html.QuerySelectorAll("script, b, img"));
        }, iter: 300);
        Assert.True(refused > 0, "no hostile text was refused: the generator is not hostile");
    }

    // The one service of the repository's services.yml, as the build reads it.
    private static Service ExampleOfTheRepository(TestSite site)
    {
        var services = Path.Combine(site.Input, SiteCatalog.ServicesFile);
        var catalog = CatalogFile.Load((services, "services.yml"), (Path.Combine(site.Input, SiteCatalog.ThemesFile), "themes.yml"), new DiagnosticBag());
        return Assert.Single(catalog!.Services);
    }

    // ---- The stages a page goes through, up to its callouts, without a whole build ----

    private static readonly Markdig.MarkdownPipeline Pipeline = MarkdownSetup.Create(Words);

    private static readonly ParseMarkdownStage Parse = new(Pipeline, new LinkRewriter(TestSite.RepositoryRoot, s => s), ReservedIds.ThemeOnly);

    private static readonly HtmlParser Parser = new();

    /// <summary>
    /// <paramref name="markdown"/> as a page body of a page whose service is <paramref name="service"/>: parsed, its
    /// callouts placed, then rendered (null when a stage found an error), and the errors found.
    /// </summary>
    private static (IDocument? Html, IReadOnlyList<Diagnostic> Errors) Placed(string markdown, Service? service)
    {
        var diagnostics = new DiagnosticBag();
        var header = new FrontMatter("Essai", "", "page", null, null, null, null, null, [], new Dictionary<string, int>()) { Service = service?.Slug };
        var page = Parse.Run(new FichesSite.Pipeline.Document("pages/essai.md", "essai/index.html", markdown).With(FrontMatter.Key, header), SiteProducts.None, diagnostics);
        if (!diagnostics.HasErrors)
        {
            new CalloutsStage(new SiteCatalog(service is null ? [] : [service], [])).Run(page, SiteProducts.None, diagnostics);
        }
        var errors = ParsedPage.Errors(diagnostics);
        return errors.Count > 0 ? (null, errors) : (Parser.ParseDocument("<main>" + ParsedPage.Html(Pipeline, page) + "</main>"), []);
    }
}
