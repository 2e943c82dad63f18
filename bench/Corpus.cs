using System.Text;

namespace FichesSite.Bench;

/// <summary>
/// A deterministic synthetic corpus of French patient sheets that satisfy the procedure-sheet
/// contract: accents and elisions, lists, a table, risks as h3, links to other sheets. About 700
/// words each. The text is filler assembled from a word list of some 110 words: it states no medical
/// fact and is never published. <see cref="ZipfCorpus"/> writes the same site with a real vocabulary.
/// </summary>
public static class Corpus
{
    private static readonly string[] Words =
    [
        "l’examen", "d’abord", "qu’il", "l’équipe", "médecin", "infirmière", "anesthésie", "geste", "durée", "séjour",
        "hôpital", "rendez-vous", "consultation", "préparation", "résultat", "compte-rendu", "traitement", "douleur",
        "repos", "alimentation", "boisson", "pansement", "cicatrice", "surveillance", "sortie", "retour", "domicile",
        "écoute", "question", "réponse", "information", "fiche", "personne", "accompagnant", "matériel", "lumière",
        "région", "peau", "aiguille", "produit", "image", "écran", "contrôle", "reprise", "activité", "semaine", "jour",
        "heure", "minutes", "quelques", "plusieurs", "souvent", "parfois", "rarement", "toujours", "ensuite", "puis",
        "avant", "après", "pendant", "vous", "votre", "nous", "est", "sont", "sera", "peut", "doit", "permet", "reste",
        "demande", "explique", "prévient", "réalise", "installe", "vérifie", "répond", "accompagne", "très", "bien",
        "élevé", "léger", "habituel", "adapté", "précis", "simple", "complet", "rapide", "progressif", "œdème", "cœur",
        "à", "de", "la", "le", "les", "des", "un", "une", "et", "ou", "avec", "sans", "pour", "par", "dans", "sur", "en",
    ];

    private static readonly string[] Frequencies = ["rare", "exceptionnel", "fréquent", "1 %", "5 %", "très rare"];

    /// <summary>Writes site.yml, contracts.yml, the glossary, the site pages and <paramref name="count"/> sheets into <paramref name="folder"/>.</summary>
    /// <remarks>
    /// Only the files whose text differs are written, and a folder that already holds the corpus is left as it is: the
    /// corpus is deterministic, and deleting and writing its sheets again made the next measured build pay for the
    /// file system (see <see cref="QuietFiles"/>).
    /// </remarks>
    /// <param name="zipf">The realistic corpus's sheets instead of the synthetic ones (<see cref="ZipfCorpus"/>).</param>
    public static void Write(string repository, string folder, int count, ZipfCorpus? zipf = null)
    {
        foreach (var file in new[] { "site.yml", "contracts.yml" })
        {
            QuietFiles.Copy(Path.Combine(repository, "input", file), Path.Combine(folder, file));
        }
        // The brand's files (the logo site.yml names), so that the benchmark pays for them as a real site does.
        foreach (var file in Directory.EnumerateFiles(Path.Combine(repository, "input", "marque")))
        {
            QuietFiles.Copy(file, Path.Combine(folder, "marque", Path.GetFileName(file)));
        }
        // The glossary too, so that the benchmark pays for marking terms as a real site does.
        QuietFiles.Copy(Path.Combine(repository, "input", "data", "glossaire.yml"), Path.Combine(folder, "data", "glossaire.yml"));
        // Services and themes as a hospital has them, so that the benchmark builds the collection's pages too.
        QuietFiles.Write(Path.Combine(folder, "data", "services.yml"), ServicesYaml(count));
        QuietFiles.Write(Path.Combine(folder, "data", "themes.yml"), ThemesYaml());
        var pages = Directory.EnumerateFiles(Path.Combine(repository, "input", "pages"), "*.md").ToList();
        foreach (var page in pages)
        {
            QuietFiles.Copy(page, Path.Combine(folder, "pages", Path.GetFileName(page)));
        }
        QuietFiles.RemoveOthers(Path.Combine(folder, "pages"), pages.Select(Path.GetFileName).ToHashSet()!);
        var random = new Random(20261126); // seeded: the same corpus on every run and machine
        for (var i = 0; i < count; i++)
        {
            QuietFiles.Write(Path.Combine(folder, "fiches", Name(i) + ".md"), zipf?.Sheet(i, count, random) ?? Sheet(i, count, random));
        }
        QuietFiles.RemoveOthers(Path.Combine(folder, "fiches"), Enumerable.Range(0, count).Select(i => Name(i) + ".md").ToHashSet());
    }

    /// <summary>
    /// Removes a site that this benchmark left in its own temporary folder before the generator marked its sites
    /// (<c>.fiches-site</c>): the build now refuses to replace an unmarked folder, rightly, and this one is the
    /// benchmark's own.
    /// </summary>
    public static void RemoveUnmarkedSite(string site)
    {
        if (Directory.Exists(site) && !FichesSite.Build.SiteMark.IsOn(site))
        {
            Directory.Delete(site, recursive: true);
        }
    }

