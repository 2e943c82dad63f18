using FichesSite.Markdown;

namespace FichesSite.Tests;

/// <summary>
/// Plain risk figures: each percentage of a risks section is said again in natural frequencies,
/// computed from the number (Markdown/NaturalFrequencies), and nothing else is touched.
/// </summary>
public sealed class RiskFiguresTests
{
    private const char Nnbsp = '\u202F';

    [Theory]
    [InlineData("5", "environ 5 personnes sur 100")]
    [InlineData("20", "environ 20 personnes sur 100")]
    [InlineData("1", "environ 1 personne sur 100")]
    [InlineData("100", "environ 100 personnes sur 100")]
    [InlineData("0.5", "environ 5 personnes sur 1\u202F000")]
    [InlineData("1.5", "environ 15 personnes sur 1\u202F000")]
    [InlineData("0.1", "environ 1 personne sur 1\u202F000")]
    [InlineData("0.05", "environ 5 personnes sur 10\u202F000")]
    [InlineData("12.5", "environ 125 personnes sur 1\u202F000")]
    [InlineData("0.0001", "environ 1 personne sur 1\u202F000\u202F000")]
    public void A_percentage_becomes_people_out_of_the_smallest_whole_denominator(string percent, string expected)
    {
        Assert.Equal(expected, NaturalFrequencies.Describe(decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("150")]
    public void A_percentage_that_is_no_risk_gets_no_frequency(string percent)
    {
        Assert.Null(NaturalFrequencies.Describe(decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    // The forms authors type, before and after French typography (narrow no-break space before %).
    [InlineData("Fuite de ciment (5 %)", "Fuite de ciment (5 %, soit environ 5 personnes sur 100)")]
    [InlineData("Fuite de ciment (5\u202F%)", "Fuite de ciment (5\u202F%, soit environ 5 personnes sur 100)")]
    [InlineData("Un risque de 5% après le geste.", "Un risque de 5% (environ 5 personnes sur 100) après le geste.")]
    [InlineData("Il survient dans 0,5 % des cas.", "Il survient dans 0,5 % (environ 5 personnes sur 1\u202F000) des cas.")]
    [InlineData("2 % puis 1 %.", "2 % (environ 2 personnes sur 100) puis 1 % (environ 1 personne sur 100).")]
    [InlineData("Il y a 5 % des personnes opérées.", "Il y a 5 % (environ 5 personnes sur 100) des personnes opérées.")]
    public void Each_risk_percentage_is_followed_by_its_frequency(string text, string expected)
    {
        Assert.Equal(expected, NaturalFrequencies.Annotate(text));
    }

    [Theory]
    [InlineData("Hématome au point de ponction (exceptionnel)")]                        // words stay words: no number is invented
    [InlineData("Irritation d’un nerf (rare)")]
    [InlineData("Fuite de ciment (5 % (environ 5 personnes sur 100))")]                  // already written
    [InlineData("Fuite de ciment : 5 %, soit 1 patient sur 20.")]                      // already written, in other words
    [InlineData("Il survient dans 1 à 2 % des cas.")]                                 // a range: one frequency would misstate it
    [InlineData("Il survient dans moins de 1 % des cas.")]                            // a bound
    [InlineData("Entre 1 % et 3 % des cas.")]
    [InlineData("La dose passe de 50%0 à 20.")]                                       // not a percentage of its own
    [InlineData("Version 2.0.1 %")]
    public void Words_ranges_bounds_and_frequencies_already_written_are_left_as_they_are(string text)
    {
        Assert.Equal(text, NaturalFrequencies.Annotate(text));
    }

    [Fact]
    public void A_frequency_written_after_emphasis_is_seen_across_inlines()
    {
        Assert.Equal("Fuite (5 %", NaturalFrequencies.Annotate("Fuite (5 %", following: " soit *environ 5 personnes sur 100*)"));
    }

    [Fact]
    public void The_built_fiche_says_its_risk_in_natural_frequencies_and_leaves_the_introduction_alone()
    {
        using var site = new TestSite();
        Assert.True(site.Build().Succeeded);
        var page = site.Page("fiches/cimentoplastie-metastases-osseuses/index.html");
        var risks = page.QuerySelectorAll(".fiche-content h3").Select(h => h.TextContent).ToList();

        Assert.Contains($"Fuite de ciment (5{Nnbsp}%, soit environ 5 personnes sur 100)", risks);
        Assert.Contains("Hématome au point de ponction (exceptionnel)", risks);
        Assert.Contains("Irritation d’un nerf (rare)", risks);
        Assert.Contains("Embolie de ciment (exceptionnelle)", risks);
        // The anchor is the one the author's heading gives, so links to it keep working.
        Assert.NotNull(page.GetElementById("fuite-de-ciment-5"));
        // « 20 % des patients atteints de cancer » says how common bone metastases are, not a risk
        // of the procedure: the rule applies to the risks section only, so it stays as written.
        var introduction = page.QuerySelector(".fiche-content p")!.TextContent;
        Assert.Contains($"environ 20{Nnbsp}% des patients atteints de cancer.", introduction);
        Assert.DoesNotContain("personnes sur", page.QuerySelector(".fiche-content")!.TextContent.Split("Quels sont les risques")[0]);
    }

    [Fact]
    public void Paragraphs_and_lists_of_the_risks_section_get_frequencies_and_other_sections_do_not()
    {
        using var site = new TestSite();
        var fiche = site.AddFiche("revision-bientot.md");
        var text = File.ReadAllText(fiche)
            .Replace("## Quelles sont les suites ?\n\nTexte.", "## Quelles sont les suites ?\n\nLa reprise concerne 2 % des cas.")
            .Replace("### Un risque (rare)\n\nTexte.", "### Un risque (rare)\n\nIl survient dans 0,5 % des cas.\n\n- un autre dans *1,5 %* des cas ;\n- un dernier dans 3 %, soit 3 patients sur 100.");
        File.WriteAllText(fiche, text);

        Assert.True(site.Build().Succeeded);
        var page = site.Page("fiches/revision-bientot/index.html");
        var content = page.QuerySelector(".fiche-content")!;
        var risks = content.QuerySelectorAll(".subsection p, .subsection li").Select(e => e.TextContent.Replace(Nnbsp, ' ')).ToList();

        Assert.Equal(
            ["Il survient dans 0,5 % (environ 5 personnes sur 1 000) des cas.",
             "un autre dans 1,5 % (environ 15 personnes sur 1 000) des cas ;",
             "un dernier dans 3 %, soit 3 patients sur 100."],
            risks);
        Assert.Contains(content.QuerySelectorAll("p"), p => p.TextContent.Replace(Nnbsp, ' ') == "La reprise concerne 2 % des cas.");
    }

    [Fact]
    public void Only_sections_the_contract_marks_get_frequencies()
    {
        using var site = new TestSite();
        var contracts = Path.Combine(site.Input, "contracts.yml");
        File.WriteAllText(contracts, File.ReadAllText(contracts).Replace("risk_figures: true", "risk_figures: false"));
        Assert.True(site.Build().Succeeded);

        var page = site.Page("fiches/cimentoplastie-metastases-osseuses/index.html");

        Assert.DoesNotContain("personnes sur", page.QuerySelector(".fiche-content")!.TextContent);
    }
}
