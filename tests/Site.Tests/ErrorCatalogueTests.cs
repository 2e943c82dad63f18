using System.Text;
using FichesSite.Pipeline;

namespace FichesSite.Tests;

/// <summary>
/// The error catalogue: each kind of bad input an author or a web team can produce fails the
/// build with exit code 1, names the file and line with a hint, and leaves the site already in
/// the output folder byte for byte as it was.
/// </summary>
public sealed class ErrorCatalogueTests
{
    private const string PreviousSite = "<p>le site publié avant cette construction</p>";

    /// <summary>A bad fiche: its fixture file, the line at fault and words of the message.</summary>
    public static TheoryData<string, int, string> BadFiches => new()
    {
        { "yaml-invalide.md", 2, "YAML illisible dans l’en-tête" },                           // 1
        { "entete-non-fermee.md", 1, "l’en-tête YAML n’est jamais fermé" },                     // 2
        { "sans-entete.md", 1, "ne commence pas par un en-tête YAML" },                         // 3
        { "champ-inconnu.md", 2, "champ inconnu « titel »" },                                    // 4
        { "date-en-liste.md", 7, "« next_review » doit être une date, pas une liste" },          // 5
        { "date-invalide.md", 6, "« 2026-02-30 » n’est pas une date valide" },                   // 6
        { "section-manquante.md", 18, "la section obligatoire « Quelles sont les suites… » manque" }, // 8
        { "sections-desordre.md", 16, "est placée avant « Quelles sont les suites ? »" },          // 9
        { "section-vide.md", 22, "la section obligatoire « Quelles sont les suites ? » est vide" }, // 10
        { "sans-risque.md", 26, "doit contenir au moins 1 risque en sous-titre (###), elle en a 0" },
        // A section is a top-level heading (the section model): one in a quote or a list is refused at its line, and
        // is no section for the contract either, which then finds the section missing or the risk uncounted.
        { "section-dans-citation.md", 23, "le titre « Quelles sont les suites ? » est dans une citation, un encadré ou une liste" },
        { "section-dans-liste.md", 23, "le titre « Quelles sont les suites ? » est dans une citation, un encadré ou une liste" },
        { "section-dans-liste.md", 19, "la section obligatoire « Quelles sont les suites… » manque" },
        { "risque-dans-citation.md", 31, "le titre « Un risque (rare) » est dans une citation, un encadré ou une liste" },
        { "risque-dans-citation.md", 27, "doit contenir au moins 1 risque en sous-titre (###), elle en a 0" },
        // Emptiness is the model's: a link reference definition and sub-headings show nothing of their own.
        { "section-vide-reference.md", 23, "la section obligatoire « Quelles sont les suites ? » est vide" },
        { "deux-h1.md", 14, "titre de niveau 1 « Un autre titre principal »" },                 // 11
        { "niveau-saute.md", 18, "saute un niveau (h2 puis h4)" },                               // 12
        { "lien-fichier-absent.md", 16, "« autre-fiche.md » vise un fichier qui n’existe pas" },  // 15
        { "lien-casse.md", 16, "lien cassé « #section-absente »" },                              // 16
        { "ancre-autre-page.md", 16, "n’a pas d’ancre « #section-absente »" },                  // 16
        { "image-absente.md", 16, "« images/absente.png » vise un fichier qui n’existe pas" },    // 17
        { "image-sans-alt.md", 16, "image sans texte de remplacement" },                          // 18
        { "html-script.md", 16, "code HTML dans le texte" },                                      // 19
        { "html-attribut.md", 16, "code HTML dans le texte" },                                    // 19
        { "lien-javascript.md", 16, "adresse refusée « javascript:alert(1) »" },                  // 19
        { "lien-punycode-invalide.md", 16, "son nom de domaine contient « xn--hpital-exemple-0ob9 », qui commence par « xn-- »" },
        { "lien-hors-contenu.md", 16, "sort du dossier de contenu" },                             // 20
        { "vide.md", 1, "le fichier est vide" },                                                  // 24
        { "gabarit-absent.md", 6, "le gabarit « inexistant » n’existe pas" },                     // 29
        { "sans-type.md", 1, "doit déclarer son type" },
        { "source-en-texte.md", 11, "la source n° 1 doit donner son titre, son éditeur et son année" },
        { "source-sans-editeur.md", 12, "la source n° 2 n’a pas de « publisher »" },
        { "source-annee-invalide.md", 13, "« vingt-vingt » n’est pas une année valide pour la source n° 1" },
        { "source-apres-relecture.md", 13, "la source n° 1 serait publiée en 2027, après la dernière relecture de la fiche (2026)" },
        { "source-adresse-invalide.md", 14, "adresse « javascript:alert(1) » refusée pour la source n° 1" },
        { "source-punycode-invalide.md", 14, "son nom de domaine contient « xn--hpital-exemple-0ob9 »" },
    };

