using FichesSite.Pipeline;

namespace FichesSite.Tests;

/// <summary>
/// Bad content fails the build with the file and line at fault and a hint, and leaves the site
/// already in the output folder exactly as it was.
/// </summary>
public sealed class BadInputTests
{
    private const string PreviousSite = "<p>le site publié avant cette construction</p>";

    [Theory]
    [InlineData("section-manquante.md", 17, "la section obligatoire « Quelles sont les suites… » manque")]
    [InlineData("sections-desordre.md", 15, "la section « Quels sont les risques ? » est placée avant « Quelles sont les suites ? »")]
    [InlineData("sans-risque.md", 25, "doit contenir au moins 1 risque en sous-titre (###), elle en a 0")]
    [InlineData("yaml-invalide.md", 2, "YAML illisible dans l’en-tête")]
    [InlineData("champ-inconnu.md", 2, "champ inconnu « titel »")]
    [InlineData("niveau-saute.md", 17, "saute un niveau (h2 puis h4)")]
    [InlineData("lien-casse.md", 15, "lien cassé « #section-absente »")]
    [InlineData("sans-type.md", 1, "doit déclarer son type")]
    public void Fails_naming_file_and_line_and_leaves_the_previous_site_untouched(string fixture, int line, string message)
    {
        using var site = new TestSite();
        site.AddFiche(fixture);
        Directory.CreateDirectory(site.Output);
        var previousIndex = Path.Combine(site.Output, "index.html");
        File.WriteAllText(previousIndex, PreviousSite);

        var result = site.Build();

        Assert.False(result.Succeeded);
        // Headings are quoted as the page shows them, with French narrow no-break spaces.
        var error = Assert.Single(result.Errors, e => e.Message.Replace('\u202F', ' ').Contains(message, StringComparison.Ordinal));
        Assert.EndsWith("/input/fiches/" + fixture, error.File);
        Assert.Equal(line, error.Line);
        Assert.False(string.IsNullOrWhiteSpace(error.Fix));
        Assert.Equal(PreviousSite, File.ReadAllText(previousIndex));
        Assert.Equal(["index.html"], Directory.EnumerateFileSystemEntries(site.Output).Select(Path.GetFileName));
        Assert.Equal(["_site", "input"], Directory.EnumerateDirectories(site.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_unknown_key_suggests_the_nearest_known_one()
    {
        using var site = new TestSite();
        site.AddFiche("champ-inconnu.md");
        var error = Assert.Single(site.Build().Errors, e => e.Message.Contains("titel", StringComparison.Ordinal));
        Assert.Contains("Vouliez-vous écrire « title » ?", error.Fix);
    }

    [Fact]
    public void A_link_to_a_missing_source_file_is_reported_where_it_is_written()
    {
        using var site = new TestSite();
        var fiche = Path.Combine(site.Input, "fiches", "cimentoplastie-metastases-osseuses.md");
        File.AppendAllText(fiche, "\nVoir aussi [une autre fiche](autre-fiche.md).\n");
        var lastLine = File.ReadAllLines(fiche).Length;

        var error = Assert.Single(site.Build().Errors);

        Assert.Contains("autre-fiche.md", error.Message);
        Assert.Equal(lastLine, error.Line);
    }

    [Fact]
    public void Strict_mode_turns_warnings_into_errors()
    {
        using var site = new TestSite();
        var page = Path.Combine(site.Input, "pages", "plan-du-site.md");
        var longDescription = "description: \"" + string.Concat(Enumerable.Repeat("Toutes les pages du site. ", 10)) + "\"";
        File.WriteAllLines(page, File.ReadAllLines(page).Select(l => l.StartsWith("description:", StringComparison.Ordinal) ? longDescription : l));

        var lenient = site.Build();
        Assert.True(lenient.Succeeded);
        var warning = Assert.Single(lenient.Warnings);
        Assert.Equal(3, warning.Line);

        var strict = site.Build(output: Path.Combine(site.Root, "strict"), strict: true);
        Assert.False(strict.Succeeded);
        Assert.Equal(Severity.Error, Assert.Single(strict.Diagnostics).Severity);
        Assert.False(Directory.Exists(Path.Combine(site.Root, "strict")));
    }

    [Fact]
    public void The_command_line_exits_non_zero_on_bad_input()
    {
        using var site = new TestSite();
        site.AddFiche("sans-risque.md");
        var exitCode = Program.Main(["--input", site.Input, "--theme", TestSite.Theme, "--output", site.Output]);
        Assert.Equal(1, exitCode);
        Assert.False(Directory.Exists(site.Output));
    }
}
