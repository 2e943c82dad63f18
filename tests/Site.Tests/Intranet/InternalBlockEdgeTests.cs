using CsCheck;
using FichesSite.Markdown;
using FichesSite.Pipeline;

namespace FichesSite.Tests.Intranet;

/// <summary>
/// The classes of input an attack on « ::: interne » (Markdown/InternalBlocks) found, each held:
/// 1. a line meant to open a block that Markdig does not read as one (indented code, paragraph continuation, table
///    cell, invisible character, look-alike colons) is refused, never published as text;
/// 2. a page is checked whole before the public build removes its blocks (raw HTML, URL schemes, author attributes,
///    links), and the callouts' and the contract's rules read it as the public site has it: refused on both sites or
///    on neither;
/// 3. nothing empty is left once a block is removed (a list item, a quote, a whole page).
/// </summary>
public sealed class InternalBlockEdgeTests
{
    private static (string? Html, IReadOnlyList<Diagnostic> Errors) Render(string markdown, BuildTarget target) => ParsedForTarget.Render(markdown, target);

    // Each hides the word « secretqz » in what its author meant as an internal block.
    public static TheoryData<string> Lookalikes => new()
    {
        "Texte public.\n\n    ::: interne\n    Poste secretqz.\n    :::\n", // indented by four spaces: a code block
        "Texte public.\n\n\t::: interne\n\tPoste secretqz.\n\t:::\n", // by a tab
        "Texte public.\n    ::: interne\n    Poste secretqz.\n    :::\n", // right under a paragraph: its continuation
        "- Un point.\n\n      ::: interne\n      Poste secretqz.\n      :::\n", // in a list item, one level too deep
        "> Citation.\n>\n>     ::: interne\n>     Poste secretqz.\n>     :::\n", // in a quote, indented
        "| A | B |\n|---|---|\n| ::: interne | secretqz |\n", // in a table cell
        "\u200B::: interne\nPoste secretqz.\n\u200B:::\n", // an invisible character before each fence
        "\uFF1A\uFF1A\uFF1A interne\nPoste secretqz.\n\uFF1A\uFF1A\uFF1A\n", // full-width colons
        "Texte public.\n\n\\::: interne\nPoste secretqz.\n\\:::\n", // escaped, as a rich-text editor writes what it does not know
        "Texte public.\n\n\\:\\:\\: Interne\nPoste secretqz.\n\\:\\:\\:\n", // every colon escaped
        "Texte public.\n\n> \\::: interne\n> Poste secretqz.\n", // escaped, in a quote
    };

    // An opening line with a backslash before any of its colons: where it stands (a quote, a list item, up to three
    // spaces), how many colons, which are escaped (one at least), the spaces before the name and the name's case vary.
    private static readonly Gen<string> EscapedOpening =
        Gen.Select(Gen.OneOf("", " ", "   ", "> ", "- ", "1. "), Gen.Bool.Array[3, 5], Gen.Int[0, 2], Gen.Bool.Array[7])
            .Where((_, escaped, _, _) => escaped.Contains(true))
            .Select((start, escaped, spaces, upper) =>
                start + string.Concat(escaped.Select(e => e ? "\\:" : ":")) + new string(' ', spaces)
                + string.Concat("interne".Select((c, i) => upper[i] ? char.ToUpperInvariant(c) : c)));

    [Fact]
    public void Any_opening_line_with_an_escaped_colon_is_refused_on_both_sites_and_its_text_never_published() =>
        EscapedOpening.Sample(opening =>
        {
            var quote = opening.StartsWith('>') ? "> " : opening.StartsWith('-') ? "  " : opening.StartsWith('1') ? "   " : "";
            var markdown = $"Texte public.\n\n{opening}\n{quote}Poste secretqz.\n{quote}:::\n";
            var (published, errors) = Render(markdown, BuildTarget.Public);
            Assert.Null(published);
            Assert.Contains(errors, e => e.Message.Contains("barres obliques", StringComparison.Ordinal));
            Assert.NotEmpty(Render(markdown, BuildTarget.Intranet).Errors);
        }, iter: 200);

    [Fact]
    public void Colons_written_with_backslashes_stay_possible_in_text_that_opens_no_block()
    {
        var (published, errors) = Render("Ratio \\:\\:\\: trois.\n\n\\:\\:\\:\n", BuildTarget.Public);
        Assert.Empty(errors);
        Assert.Contains(":::", published);
    }

    [Theory]
    [MemberData(nameof(Lookalikes))]
    public void A_line_meant_to_open_an_internal_block_is_refused_rather_than_published_as_text(string markdown)
    {
        var (published, errors) = Render(markdown, BuildTarget.Public);
        Assert.True(published is null || !published.Contains("secretqz", StringComparison.Ordinal),
            $"published on the public site, with no error:\n{published}");
        Assert.Equal(errors.Count > 0, Render(markdown, BuildTarget.Intranet).Errors.Count > 0);
    }

