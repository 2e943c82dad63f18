using AngleSharp.Dom;
using FichesSite.Text;

namespace FichesSite.Tests;

/// <summary>The built cementoplasty sheet, read with AngleSharp as a browser or screen reader would.</summary>
public sealed class FicheStructureTests(BuiltSite built) : IClassFixture<BuiltSite>
{
    private const string FichePath = "fiches/cimentoplastie-metastases-osseuses/index.html";

    private static readonly string[] RequiredSections =
    [
        "Qu’est-ce que c’est",
        "En quoi consiste la cimentoplastie",
        "Quelles sont les suites opératoires",
        "Quels sont les risques de la cimentoplastie",
    ];

    private IDocument Fiche => built.Site.Page(FichePath);

    private static string Text(IElement element) => element.TextContent.Replace('\u202F', ' ').Replace('\u00A0', ' ').Trim();

    [Fact]
    public void Has_exactly_one_h1_which_is_the_sheet_title()
    {
        var h1 = Assert.Single(Fiche.QuerySelectorAll("h1"));
        Assert.Equal("Cimentoplastie en cas de métastases osseuses", Text(h1));
    }

    [Fact]
    public void Heading_levels_never_skip()
    {
        var levels = Fiche.QuerySelectorAll("h1, h2, h3, h4, h5, h6").Select(h => h.LocalName[1] - '0').ToList();
        Assert.Equal(1, levels[0]);
        for (var i = 1; i < levels.Count; i++)
        {
            Assert.True(levels[i] <= levels[i - 1] + 1, $"heading {i} jumps from h{levels[i - 1]} to h{levels[i]}");
        }
    }

    [Fact]
    public void The_four_required_sections_are_present_in_order()
    {
        var sections = Fiche.QuerySelectorAll(".fiche-content h2").Select(Text).ToList();
        var positions = RequiredSections
            .Select(required => sections.FindIndex(s => AccentFolding.StartsWithWords(s, required)))
            .ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
    }

    [Theory]
    [InlineData("Hématome au point de ponction", "exceptionnel")]
    [InlineData("Fuite de ciment", "5 %, soit environ 5 personnes sur 100")]
    [InlineData("Irritation d’un nerf", "rare")]
    [InlineData("Embolie de ciment", "exceptionnelle")]
    public void Each_risk_is_an_h3_of_the_risks_section_with_its_frequency(string risk, string frequency)
    {
        var risks = RisksSectionHeadings().Where(h => h.LocalName == "h3").Select(Text).ToList();
        var heading = Assert.Single(risks, r => r.StartsWith(risk, StringComparison.Ordinal));
        Assert.Contains($"({frequency})", heading);
    }

    [Fact]
    public void Risk_texts_keep_the_source_wording()
    {
        // As read: without what the page hides (the glossary's closed definitions and, without script, their buttons).
        var content = (IElement)Fiche.QuerySelector(".fiche-content")!.Clone();
        foreach (var hidden in content.QuerySelectorAll("[hidden]").ToList())
        {
            hidden.Remove();
        }
        var body = Text(content);
        Assert.Contains("La majorité de ces fuites sont asymptomatiques.", body);
        Assert.Contains("De façon exceptionnelle, une embolie de ciment a été rapportée dans la littérature.", body);
        Assert.Contains("environ 20 % des patients atteints de cancer", body);
    }

    [Fact]
    public void Contents_list_links_to_every_section_in_order()
    {
        var toc = Fiche.QuerySelector("nav[aria-label=\"Sommaire\"]")!;
        Assert.Equal("Sommaire", Text(toc.QuerySelector("h2")!));
        var targets = toc.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).ToList();
        var sectionIds = Fiche.QuerySelectorAll(".fiche-content h2").Select(h => "#" + h.Id).ToList();
        Assert.Equal(sectionIds, targets);
    }

    [Fact]
    public void Page_is_french_titled_described_and_canonical()
    {
        var page = Fiche;
        Assert.Equal("fr", page.DocumentElement.GetAttribute("lang"));
        Assert.StartsWith(Text(page.QuerySelector("h1")!), page.Title);
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("meta[name=description]")?.GetAttribute("content")));
        var canonical = page.QuerySelector("link[rel=canonical]")?.GetAttribute("href");
        Assert.Equal("https://fiches.hopital-exemple.invalid/fiches/cimentoplastie-metastases-osseuses/", canonical);
    }

    [Fact]
    public void Review_dates_are_machine_readable()
    {
        var times = Fiche.QuerySelectorAll(".review time").Select(t => t.GetAttribute("datetime")).ToList();
        Assert.Equal(["2026-01-15", "2027-01-15"], times);
    }

    [Fact]
    public void Breadcrumb_leads_home_and_names_the_current_page()
    {
        var crumbs = Fiche.QuerySelector("nav.breadcrumb")!;
        Assert.Equal("../../index.html", crumbs.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Cimentoplastie en cas de métastases osseuses", Text(crumbs.QuerySelector("[aria-current=page]")!));
    }

    [Fact]
    public void Home_page_lists_the_sheet_with_its_description()
    {
        var home = built.Site.Page("index.html");
        var item = Assert.Single(home.QuerySelectorAll(".fiche-list li"));
        Assert.Equal(FichePath, item.QuerySelector("a")!.GetAttribute("href"));
        Assert.StartsWith("Ce qu’est la cimentoplastie", Text(item.QuerySelector("p")!));
    }

    private IEnumerable<IElement> RisksSectionHeadings() =>
        Fiche.QuerySelectorAll(".fiche-content h2, .fiche-content h3")
            .SkipWhile(h => !(h.LocalName == "h2" && Text(h).StartsWith("Quels sont les risques", StringComparison.Ordinal)))
            .Skip(1)
            .TakeWhile(h => h.LocalName != "h2");
}