    public static string Name(int i) => $"fiche-{i:D5}";

    /// <summary>About one service per 50 sheets, between 1 and 60: a hospital's services, whatever its collection's size.</summary>
    private static int ServiceCount(int count) => Math.Clamp(count / 50, 1, 60);

    private const int ThemeCount = 12;

    private static string ServicesYaml(int count)
    {
        var yaml = new StringBuilder("# Services du banc d’essai (fictifs)\n");
        for (var s = 0; s < ServiceCount(count); s++)
        {
            yaml.Append($"service-{s:D2}:\n  name: \"Service d’essai {s:D2}\"\n  phone: \"01 00 00 00 {s % 100:D2}\"\n  hours: \"de 9 h à 17 h\"\n");
        }
        return yaml.ToString();
    }

    private static string ThemesYaml()
    {
        var yaml = new StringBuilder("# Thèmes du banc d’essai (fictifs)\n");
        for (var t = 0; t < ThemeCount; t++)
        {
            yaml.Append($"theme-{t:D2}:\n  name: \"Thème d’essai {t:D2}\"\n");
        }
        return yaml.ToString();
    }

    /// <summary>
    /// A sheet's « service: » and « themes: » lines, from its number alone (the sheets' text draws from the seeded
    /// random source; these do not, so that adding them left the text as it was): services of unequal sizes, zero to two
    /// themes.
    /// </summary>
    public static string CollectionHeader(int index, int count)
    {
        var hash = (uint)(index * 2654435761u);
        var u = (hash >> 8) % 10_000 / 10_000.0;
        var service = (int)(ServiceCount(count) * u * u); // the first services hold the most sheets
        var themes = ((hash >> 20) % 3) switch
        {
            0 => "",
            1 => $"themes: [theme-{hash % ThemeCount:D2}]\n",
            _ => $"themes: [theme-{hash % ThemeCount:D2}, theme-{(hash % ThemeCount + 1 + hash / ThemeCount % (ThemeCount - 1)) % ThemeCount:D2}]\n",
        };
        return $"service: service-{service:D2}\n" + themes;
    }

    /// <summary>The sheet to edit in incremental benchmarks.</summary>
    public static string SheetPath(string folder, int i) => Path.Combine(folder, "fiches", Name(i) + ".md");

    private static string Sheet(int index, int count, Random random)
    {
        var text = new StringBuilder();
        text.Append("---\n")
            .Append($"title: \"Fiche d’essai n° {index} : {Sentence(random, 3, 5).TrimEnd('.')}\"\n")
            .Append($"description: \"{Sentence(random, 8, 14)}\"\n")
            .Append("type: fiche-procedure\n")
            .Append(CollectionHeader(index, count))
            .Append("last_reviewed: 2026-01-15\nnext_review: 2030-01-15\n")
            .Append("reviewed_by: \"Relecteur d’essai\"\nversion: \"1\"\nsources:\n  - { title: \"Corpus synthétique de mesure\", publisher: \"Banc d’essai\", year: 2025 }\n---\n\n");

        text.Append("## Qu’est-ce que c’est ?\n\n").Append(Paragraph(random, 5)).Append(Paragraph(random, 4));
        text.Append("## En quoi consiste le geste ?\n\n### Préparation\n\n");
        for (var i = 0; i < 4; i++)
        {
            text.Append("- ").Append(Sentence(random, 8, 16)).Append('\n');
        }
        text.Append("\n### Déroulement\n\n").Append(Paragraph(random, 5));
        text.Append("| Étape | Durée | Remarque |\n|---|---|---|\n");
        for (var i = 1; i <= 3; i++)
        {
            text.Append($"| {Word(random)} | {random.Next(5, 60)} minutes | {Sentence(random, 3, 6)} |\n");
        }
        text.Append("\n## Quelles sont les suites ?\n\n").Append(Paragraph(random, 5));
        var other = Name((index + 1 + random.Next(count - 1)) % count);
        text.Append($"Voir aussi [la fiche voisine]({other}.md#quels-sont-les-risques) et le [plan du site](../pages/plan-du-site.md).\n\n");
        text.Append("## Quels sont les risques ?\n\n");
        for (var i = 0; i < 4; i++)
        {
            text.Append($"### Risque {i + 1} : {Word(random)} {Word(random)} ({Frequencies[random.Next(Frequencies.Length)]})\n\n").Append(Paragraph(random, 3));
        }
        return text.ToString();
    }

    private static string Paragraph(Random random, int sentences)
    {
        var text = new StringBuilder();
        for (var i = 0; i < sentences; i++)
        {
            text.Append(Sentence(random, 10, 22)).Append(i % 2 == 1 ? "\n" : " ");
        }
        return text.Append("\n\n").ToString();
    }

    private static string Sentence(Random random, int min, int max)
    {
        var words = Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => Word(random));
        return Capitalised(string.Join(' ', words)) + ".";
    }

    private static string Word(Random random) => Words[random.Next(Words.Length)];

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