    // Each is wrong inside its block only: the site that keeps the block sees it, the one that removed it does not.
    public static TheoryData<string> WrongInsideABlock => new()
    {
        "Texte.\n\n::: interne\nPoste <b>12</b>.\n:::\n", // raw HTML
        "Texte.\n\n::: interne\n[Outil](javascript:alert(1))\n:::\n", // a refused URL scheme
        "Texte.\n\n::: interne\nPoste 12 {onclick=alert(1)}\n:::\n", // an attribute that runs script
        "Texte.\n\n::: interne {.rouge}\nPoste 12.\n:::\n", // an attribute on the block's own line
        "Texte.\n\n::: interne\n[Procédure](pages/absente-qz.md)\n:::\n", // a link to no file
    };

    [Theory]
    [MemberData(nameof(WrongInsideABlock))]
    public void A_mistake_inside_a_block_is_refused_on_both_sites(string markdown)
    {
        var onPublic = Render(markdown, BuildTarget.Public).Errors;
        var onIntranet = Render(markdown, BuildTarget.Intranet).Errors;
        Assert.True(onIntranet.Count > 0, "the intranet should refuse it");
        Assert.True(onPublic.Count > 0, "refused on the intranet only: " + string.Join("; ", onIntranet.Select(e => e.Message)));
    }

    private const string Header = """
        ---
        title: "Fiche d’essai"
        description: "Fiche d’essai des blocs internes."
        type: fiche-conseils
        service: radiologie-interventionnelle
        last_reviewed: 2026-01-15
        next_review: 2027-01-15
        reviewed_by: "Relecteur d’essai"
        version: "1"
        sources:
          - { title: "Source d’essai", publisher: "Banc d’essai", year: 2026 }
        ---

        """;

    private const string Rest = "\n## Ce que vous pouvez faire\n\nTexte.\n\n## Quand appeler\n\nTexte.\n";

    // Whole sheets whose checks (callouts, contract) see a different page on each site.
    public static TheoryData<string> SheetsSeenDifferently => new()
    {
        "::: interne\nPoste 12.\n:::\n\n> [!ESSENTIEL]\n> - Point clé.\n\n## À quoi vous attendre\n\nTexte.\n" + Rest, // « L’essentiel » first on one site only
        "## À quoi vous attendre\n\nTexte.\n\n> [!FAIRE]\n> - Boire.\n>\n> ::: interne\n> Poste 12.\n> :::\n" + Rest, // a do list holding more than a list
        "## À quoi vous attendre\n\n::: interne\nPoste 12.\n:::\n" + Rest, // a required section empty on the public site only
        "## À quoi vous attendre\n\nTexte.\n\n> [!CONSEIL]\n> ::: interne\n> Poste 12.\n> :::\n" + Rest, // a callout empty on the public site only
    };

    [Theory]
    [MemberData(nameof(SheetsSeenDifferently))]
    public void A_sheet_is_refused_on_both_sites_or_on_neither(string body)
    {
        using var site = new TestSite();
        File.WriteAllText(Path.Combine(site.Input, "fiches", "essai.md"), Header + body);
        var onPublic = site.Build();
        var onIntranet = site.Build(Path.Combine(site.Root, "_intranet"), target: BuildTarget.Intranet);
        Assert.True(onPublic.Succeeded == onIntranet.Succeeded,
            $"public: {(onPublic.Succeeded ? "built" : "refused")}, intranet: {(onIntranet.Succeeded ? "built" : "refused")}\n"
            + string.Join("\n", onPublic.Diagnostics.Concat(onIntranet.Diagnostics).Where(d => d.Severity == Severity.Error)));
    }

    [Fact]
    public void Taking_a_block_out_leaves_no_empty_list_item_nor_quote_on_the_public_page()
    {
        var (published, errors) = Render("- Un.\n- ::: interne\n  Poste 12.\n  :::\n- Trois.\n\n> ::: interne\n> Poste 13.\n> :::\n", BuildTarget.Public);
        Assert.Empty(errors);
        Assert.DoesNotContain("<li></li>", published, StringComparison.Ordinal);
        Assert.DoesNotContain("<blockquote>\n</blockquote>", published, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_whose_whole_text_is_internal_is_not_published_empty()
    {
        using var site = new TestSite();
        File.WriteAllText(Path.Combine(site.Input, "pages", "consignes.md"),
            "---\ntitle: \"Consignes du service\"\ndescription: \"Consignes.\"\n---\n\n::: interne\nConsignes réservées au personnel.\n:::\n");
        var result = site.Build();
        Assert.False(result.Succeeded && File.Exists(Path.Combine(site.Output, "consignes", "index.html")),
            "an empty page, listed in the site map and sitemap.xml, is published for a text meant for staff only");
    }
}
