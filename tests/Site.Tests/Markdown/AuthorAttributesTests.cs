namespace FichesSite.Tests;

/// <summary>
/// Between braces, an author may give a heading its anchor ({#ancre}) and a passage its language ({lang=en}); every
/// other attribute (src/Markdown/AuthorAttributes) is an error on its line, never passed to the page nor dropped.
/// </summary>
public sealed class AuthorAttributesTests
{
    private const string Header = "---\ntitle: Essai\ndescription: Une page d’essai.\n---\n\nTexte.\n\n";
    private const int Line = 8;

    public static TheoryData<string, string> Refused => new()
    {
        { "## Titre {onclick=alert(1)}", "attribut « onclick » refusé" },
        { "## Titre {onclick=\"alert(1)\"}", "attribut « onclick » refusé" },
        { "## Titre {OnMouseOver='alert(1)'}", "attribut « OnMouseOver » refusé" },
        { "[a](https://exemple.invalid/){href=\"javascript:alert(1)\"}", "attribut « href » refusé" },
        { "*b*{style=\"color:red\"}", "attribut « style » refusé" },
        { "Texte {.visually-hidden}", "attribut « .visually-hidden » refusé" },
        { "Paragraphe {#contenu}", "ancre « #contenu » refusée" },
        { "`code`{onclick=x}", "attribut « onclick » refusé" },
        { "```js {onclick=x}\ncode\n```", "attribut « onclick » refusé" },
        { "- élément {#li}", "ancre « #li » refusée" },
        { "## Titre {#Avec-Majuscules}", "ancre « #Avec-Majuscules » refusée" },
        { "## Titre {data-x=1}", "attribut « data-x » refusé" },
        { "## Titre {formaction=javascript:alert(1)}", "attribut « formaction » refusé" },
        { "*passage*{lang=\"en onclick=x\"}", "langue « en onclick=x » refusée" },
        { "*passage*{lang=javascript:x}", "langue « javascript:x » refusée" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void An_attribute_outside_the_allow_list_fails_on_its_line(string markdown, string message)
    {
        using var site = new TestSite();
        File.WriteAllText(Path.Combine(site.Input, "pages", "essai.md"), Header + markdown + "\n");

        var result = site.Build();

        PageChecks.AssertFailedOnItsLines(result, "pages/essai.md", site);
        var error = Assert.Single(result.Errors, e => e.Message.Contains(message, StringComparison.Ordinal));
        Assert.Equal(Line, error.Line);
    }

    [Fact]
    public void An_image_attribute_is_refused_too()
    {
        using var site = new TestSite();
        site.AddFixture("images/schema.png", "pages/schema.png");
        File.WriteAllText(Path.Combine(site.Input, "pages", "essai.md"), Header + "![Schéma](schema.png){onerror=alert(1)}\n");

        var result = site.Build();

        PageChecks.AssertFailedOnItsLines(result, "pages/essai.md", site);
        Assert.Equal(Line, Assert.Single(result.Errors).Line);
    }

    [Fact]
    public void An_anchor_on_a_heading_and_the_language_of_a_passage_are_kept()
    {
        using var site = new TestSite();
        File.WriteAllText(Path.Combine(site.Input, "pages", "essai.md"), Header + """
            ## Les risques de l’intervention {#risques}

            Ce que l’on appelle *advance care planning*{lang=en} en anglais.

            > [!NOTE]
            > Une remarque.

            ```js
            var x = 1;
            ```
            """ + "\n");

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var page = site.Page("essai/index.html");
        Assert.Equal("risques", page.QuerySelector("main h2")!.Id);
        Assert.Equal("en", page.QuerySelector("main em")!.GetAttribute("lang"));
        Assert.Empty(PageChecks.ScriptProblems(page));
    }
}
