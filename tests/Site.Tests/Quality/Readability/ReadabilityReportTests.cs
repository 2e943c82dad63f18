using System.Text.Json;
using FichesSite.Pipeline;
using FichesSite.Quality.Readability;

namespace FichesSite.Tests.Quality;

/// <summary>
/// The build's readability report: thresholds from input/site.yml (defaults when it has none), flagged
/// sections as notes that never fail a build, even under --strict, the JSON report outside the site.
/// </summary>
public sealed class ReadabilityReportTests
{
    private static string[] Flagged(ReadabilityReport report, string fiche) =>
        report.FlaggedSections.Where(f => f.Page.SourcePath.EndsWith(fiche, StringComparison.Ordinal)).Select(f => f.Section.Title.Replace('\u202F', ' ')).ToArray();

    [Fact]
    public void Default_thresholds_flag_only_the_hard_section_and_never_fail_a_strict_build()
    {
        using var site = new TestSite();
        site.AddFiche("lisibilite.md");

        var result = site.Build(strict: true);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        var report = result.Readability!;
        Assert.Equal(60, report.Thresholds.KandelMolesMin); // site.yml says nothing: the defaults
        Assert.Equal(45, report.Thresholds.LixMax);
        // « Le chat dort. Il mange une souris. »: Kandel–Moles 119.3, LIX 3.5 (see ReadabilityScoresTests); the second
        // section is one sentence of 19 words, 17 of them long: LIX 19 + 100 × 17/19 ≈ 108.
        Assert.Equal(["En quoi consiste le geste ?"], Flagged(report, "lisibilite.md"));
        Assert.Equal(2, report.Pages.Count); // the sheets only: not the home, glossary or accessibility pages
    }

    [Fact]
    public void Thresholds_set_in_site_yml_are_the_ones_applied()
    {
        using var site = new TestSite();
        site.AddFiche("lisibilite.md");
        File.AppendAllText(Path.Combine(site.Input, "site.yml"), "\nreadability:\n  kandel_moles_min: 120\n  lix_max: 10\n");

        var report = site.Build().Readability!;

        Assert.Equal(120, report.Thresholds.KandelMolesMin);
        // Kandel–Moles 119.3 < 120: now flagged. « Vous rentrez chez vous le soir. »: 6 words, 7 syllables, 1 long:
        // LIX = 6 + 100 × 1/6 = 22.7 > 10: flagged. « Il est rare. »: Kandel–Moles 130.4, LIX 3: still not.
        Assert.Equal(["Qu’est-ce que c’est ?", "En quoi consiste le geste ?", "Quelles sont les suites ?"], Flagged(report, "lisibilite.md"));
    }

