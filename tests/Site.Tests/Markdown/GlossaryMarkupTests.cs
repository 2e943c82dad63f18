using AngleSharp.Dom;
using FichesSite.Build;

namespace FichesSite.Tests.Markdown;

/// <summary>The repository's content plus a sheet that uses glossary terms in links, code, headings and emphasis, built once.</summary>
public sealed class GlossarySite : IDisposable
{
    public GlossarySite()
    {
        Site.AddFiche("glossaire-usages.md");
        Result = Site.Build();
        Assert.True(Result.Succeeded, string.Join("\n", Result.Diagnostics));
    }

    public TestSite Site { get; } = new();

    public BuildResult Result { get; }

    public void Dispose() => Site.Dispose();
}

/// <summary>
/// The first use of a glossary term on a sheet is marked (a link to its entry, described by the hidden definition
/// that follows it); later uses, headings, links and code are not; the glossary page lists the terms A to Z.
/// </summary>
public sealed class GlossaryMarkupTests(GlossarySite built) : IClassFixture<GlossarySite>
{
    private const string RealSheet = "fiches/cimentoplastie-metastases-osseuses/index.html";
    private const string UsageSheet = "fiches/glossaire-usages/index.html";

    private static IReadOnlyList<IElement> Terms(IDocument page) => page.QuerySelectorAll("a.terme").ToList();

    [Fact]
    public void Only_the_first_use_of_each_term_is_marked()
    {
        var page = built.Site.Page(UsageSheet);

        // « cimentoplastie » is first in a link, then twice in a sentence: the sentence's first one is marked.
        Assert.Equal(["cimentoplastie", "rachis", "anesthésie générale", "perfusion", "embolie"], Terms(page).Select(a => a.TextContent));
        var sentence = Terms(page)[0].ParentElement!;
        Assert.Equal("P", sentence.TagName);
        Assert.StartsWith("La cimentoplastie", sentence.TextContent);
        Assert.Single(sentence.QuerySelectorAll("a.terme"), a => a.TextContent == "cimentoplastie");
        Assert.Contains("La cimentoplastie est rapide.", sentence.TextContent);
    }

    [Fact]
    public void Terms_in_links_code_and_headings_are_left_alone()
    {
        var page = built.Site.Page(UsageSheet);

        Assert.Empty(page.QuerySelectorAll("h1 .terme, h2 .terme, h3 .terme, a .terme, code .terme"));
        Assert.Equal("la cimentoplastie", page.QuerySelectorAll("main a").Single(a => a.GetAttribute("href")!.Contains("plan-du-site", StringComparison.Ordinal) && a.Closest("main") is not null && a.ParentElement!.TagName == "P").TextContent);
        Assert.Equal("rachis", page.QuerySelector("main p code")!.TextContent);
        Assert.Equal("Embolie (exceptionnelle)", page.QuerySelector("h3")!.TextContent);
        // Inside emphasis, the term is still running text.
        Assert.Equal("STRONG", Terms(page).Single(a => a.TextContent == "anesthésie générale").ParentElement!.TagName);
    }