    [Theory]
    [MemberData(nameof(BadFiches))]
    public void A_bad_fiche_fails_with_its_line_and_leaves_the_site_untouched(string fixture, int line, string message)
    {
        using var site = new TestSite();
        if (fixture == "vide.md")
        {
            File.WriteAllText(Path.Combine(site.Input, "fiches", fixture), "");
        }
        else
        {
            site.AddFiche(fixture);
        }
        site.AddFixture("images/schema.png", "fiches/images/schema.png");

        var error = AssertFailsUntouched(site, message);

        Assert.Equal(Path.Combine(site.Input, "fiches", fixture).Replace('\\', '/'), error.File);
        Assert.Equal(line, error.Line);
    }

    [Fact]
    public void An_unknown_key_suggests_the_nearest_known_one()                                   // 4
    {
        using var site = new TestSite();
        site.AddFiche("champ-inconnu.md");
        var error = Assert.Single(site.Build().Errors, e => e.Message.Contains("titel", StringComparison.Ordinal));
        Assert.Contains("Vouliez-vous écrire « title » ?", error.Fix);
    }

    [Fact]
    public void A_passed_review_date_warns_and_fails_under_strict()                               // 7
    {
        using var site = new TestSite();
        site.AddFiche("revision-depassee.md");

        var lenient = site.Build();
        Assert.True(lenient.Succeeded, string.Join("\n", lenient.Diagnostics));
        var warning = Assert.Single(lenient.Warnings);
        Assert.Contains("(2020-01-15) est dépassée", warning.Message);
        Assert.Equal(7, warning.Line);

        Assert.False(site.Build(output: Path.Combine(site.Root, "strict"), strict: true).Succeeded);
        Assert.Equal(1, site.Run("--strict"));
    }

    [Fact]
    public void Two_sources_for_one_address_are_both_named()                                     // 13
    {
        using var site = new TestSite();
        File.Copy(Path.Combine(site.Input, "fiches", "cimentoplastie-metastases-osseuses.md"),
            Path.Combine(Directory.CreateDirectory(Path.Combine(site.Input, "pages", "fiches")).FullName, "cimentoplastie-metastases-osseuses.md"));

        var errors = AssertFailsUntouchedWith(site, "donneraient la même page fiches/cimentoplastie-metastases-osseuses/index.html");

        Assert.Equal(["cimentoplastie-metastases-osseuses.md", "cimentoplastie-metastases-osseuses.md"], errors.Select(e => Path.GetFileName(e.File)));
        Assert.All(errors, e =>
        {
            Assert.Contains("/input/fiches/cimentoplastie-metastases-osseuses.md et ", e.Message);
            Assert.Contains("/input/pages/fiches/cimentoplastie-metastases-osseuses.md donneraient", e.Message);
        });
    }

    [Fact]
    public void Duplicate_heading_ids_are_made_unique_with_a_warning()                            // 14
    {
        using var site = new TestSite();
        site.AddFiche("titres-en-double.md");

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(32, warning.Line);
        Assert.Contains("« #un-risque-rare » ; celui-ci reçoit « #un-risque-rare-2 »", warning.Message);
        var ids = site.Page("fiches/titres-en-double/index.html").QuerySelectorAll(".fiche-content h3").Select(h => h.Id).ToList();
        Assert.Equal(["un-risque-rare", "un-risque-rare-2"], ids);
    }

