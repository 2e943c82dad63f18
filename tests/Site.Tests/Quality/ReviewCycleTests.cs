using System.Text.Json;
using FichesSite.Pipeline;

namespace FichesSite.Tests;

/// <summary>
/// The review cycle: the « À propos de cette fiche » block, the notice and warning before and after
/// a sheet's review date, and the review report written beside the site (TestSite.Today = 2026-06-01).
/// </summary>
public sealed class ReviewCycleTests
{
    private const string Fiche = "fiches/cimentoplastie-metastases-osseuses/index.html";

    [Fact]
    public void The_report_lists_every_fiche_with_its_days_left_and_status()
    {
        using var site = new TestSite();
        site.AddFiche("revision-depassee.md");   // next_review 2020-01-15: overdue
        site.AddFiche("revision-bientot.md");    // next_review 2026-07-01: 30 days
        var report = Path.Combine(site.Root, "reports", "revue.json");

        var result = site.Build(report: report);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        using var json = JsonDocument.Parse(File.ReadAllBytes(report));
        var root = json.RootElement;
        Assert.Equal("2026-06-01", root.GetProperty("date").GetString());
        var fiches = root.GetProperty("fiches").EnumerateArray().ToList();
        Assert.Equal(
            ["fiches/cimentoplastie-metastases-osseuses.md", "fiches/revision-bientot.md", "fiches/revision-depassee.md"],
            fiches.Select(f => f.GetProperty("path").GetString()));

        var overdue = fiches[2];
        Assert.Equal("dépassée", overdue.GetProperty("status").GetString());
        Assert.Equal(-(new DateOnly(2026, 6, 1).DayNumber - new DateOnly(2020, 1, 15).DayNumber), overdue.GetProperty("days_left").GetInt32());
        Assert.Equal("2019-01-15", overdue.GetProperty("last_reviewed").GetString());
        Assert.Equal("2020-01-15", overdue.GetProperty("next_review").GetString());
        Assert.Equal("Relecteur d’essai", overdue.GetProperty("reviewed_by").GetString());
        Assert.Equal("1", overdue.GetProperty("version").GetString());
        Assert.Equal("Fiche d’essai", overdue.GetProperty("title").GetString());

        var soon = fiches[1];
        Assert.Equal("bientôt", soon.GetProperty("status").GetString());
        Assert.Equal(30, soon.GetProperty("days_left").GetInt32());
        Assert.Equal("fiches/revision-bientot/index.html", soon.GetProperty("url").GetString());

        var ok = fiches[0];
        Assert.Equal("ok", ok.GetProperty("status").GetString());
        Assert.Equal(new DateOnly(2027, 1, 15).DayNumber - new DateOnly(2026, 6, 1).DayNumber, ok.GetProperty("days_left").GetInt32());

        var counts = root.GetProperty("counts");
        Assert.Equal(1, counts.GetProperty("ok").GetInt32());
        Assert.Equal(1, counts.GetProperty("bientôt").GetInt32());
        Assert.Equal(1, counts.GetProperty("dépassée").GetInt32());
        Assert.False(File.Exists(Path.Combine(site.Output, "reports", "revue.json")));
        Assert.False(File.Exists(report + ".tmp"));
    }

    [Fact]
    public void The_report_is_the_same_byte_for_byte_on_a_second_build()
    {
        using var site = new TestSite();
        site.AddFiche("revision-depassee.md");
        site.AddFiche("revision-bientot.md");
        var first = Path.Combine(site.Root, "a.json");
        var second = Path.Combine(site.Root, "b.json");

        Assert.True(site.Build(report: first).Succeeded);
        Assert.True(site.Build(output: Path.Combine(site.Root, "autre"), report: second).Succeeded);

        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
    }

    [Fact]
    public void A_review_due_soon_is_a_notice_that_even_strict_mode_lets_through()
    {
        using var site = new TestSite();
        site.AddFiche("revision-bientot.md");

        var strict = site.Build(strict: true);

        Assert.True(strict.Succeeded, string.Join("\n", strict.Diagnostics));
        var notice = Assert.Single(strict.Diagnostics);
        Assert.Equal(Severity.Notice, notice.Severity);
        Assert.Equal(7, notice.Line);
        Assert.Contains("prévue dans 30 jours (2026-07-01)", notice.Message);
        Assert.StartsWith(notice.Location + ": information : ", notice.ToString());
    }

    [Fact]
    public void The_command_line_writes_the_report_beside_the_output_folder()
    {
        using var site = new TestSite();

        Assert.Equal(0, site.Run());

        Assert.True(File.Exists(Path.Combine(site.Root, "reports", "revue.json")));
    }

