using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using FichesSite.Content;
using FichesSite.Markdown;
using FichesSite.Pipeline;
using Markdig.Syntax;

namespace FichesSite.Tests;

/// <summary>
/// Heading ids are unique on their page, never take an id the theme or the glossary writes (src/Markdown/ReservedIds),
/// stay what they always were otherwise, and cost the same per heading however many there are (src/Markdown/HeadingIds).
/// </summary>
public sealed partial class HeadingIdsTests
{
    private const string Header = "---\ntitle: Essai\ndescription: Une page d’essai.\n---\n\nTexte.\n\n";

    [Theory]
    [InlineData("Type d’anesthésie", "type-d-anesthesie")]
    [InlineData("Quelles sont les suites opératoires ?", "quelles-sont-les-suites-operatoires")]
    [InlineData("Fuite de ciment (5 %)", "fuite-de-ciment-5")]
    [InlineData("Cœur et ÉPAULE", "coeur-et-epaule")]
    [InlineData("e\u0301le\u0300ve ÇA Ÿ", "eleve-ca-y")]
    [InlineData("???", "section")]
    public void Heading_ids_stay_readable_in_french(string heading, string id) => Assert.Equal(id, HeadingIds.Slug(heading));

    private static List<HeadingBlock> Headings(string markdown) =>
        Markdig.Markdown.Parse(markdown, MarkdownSetup.Create(CalloutWords.Names)).Descendants<HeadingBlock>().ToList();

    private static List<string> Ids(IReadOnlyList<HeadingBlock> headings) =>
        headings.Select(h => Markdig.Renderers.Html.HtmlAttributesExtensions.GetAttributes(h).Id!).ToList();

    [Fact]
    public void Ids_of_ordinary_pages_stay_as_they_were()
    {
        var headings = Headings("## Risques\n\n## Risques\n\n## Risques-2\n\n## Risques\n\n## Type d’anesthésie\n\n## Contenu\n");

        HeadingIds.Assign(headings);

        Assert.Equal(["risques", "risques-2", "risques-2-2", "risques-3", "type-d-anesthesie", "contenu-2"], Ids(headings));
    }

    // The suffix search as it was, one try after another from « -2 »: the ids must not change.
    private static List<string> AssignedOneByOne(IEnumerable<string> wanted, IReadOnlySet<string> reserved)
    {
        var used = new HashSet<string>(reserved, StringComparer.Ordinal);
        var ids = new List<string>();
        foreach (var id in wanted)
        {
            var unique = id;
            for (var n = 2; !used.Add(unique); n++)
            {
                unique = $"{id}-{n}";
            }
            ids.Add(unique);
        }
        return ids;
    }

    [Fact]
    public void Ids_equal_those_of_the_one_by_one_suffix_search()
    {
        var word = Gen.OneOf("a", "a-2", "a-3", "b", "a 2", "contenu", "terme-x", "x");
        Gen.Select(word.Array[1, 30], word.Array[0, 4]).Sample((texts, reserved) =>
        {
            var headings = Headings(string.Concat(texts.Select(t => $"## {t}\n\n")));
            var reservedSet = reserved.ToHashSet(StringComparer.Ordinal);

            HeadingIds.Assign(headings, reservedSet);

            Assert.Equal(AssignedOneByOne(texts.Select(HeadingIds.Slug), reservedSet), Ids(headings));
        }, iter: 2_000);
    }

    [Fact]
    public void Many_identical_headings_cost_the_same_per_heading()
    {
        var markdown = new StringBuilder();
        for (var i = 0; i < 80_000; i++)
        {
            markdown.Append("## a\n\n");
        }
        var stage = new ParseMarkdownStage(MarkdownSetup.Create(CalloutWords.Names),
            new LinkRewriter(TestSite.RepositoryRoot, s => s), ReservedIds.ThemeOnly);
        var diagnostics = new DiagnosticBag(warningsAreErrors: false);
        var clock = Stopwatch.StartNew();

        var page = stage.Run(new Document("pages/essai.md", "essai/index.html", markdown.ToString()), SiteProducts.None, diagnostics);

        // Some 0.5 s here; the suffix search one try after another took minutes.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"{clock.Elapsed}");
        var ids = page.Get(PageOutline.Key).Headings.Select(h => h.Id).ToList();
        Assert.Equal(80_000, ids.Distinct().Count());
        Assert.Equal("a-80000", ids[^1]);
    }