    [Fact]
    public void A_linked_image_is_copied_and_linked_relatively()
    {
        using var site = new TestSite();
        var fiche = site.AddFiche("image-sans-alt.md");
        File.WriteAllText(fiche, File.ReadAllText(fiche).Replace("![](images/schema.png)", "![Schéma du geste](images/schema.png)"));
        site.AddFixture("images/schema.png", "fiches/images/schema.png");

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var image = site.Page("fiches/image-sans-alt/index.html").QuerySelector("main img")!; // the header holds the logo
        Assert.Equal("../images/schema.png", image.GetAttribute("src"));
        Assert.Equal("Schéma du geste", image.GetAttribute("alt"));
        Assert.True(File.Exists(Path.Combine(site.Output, "fiches", "images", "schema.png")));
    }

    [Fact]
    public void A_symbolic_link_to_a_file_outside_the_content_folder_is_refused()                 // 21
    {
        using var site = new TestSite();
        var outside = Path.Combine(site.Root, "dehors.md");
        File.Copy(Path.Combine(site.Input, "fiches", "cimentoplastie-metastases-osseuses.md"), outside);
        File.CreateSymbolicLink(Path.Combine(site.Input, "fiches", "lien.md"), outside);

        var error = AssertFailsUntouched(site, "lien symbolique vers un fichier hors du dossier de contenu");

        Assert.EndsWith("/fiches/lien.md", error.File);
    }

    [Fact]
    public void A_file_that_is_not_utf8_names_the_first_bad_line()                                // 22
    {
        using var site = new TestSite();
        var fiche = Path.Combine(site.Input, "fiches", "cimentoplastie-metastases-osseuses.md");
        var lines = File.ReadAllLines(fiche);
        var latin1 = Encoding.Latin1;
        File.WriteAllBytes(fiche, latin1.GetBytes(string.Join("\n", lines)));
        var firstAccent = Array.FindIndex(lines, l => l.Any(c => c > 127)) + 1;

        var error = AssertFailsUntouched(site, "n’est pas enregistré en UTF-8");

        Assert.Equal(firstAccent, error.Line);
    }

    [Fact]
    public void A_bom_and_crlf_line_ends_give_the_same_site_as_lf()                              // 23
    {
        using var site = new TestSite();
        Assert.True(site.Build().Succeeded);
        var fiche = Path.Combine(site.Input, "fiches", "cimentoplastie-metastases-osseuses.md");
        var windows = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(File.ReadAllText(fiche).Replace("\n", "\r\n"))).ToArray();
        File.WriteAllBytes(fiche, windows);
        var again = Path.Combine(site.Root, "windows");

        Assert.True(site.Build(again).Succeeded);