    [Fact]
    public void Check_writes_the_report_only_when_asked_to()
    {
        using var site = new TestSite();
        var report = Path.Combine(site.Root, "rapport.json");

        Assert.Equal(0, Program.Main(["check", "--input", site.Input, "--theme", site.Theme]));
        Assert.Equal(["input"], Directory.EnumerateFileSystemEntries(site.Root).Select(Path.GetFileName));
        Assert.Equal(0, Program.Main(["check", "--input", site.Input, "--theme", site.Theme, "--report", report]));

        Assert.Equal(["input", "rapport.json"], Directory.EnumerateFileSystemEntries(site.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        using var json = JsonDocument.Parse(File.ReadAllBytes(report));
        Assert.Single(json.RootElement.GetProperty("fiches").EnumerateArray());
    }

    [Fact]
    public void A_failed_build_leaves_the_previous_report_untouched()
    {
        using var site = new TestSite();
        var report = Path.Combine(site.Root, "reports", "revue.json");
        Directory.CreateDirectory(Path.GetDirectoryName(report)!);
        File.WriteAllText(report, "le rapport précédent");
        site.AddFiche("lien-casse.md");

        Assert.False(site.Build(report: report).Succeeded);
        Assert.Equal(1, site.Run("--report", report));

        Assert.Equal("le rapport précédent", File.ReadAllText(report));
        Assert.DoesNotContain("revue.json.tmp", Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(report)!).Select(Path.GetFileName));
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void A_report_inside_the_site_or_the_content_is_refused()
    {
        using var site = new TestSite();

        var inSite = site.Build(report: Path.Combine(site.Output, "revue.json"));
        var inContent = site.Build(report: Path.Combine(site.Input, "revue.json"));

        Assert.Contains(inSite.Errors, e => e.File == "--report" && e.Message.Contains("dans le dossier de sortie", StringComparison.Ordinal));
        Assert.Contains(inContent.Errors, e => e.File == "--report" && e.Message.Contains("dans le dossier de contenu", StringComparison.Ordinal));
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void The_about_block_shows_dates_reviewer_version_and_sources()
    {
        using var site = new TestSite();
        Assert.True(site.Build().Succeeded);
        var about = site.Page(Fiche).QuerySelector("section.about")!;

        Assert.Equal("À propos de cette fiche", about.QuerySelector("h2")!.TextContent);
        Assert.Equal(about.QuerySelector("h2")!.Id, about.GetAttribute("aria-labelledby"));
        Assert.Equal(["2026-01-15", "2027-01-15"], about.QuerySelectorAll("dd time").Select(t => t.GetAttribute("datetime")));
        var terms = about.QuerySelectorAll("dt").Select(d => d.TextContent).ToList();
        var details = about.QuerySelectorAll("dd").Select(d => d.TextContent).ToList();
        Assert.Equal(["Dernière relecture", "Prochaine relecture prévue", "Relue par", "Version"], terms);
        Assert.Equal(["15 janvier 2026", "15 janvier 2027", "Service de radiologie interventionnelle (exemple à remplacer)", "1.0 (exemple)"], details);
        var source = Assert.Single(about.QuerySelectorAll(".about-sources li"));
        Assert.StartsWith("Texte d’information patient sur la cimentoplastie", source.TextContent);
        Assert.EndsWith(", 2025", source.TextContent);
        Assert.Empty(source.QuerySelectorAll("a"));
    }

    [Fact]
    public void Structured_sources_are_listed_with_a_link_when_they_give_an_address()
    {
        using var site = new TestSite();
        site.AddFiche("sources-structurees.md");
        Assert.True(site.Build().Succeeded);
        var page = site.Page("fiches/sources-structurees/index.html");

        var items = page.QuerySelectorAll(".about-sources li").ToList();

        Assert.Equal(2, items.Count);
        Assert.Equal("Guide d’essai en ligne, Société d’essai (exemple), 2024", items[0].TextContent);
        Assert.Equal("https://guide.exemple.invalid/essai?a=1&b=2", items[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Guide d’essai en ligne", items[0].QuerySelector("a")!.TextContent);
        Assert.Equal("Texte d’essai imprimé, Service d’essai (exemple), 2025", items[1].TextContent);
        Assert.Null(items[1].QuerySelector("a"));
        // The block comes after the sheet's text, an h2 then its h3: the outline never skips a level.
        var levels = page.QuerySelectorAll("main h1, main h2, main h3").Select(h => h.LocalName[1] - '0').ToList();
        Assert.All(levels.Zip(levels.Skip(1)), pair => Assert.True(pair.Second <= pair.First + 1, $"h{pair.First} then h{pair.Second}"));
        Assert.Equal("h3", page.QuerySelector("section.about h2 ~ h3")!.LocalName);
    }
}