    [Fact]
    public void A_misspelt_threshold_is_a_configuration_error()
    {
        using var site = new TestSite();
        File.AppendAllText(Path.Combine(site.Input, "site.yml"), "\nreadability:\n  kandel_moles_mini: 50\n");

        var result = site.Build();

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.File.EndsWith("/input/site.yml", StringComparison.Ordinal) && e.Message.Contains("configuration illisible", StringComparison.Ordinal));
    }

    [Fact]
    public void The_intranet_build_writes_its_own_report_and_leaves_the_public_one()
    {
        // The intranet's pages hold internal blocks, so their scores differ: each target keeps its own report.
        using var site = new TestSite();
        site.AddFiche("interne.md");
        site.AddFixture("images/schema.png", "fiches/images/schema-interne.png");
        Assert.True(site.Build().Succeeded);
        var publicReport = Path.Combine(site.Root, "reports", ReadabilityReport.FileName(BuildTarget.Public));
        var before = File.ReadAllBytes(publicReport);

        var intranet = site.Build(Path.Combine(site.Root, "_intranet"), target: BuildTarget.Intranet);

        var intranetReport = Path.Combine(site.Root, "reports", ReadabilityReport.FileName(BuildTarget.Intranet));
        Assert.Equal(intranetReport, intranet.ReadabilityReportPath);
        Assert.Equal(before, File.ReadAllBytes(publicReport));
        Assert.True(Words(intranetReport) > Words(publicReport), $"the intranet’s report counts the internal blocks’ words: {Words(intranetReport)} against {Words(publicReport)}");
    }

    // The words counted in the report's sheet with internal blocks.
    private static int Words(string report)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(report));
        return json.RootElement.GetProperty("fiches").EnumerateArray()
            .Single(f => f.GetProperty("fichier").GetString()!.EndsWith("interne.md", StringComparison.Ordinal))
            .GetProperty("sections").EnumerateArray().Sum(s => s.GetProperty("mots").GetInt32());
    }

    [Fact]
    public void A_build_writes_the_json_report_beside_the_content_folder_and_not_in_the_site()
    {
        using var site = new TestSite();
        site.AddFiche("lisibilite.md");

        var result = site.Build();

        var path = Path.Combine(site.Root, "reports", ReadabilityReport.FileName(BuildTarget.Public));
        Assert.Equal(path, result.ReadabilityReportPath);
        // The site's only JSON file is its build.json (what the site is, for the package command), never a report.
        Assert.Equal(["build.json"], Directory.EnumerateFiles(site.Output, "*.json", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(site.Output, f)));
        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        var fiche = json.RootElement.GetProperty("fiches").EnumerateArray()
            .Single(f => f.GetProperty("fichier").GetString()!.EndsWith("lisibilite.md", StringComparison.Ordinal));
        var first = fiche.GetProperty("sections")[0];
        Assert.Equal(14, first.GetProperty("ligne").GetInt32());
        Assert.Equal(119.3, first.GetProperty("kandel_moles").GetDouble());
        Assert.Equal(3.5, first.GetProperty("lix").GetDouble());
        Assert.False(first.GetProperty("sous_les_seuils").GetBoolean());
        Assert.True(fiche.GetProperty("sections")[1].GetProperty("sous_les_seuils").GetBoolean());
    }

    [Theory]
    [InlineData("lien-casse.md")] // refused by a page stage: nothing is staged
    [InlineData(null)] // the site cannot be written: the report was staged, then removed
    public void A_failed_build_leaves_the_previous_report_as_it_was(string? badFiche)
    {
        using var site = new TestSite();
        var reports = Directory.CreateDirectory(Path.Combine(site.Root, "reports")).FullName;
        var path = Path.Combine(reports, ReadabilityReport.FileName(BuildTarget.Public));
        File.WriteAllText(path, "le rapport de la construction précédente");
        var output = site.Output;
        if (badFiche is null)
        {
            // A file where the site's folder goes: every page is made and checked, then publishing fails.
            output = Path.Combine(site.Root, "fichier");
            File.WriteAllText(output, "un fichier, pas un dossier");
        }
        else
        {
            site.AddFiche(badFiche);
        }

        var result = site.Build(output: output);

        Assert.False(result.Succeeded);
        Assert.Null(result.ReadabilityReportPath);
        Assert.Equal("le rapport de la construction précédente", File.ReadAllText(path));
        Assert.Equal([ReadabilityReport.FileName(BuildTarget.Public)], Directory.EnumerateFiles(reports).Select(Path.GetFileName));
    }

    [Fact]
    public void A_failed_publish_leaves_no_reports_folder_behind()
    {
        using var site = new TestSite();
        // A file where the site's folder goes: the report is staged while the site is finished, then publishing fails.
        var output = Path.Combine(site.Root, "fichier");
        File.WriteAllText(output, "un fichier, pas un dossier");

        var result = site.Build(output: output);

        Assert.False(result.Succeeded);
        Assert.False(Directory.Exists(Path.Combine(site.Root, "reports")));
    }

    [Fact]
    public void A_check_writes_no_report()
    {
        using var site = new TestSite();

        var result = SiteBuilderCheck(site);

        Assert.True(result.Succeeded);
        Assert.NotNull(result.Readability);
        Assert.Null(result.ReadabilityReportPath);
        Assert.False(Directory.Exists(Path.Combine(site.Root, "reports")));
    }

    [Fact]
    public void The_console_shows_a_table_for_a_few_sheets_and_a_summary_for_many()
    {
        var section = new SectionReadability("Difficile", "difficile", 12, new ReadabilityCounts(1, 30, 30, 75, 20));
        ReadabilityReport Report(int sheets) => new(
            Enumerable.Range(0, sheets).Select(i => new PageReadability($"input/fiches/f{i:D5}.md", "F", [section])).ToList(),
            new FichesSite.Content.ReadabilitySettings());

        var few = new StringWriter();
        ReadabilityTable.Print(Report(2), few, "reports/lisibilite.json");
        var fewLines = few.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(fewLines, l => l.Contains("   12 ", StringComparison.Ordinal) && l.Contains("Difficile  ← à simplifier", StringComparison.Ordinal));
        Assert.Contains("input/fiches/f00001.md", few.ToString());

        var many = new StringWriter();
        ReadabilityTable.Print(Report(10_000), many, "reports/lisibilite.json");
        var line = Assert.Single(many.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("Lisibilité : 10000 fiches, 10000 sections, dont 10000 sous les seuils (Kandel–Moles ≥ 60, LIX ≤ 45). Détail : reports/lisibilite.json.", line);
    }

    private static FichesSite.Build.BuildResult SiteBuilderCheck(TestSite site) =>
        FichesSite.Build.SiteBuilder.Build(new FichesSite.Build.BuildOptions(site.Input, site.Theme, OutputDirectory: null, Today: TestSite.Today));
}