        const string page = "fiches/cimentoplastie-metastases-osseuses/index.html";
        Assert.Equal(File.ReadAllBytes(Path.Combine(site.Output, page)), File.ReadAllBytes(Path.Combine(again, page)));
    }

    [Theory]
    [InlineData("\r\n")] // Windows line ends
    [InlineData("\r")]   // one old Mac line end: a line break for YAML, Markdig and the header's reader alike
    public void Line_numbers_stay_the_files_whatever_the_line_ends_of_the_header(string lineEnd)
    {
        using var site = new TestSite();
        var fiche = site.AddFiche("lien-casse.md");
        var text = File.ReadAllText(fiche);
        var header = text[..(text.IndexOf("\n---\n", StringComparison.Ordinal) + 5)];
        var changed = lineEnd == "\r"
            ? header.Replace("type: fiche-procedure\n", "type: fiche-procedure\r", StringComparison.Ordinal)
            : header.Replace("\n", "\r\n", StringComparison.Ordinal);
        Assert.NotEqual(header, changed);
        File.WriteAllText(fiche, changed + text[header.Length..]);

        var error = AssertFailsUntouched(site, "lien cassé « #section-absente »");

        Assert.Equal(16, error.Line);
    }

    [Fact]
    public void A_very_large_file_is_refused_without_being_read()                                 // 25
    {
        using var site = new TestSite();
        var big = Path.Combine(site.Input, "fiches", "enorme.md");
        using (var writer = new StreamWriter(big))
        {
            writer.Write("---\ntitle: Énorme\ndescription: Trop grand.\ntype: fiche-procedure\n---\n");
            var paragraph = string.Concat(Enumerable.Repeat("Une phrase de texte répétée pour grossir le fichier. ", 20)) + "\n\n";
            while (writer.BaseStream.Length < 10 * 1024 * 1024)
            {
                writer.Write(paragraph);
            }
        }

        var error = AssertFailsUntouched(site, "fichier trop volumineux");

        Assert.EndsWith("/fiches/enorme.md", error.File);
    }

    [Theory]
    [InlineData("input")]
    [InlineData("input/_site")]
    [InlineData(".")]
    public void An_output_folder_overlapping_the_content_folder_is_refused(string output)       // 26
    {
        using var site = new TestSite();
        var before = Snapshot(site.Input);

        var result = site.Build(output: Path.Combine(site.Root, output));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.File == "--output" && e.Message.Contains("se confond avec le dossier de contenu", StringComparison.Ordinal));
        Assert.Equal(before, Snapshot(site.Input));
    }

    [Fact]
    public void An_output_folder_that_cannot_be_written_is_a_clear_error()                       // 27
    {
        using var site = new TestSite();
        var notAFolder = Path.Combine(site.Root, "fichier");
        File.WriteAllText(notAFolder, "un fichier, pas un dossier");

        var result = site.Build(output: Path.Combine(notAFolder, "_site"));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Message.StartsWith("impossible d’écrire le site", StringComparison.Ordinal));
    }

    [Fact]
    public void A_liquid_syntax_error_names_the_template_and_line()                              // 28
    {
        using var site = new TestSite(ownTheme: true);
        var partial = Path.Combine(site.Theme, "partials", "breadcrumb.liquid");
        var lines = File.ReadAllLines(partial).ToList();
        lines.Insert(2, "{% if page.title %}");
        File.WriteAllLines(partial, lines);

        var error = AssertFailsUntouched(site, "erreur de syntaxe Liquid");

        Assert.EndsWith("/theme/partials/breadcrumb.liquid", error.File);
        Assert.True(error.Line >= 3, $"line {error.Line}");
    }

    [Fact]
    public void A_theme_that_fetches_from_another_site_is_refused()
    {
        using var site = new TestSite(ownTheme: true);
        var layout = Path.Combine(site.Theme, "layouts", "base.liquid");
        File.WriteAllText(layout, File.ReadAllText(layout).Replace("</head>", "<link rel=\"stylesheet\" href=\"https://cdn.exemple.invalid/police.css\">\n</head>"));

        var errors = AssertFailsUntouchedWith(site, "« https://cdn.exemple.invalid/police.css » produit par le thème : la page irait chercher ce fichier hors du site");

        Assert.Equal(BuiltSite.ExpectedPages.Length, errors.Count); // every page, those the build makes for the collection too
    }

    [Theory]
    [InlineData(9, "lien cassé « /page-disparue/index.html » : le fichier page-disparue/index.html n’existe pas dans le site")]
    [InlineData(11, "lien cassé « /plan-du-site/index.html#ancre-absente » : la page plan-du-site/index.html n’a pas d’ancre « #ancre-absente »")]
    public void A_broken_link_on_the_404_page_names_its_line(int line, string message)
    {
        // Its links are written from the base URL's path, not relative to it: the link check still follows each.
        using var site = new TestSite();
        File.Delete(Path.Combine(site.Input, "pages", "404.md"));
        site.AddFixture("404-liens-casses.md", "pages/404.md");

        var error = AssertFailsUntouched(site, message);

        Assert.EndsWith("/input/pages/404.md", error.File);
        Assert.Equal(line, error.Line);
    }

    [Fact]
    public void A_broken_link_in_the_404_pages_layout_is_the_themes()
    {
        using var site = new TestSite(ownTheme: true);
        var layout = Path.Combine(site.Theme, "layouts", "not-found.liquid");
        File.WriteAllText(layout, File.ReadAllText(layout).Replace("'plan-du-site/index.html'", "'plan-du-site/absent.html'"));

        AssertFailsUntouched(site, "lien cassé « /plan-du-site/absent.html » produit par le thème : le fichier plan-du-site/absent.html n’existe pas dans le site");
    }

    [Fact]
    public void A_malformed_contract_file_names_its_line()                                        // 30
    {
        using var site = new TestSite();
        var contracts = Path.Combine(site.Input, "contracts.yml");
        File.AppendAllText(contracts, "\nfiche-essai:\n  layout: fiche\n  sectons: []\n");
        var line = File.ReadAllLines(contracts).Length;

        var error = AssertFailsUntouched(site, "configuration illisible");

        Assert.EndsWith("/input/contracts.yml", error.File);
        Assert.Equal(line, error.Line);
    }

    [Theory]
    [InlineData("javascript:alert(document.cookie)", "n’est ni l’une ni l’autre")]
    [InlineData("http://www.hopital-exemple.invalid/avis", "n’est pas chiffrée (http:)")]
    [InlineData("avis@hopital", "n’est pas une adresse e-mail valable")]
    public void A_feedback_setting_other_than_a_mail_address_or_an_https_form_names_its_line(string value, string message)
    {
        using var site = new TestSite();
        var siteYml = Path.Combine(site.Input, "site.yml");
        File.AppendAllText(siteYml, $"\nfeedback: \"{value}\"\n");
        var line = File.ReadAllLines(siteYml).Length;

        var error = AssertFailsUntouched(site, message);

        Assert.EndsWith("/input/site.yml", error.File);
        Assert.Equal(line, error.Line);
    }

    /// <summary>
    /// A host of site.yml whose « xn--… » label is no punycode (the 9 after « xn--hpital-exemple-0ob », « hôpital-exemple »,
    /// starts a number the label never ends): the key's line, or the line of « cms: » for its backend's addresses.
    /// </summary>
    [Theory]
    [InlineData("base_url: \"https://fiches.xn--hpital-exemple-0ob9.invalid/\"", "base_url:")]
    [InlineData("intranet_base_url: \"https://intranet.XN--HPITAL-EXEMPLE-0OB9.invalid/fiches/\"", "intranet_base_url:")]
    [InlineData("feedback: \"https://www.xn--hpital-exemple-0ob9.invalid/avis\"", "feedback:")]
    [InlineData("feedback: \"avis@xn--hpital-exemple-0ob9.invalid\"", "feedback:")]
    [InlineData("cms:\n  backend:\n    name: gitlab\n    repo: exemple/fiches\n    base_url: \"https://gitlab.xn--hpital-exemple-0ob9.invalid\"", "cms:")]
    public void A_host_whose_xn_label_is_no_punycode_is_refused_at_its_line_in_site_yml(string yaml, string lineStart)
    {
        using var site = new TestSite();
        var siteYml = Path.Combine(site.Input, "site.yml");
        var key = yaml[..yaml.IndexOf(':')] + ":";
        File.WriteAllLines(siteYml, File.ReadAllLines(siteYml).Where(l => !l.StartsWith(key, StringComparison.Ordinal)).Append(yaml));
        var line = Array.FindIndex(File.ReadAllLines(siteYml), l => l.StartsWith(lineStart, StringComparison.Ordinal)) + 1;

        var error = AssertFailsUntouched(site, "qui commence par « xn-- » sans être la forme codée (punycode) d’un nom accentué");

        Assert.EndsWith("/input/site.yml", error.File);
        Assert.Equal(line, error.Line);
        Assert.Contains("xn--hpital-exemple-0ob9", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("xn--hpital-exemple-0ob", error.Fix, StringComparison.Ordinal);
    }

    /// <summary>An entry added at the end of input/data/glossaire.yml, the line at fault counted from its first line, and words of the message.</summary>
    public static TheoryData<string, int, string> BadGlossaryEntries => new()
    {
        { "- terme: essai\n  definiton: \"Une phrase.\"\n", 2, "champ inconnu « definiton » dans le glossaire" },
        { "- terme: essai\n  definition: \"\"\n", 2, "définition vide" },
        { "- terme: essai\n  formes: [essais]\n  definition: \"Une phrase.\"\n  relu: oui\n", 4, "« relu » doit valoir true ou false" },
        { "- terme: Métastases\n  definition: \"Une phrase.\"\n", 1, "« Métastases » est déjà dans le glossaire (« métastase », ligne " },
        { "- terme: essai\n  definition: [\"Une phrase.\"\n", 3, "glossaire illisible" },
    };

    [Theory]
    [MemberData(nameof(BadGlossaryEntries))]
    public void A_bad_glossary_entry_names_its_line_and_leaves_the_site_untouched(string entry, int lineInEntry, string message)
    {
        using var site = new TestSite();
        var glossary = Path.Combine(site.Input, "data", "glossaire.yml");
        var firstLine = File.ReadAllLines(glossary).Length + 2; // after the blank line added below
        File.AppendAllText(glossary, "\n" + entry);

        var error = AssertFailsUntouched(site, message);

        Assert.EndsWith("/input/data/glossaire.yml", error.File);
        Assert.Equal(firstLine + lineInEntry - 1, error.Line);
    }

    [Fact]
    public void An_unknown_glossary_key_suggests_the_nearest_known_one()
    {
        using var site = new TestSite();
        File.AppendAllText(Path.Combine(site.Input, "data", "glossaire.yml"), "\n- terme: essai\n  definition: \"Une phrase.\"\n  relue: true\n");

        var error = Assert.Single(site.Build().Errors);

        Assert.StartsWith("Vouliez-vous écrire « relu » ?", error.Fix);
    }

    [Fact]
    public void A_glossary_without_its_page_is_refused()
    {
        using var site = new TestSite();
        File.Delete(Path.Combine(site.Input, "pages", "glossaire.md"));

        var error = AssertFailsUntouched(site, "le glossaire n’a pas de page");

        Assert.EndsWith("/input/data/glossaire.yml", error.File);
    }

    [Fact]
    public void All_errors_of_a_build_are_reported_together()
    {
        using var site = new TestSite();
        site.AddFiche("sans-risque.md");
        site.AddFiche("champ-inconnu.md");
        site.AddFiche("lien-casse.md");

        var failing = site.Build().Errors.Select(e => Path.GetFileName(e.File)).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(["champ-inconnu.md", "lien-casse.md", "sans-risque.md"], failing);
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
        Assert.Equal(3, Assert.Single(lenient.Warnings).Line);

        var strict = site.Build(output: Path.Combine(site.Root, "strict"), strict: true);
        Assert.False(strict.Succeeded);
        Assert.Equal(Severity.Error, Assert.Single(strict.Diagnostics).Severity);
        Assert.False(Directory.Exists(Path.Combine(site.Root, "strict")));
    }

    private static Diagnostic AssertFailsUntouched(TestSite site, string message) => Assert.Single(AssertFailsUntouchedWith(site, message));

    /// <summary>Builds over a previous site; checks the errors, exit code 1, and that the previous site did not move.</summary>
    private static IReadOnlyList<Diagnostic> AssertFailsUntouchedWith(TestSite site, string message)
    {
        Directory.CreateDirectory(site.Output);
        FichesSite.Build.SiteMark.WriteInto(site.Output); // a site this generator built, which a build may replace
        var previousIndex = Path.Combine(site.Output, "index.html");
        File.WriteAllText(previousIndex, PreviousSite);
        var entriesBefore = Directory.EnumerateFileSystemEntries(site.Root).Order(StringComparer.Ordinal).ToList();

        var result = site.Build();

        Assert.False(result.Succeeded);
        // Headings are quoted as the page shows them, with French narrow no-break spaces.
        var errors = result.Errors.Where(e => e.Message.Replace('\u202F', ' ').Contains(message, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Fix)));
        Assert.Equal(1, site.Run());
        Assert.Equal(PreviousSite, File.ReadAllText(previousIndex));
        Assert.Equal([FichesSite.Build.SiteMark.FileName, "index.html"], Directory.EnumerateFileSystemEntries(site.Output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(entriesBefore, Directory.EnumerateFileSystemEntries(site.Root).Order(StringComparer.Ordinal));
        return errors;
    }

    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => f, f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));
}