    [Fact]
    public void A_heading_never_takes_an_id_of_the_theme_or_the_glossary()
    {
        using var site = new TestSite();
        var fiche = Path.Combine(site.Input, "fiches", "cimentoplastie-metastases-osseuses.md");
        var text = File.ReadAllText(fiche);
        var first = text.IndexOf("\n## ", text.IndexOf("## Qu’est-ce que c’est ?", StringComparison.Ordinal) + 1, StringComparison.Ordinal);
        File.WriteAllText(fiche, text.Insert(first, "\n### Terme métastase\n\nTexte.\n\n### Contenu {#recherche-champ}\n\nTexte.\n"));
        File.AppendAllText(Path.Combine(site.Input, "pages", "glossaire.md"), "\n## Embolie\n\nTexte.\n\n## Lettre e\n\nTexte.\n");
        File.WriteAllText(Path.Combine(site.Input, "pages", "essai.md"), Header + string.Concat(
            ThemeIds.All.Select(id => $"## {id.Replace('-', ' ')}\n\nTexte.\n\n")) + "## Terme embolie\n\nTexte.\n");

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        foreach (var (sitePath, page) in PageChecks.Pages(site))
        {
            Assert.True(PageChecks.DuplicateIds(page) is [], $"{sitePath}: {string.Join(", ", PageChecks.DuplicateIds(page))}");
        }
        var sheet = site.Page("fiches/cimentoplastie-metastases-osseuses/index.html");
        Assert.NotNull(sheet.QuerySelector("h3#terme-metastase-2"));
        Assert.NotNull(sheet.QuerySelector("h3#recherche-champ-2"));
        Assert.NotNull(sheet.QuerySelector("a.terme[aria-describedby='terme-metastase']"));
        Assert.Equal("span", sheet.GetElementById("terme-metastase")!.LocalName);
        var glossary = site.Page("glossaire/index.html");
        Assert.NotNull(glossary.QuerySelector("h2#embolie-2"));
        Assert.NotNull(glossary.QuerySelector("h2#lettre-e-2"));
        Assert.Equal("dt", glossary.GetElementById("embolie")!.LocalName);
        Assert.NotNull(site.Page("essai/index.html").QuerySelector("h2#contenu-2"));
        Assert.Contains(result.Warnings, w => w.Message.Contains("« #terme-metastase » est déjà employée par le thème ou le glossaire ; ce titre reçoit « #terme-metastase-2 »", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Contenu", "contenu")]
    [InlineData("Recherche : champ", "recherche-champ")]
    [InlineData("Lettre A", "lettre-a")]
    public void A_glossary_term_never_takes_an_id_of_the_theme(string term, string id)
    {
        using var site = new TestSite();
        var glossary = Path.Combine(site.Input, "data", "glossaire.yml");
        var line = File.ReadAllLines(glossary).Length + 2;
        File.AppendAllText(glossary, $"\n- terme: \"{term}\"\n  definition: \"Une phrase.\"\n");

        var result = site.Build();

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal(line, error.Line);
        Assert.Contains($"donnerait l’ancre « #{id} », que le thème emploie déjà", error.Message);
        Assert.False(Directory.Exists(site.Output));
    }

    [GeneratedRegex("""\bid="([^"]*)"|\bid='([^']*)'""")]
    private static partial Regex IdAttribute();

    [Fact]
    public void The_reserved_list_holds_every_id_the_theme_writes()
    {
        var templates = Directory.EnumerateFiles(Path.Combine(TestSite.RepositoryTheme, "layouts"), "*.liquid")
            .Concat(Directory.EnumerateFiles(Path.Combine(TestSite.RepositoryTheme, "partials"), "*.liquid"));
        var written = templates.SelectMany(t => IdAttribute().Matches(File.ReadAllText(t)).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)).ToList();

        Assert.NotEmpty(written);
        foreach (var id in written)
        {
            // Ids made by the build reach the templates through the glossary model (GlossaryTerms.LetterId, entry ids).
            Assert.True(ThemeIds.All.Contains(id) || id is "{{ letter.id }}" or "{{ entry.id }}",
                $"the theme writes id=\"{id}\": add it to ThemeIds.All (or, if the build makes it, to ReservedIds)");
        }
        Assert.All(ThemeIds.All, id => Assert.Contains(id, written));
    }

    [Fact]
    public void Only_the_glossary_and_callout_renderers_write_ids_in_the_generator()
    {
        var writers = Directory.EnumerateFiles(Path.Combine(TestSite.RepositoryRoot, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains("id=\\\"", StringComparison.Ordinal))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)
            .ToList();

        // A new one must add its ids to ReservedIds.
        Assert.Equal(["CalloutRenderer.cs", "GlossaryTermInline.cs"], writers);
        Assert.Contains(CalloutsStage.KeyPointsId, ReservedIds.ThemeOnly.OnEveryPage);
        Assert.Equal("terme-x", GlossaryTerms.DefinitionId(new GlossaryEntry("x", "x", [], "x", true, 1)));
    }
}