    [Fact]
    public void A_term_links_to_its_entry_and_carries_its_definition_without_script_or_style()
    {
        var page = built.Site.Page(RealSheet);
        var terms = Terms(page);

        Assert.Equal(terms.Count, terms.Select(a => a.GetAttribute("href")).Distinct().Count());
        var metastase = terms.First();
        Assert.Equal("métastases", metastase.TextContent); // the first words of the sheet's text
        Assert.Equal("../../glossaire/index.html#metastase", metastase.GetAttribute("href"));

        // The word is the only control: no button after it (glossaire.js turns the link itself into one), and the
        // definition, hidden, follows it at once, so that once opened it reads as part of the sentence.
        var definitionId = metastase.GetAttribute("aria-describedby")!;
        Assert.Empty(page.QuerySelectorAll(".fiche-content button"));
        var definition = page.GetElementById(definitionId)!;
        Assert.Same(metastase.NextSibling, definition);
        Assert.Equal("terme-definition", definition.ClassName);
        // The line that says how to open them waits, hidden, for the script that makes the words buttons.
        Assert.True(page.QuerySelector("p.terme-aide")!.HasAttribute("hidden"));
        Assert.True(definition.HasAttribute("hidden"));
        Assert.StartsWith("Tumeur formée loin du cancer de départ", definition.TextContent);
        Assert.Equal("(définition en attente de relecture)", definition.QuerySelector(".relecture")!.TextContent);

        // The sheet's JSON-LD is data, not script; PageSecurityTests holds it to exactly that type.
        Assert.Empty(page.QuerySelectorAll("[style], [onclick], script:not([src]):not([type='application/ld+json'])"));
        Assert.Contains(page.QuerySelectorAll("script[src]"), s => s.GetAttribute("src")!.EndsWith("assets/js/glossaire.js", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_term_link_lands_on_an_entry_of_the_glossary_page()
    {
        var glossary = built.Site.Page("glossaire/index.html");
        foreach (var sheet in new[] { RealSheet, UsageSheet })
        {
            foreach (var term in Terms(built.Site.Page(sheet)))
            {
                var id = term.GetAttribute("href")!.Split('#')[1];
                Assert.Equal("DT", glossary.GetElementById(id)?.TagName);
            }
        }
    }

    [Fact]
    public void The_glossary_page_lists_the_terms_a_to_z_by_letter_with_anchors()
    {
        var page = built.Site.Page("glossaire/index.html");

        var letters = page.QuerySelectorAll("main h2").Select(h => h.TextContent).ToList();
        Assert.Equal(letters.Order(StringComparer.Ordinal), letters);
        Assert.Equal(["A", "C", "E", "F", "H", "I", "L", "M", "P", "R", "T"], letters);
        var nav = page.QuerySelectorAll("nav.glossary-letters a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(page.QuerySelectorAll("main h2").Select(h => "#" + h.Id), nav);

        var terms = page.QuerySelectorAll("dl.glossary dt").Select(dt => dt.TextContent).ToList();
        Assert.Equal(terms.OrderBy(FichesSite.Text.AccentFolding.Fold, StringComparer.Ordinal), terms);
        Assert.Contains("au décours", terms); // under A: sorted on the term as written in the file
        var hematome = page.GetElementById("hematome")!;
        Assert.Equal("H", hematome.Closest("section")!.QuerySelector("h2")!.TextContent); // « é » files under E, « h » under H
        Assert.Equal("hématome", hematome.QuerySelector("dfn")!.TextContent);
        Assert.All(page.QuerySelectorAll("dl.glossary dd"), dd => Assert.Equal("(définition en attente de relecture)", dd.QuerySelector(".relecture")?.TextContent));
    }

    [Fact]
    public void The_glossary_page_is_in_the_footer_and_the_site_map()
    {
        var home = built.Site.Page("index.html");
        Assert.Contains(home.QuerySelectorAll(".footer-links a"), a => a.GetAttribute("href") == "glossaire/index.html" && a.TextContent == "Glossaire");
        Assert.Contains(built.Site.Page("plan-du-site/index.html").QuerySelectorAll(".site-map a"), a => a.GetAttribute("href") == "../glossaire/index.html");
    }

    [Fact]
    public void A_reviewed_definition_loses_its_mark_and_pages_other_than_sheets_are_not_marked()
    {
        using var site = new TestSite();
        var data = Path.Combine(site.Input, "data", "glossaire.yml");
        var lines = File.ReadAllLines(data).ToList();
        var rachis = lines.IndexOf("- terme: rachis");
        lines[lines.FindIndex(rachis, l => l.Trim() == "relu: false")] = "  relu: true";
        File.WriteAllLines(data, lines);
        File.AppendAllText(Path.Combine(site.Input, "pages", "accessibilite.md"), "\nUne perfusion et le rachis.\n");

        Assert.True(site.Build().Succeeded);

        var sheet = site.Page(RealSheet);
        var definition = sheet.GetElementById("terme-rachis")!;
        Assert.Null(definition.QuerySelector(".relecture"));
        Assert.NotNull(sheet.GetElementById("terme-metastase")!.QuerySelector(".relecture"));
        Assert.Null(site.Page("glossaire/index.html").GetElementById("rachis")!.NextElementSibling!.QuerySelector(".relecture"));
        Assert.Empty(site.Page("accessibilite/index.html").QuerySelectorAll(".terme"));
    }

    [Fact]
    public void Without_a_glossary_file_nothing_is_marked_and_the_footer_has_no_glossary_link()
    {
        using var site = new TestSite();
        File.Delete(Path.Combine(site.Input, "data", "glossaire.yml"));

        Assert.True(site.Build().Succeeded);

        Assert.Empty(site.Page(RealSheet).QuerySelectorAll(".terme, .terme-definition"));
        Assert.DoesNotContain(site.Page("index.html").QuerySelectorAll(".footer-links a"), a => a.TextContent == "Glossaire");
    }
}
