using CsCheck;
using Xunit.Abstractions;

namespace FichesSite.Tests;

/// <summary>
/// Generated hostile Markdown, judged on the built HTML as a browser would read it (PageChecks): attribute blocks with
/// any names and values on any element, addresses with any scheme, encoding, case and white space in every link form,
/// files named like schemes. Either no page has an event handler, a style attribute or an address whose scheme could
/// run code, and ids stay unique; or the build fails with errors on the page's lines and publishes nothing.
/// </summary>
public sealed class HostileMarkdownTests(ITestOutputHelper output)
{
    private const string Header = "---\ntitle: Essai\ndescription: Une page d’essai.\n---\n\nTexte.\n\n";

    private static readonly Gen<string> Letters = Gen.Char['a', 'z'].Array[1, 8].Select(c => new string(c));

    private static readonly Gen<string> Name = Gen.OneOf(
        Gen.OneOf("onclick", "onerror", "OnMouseOver", "onfocus", "style", "href", "src", "lang", "LANG", "id", "class",
            "formaction", "action", "xlink:href", "data-x", "srcdoc", "tabindex", "hidden", "aria-hidden"),
        Letters);

    private static readonly Gen<string> Scheme = Gen.OneOf(
        Gen.OneOf("javascript", "JavaScript", "vbscript", "data", "file", "https", "mailto", "tel", "jav&#x61;script",
            "&#106;avascript", "java&#x09;script", "java%73cript", "java\tscript", "&#x20;javascript", "JAVASCRIPT", "blob"),
        Letters);

    // Static fields are set in order: each generator after those it uses.
    private static readonly Gen<string> Composed = Gen.Select(
        Gen.OneOf("", "", " ", "\t", "&#x01;", "%20"), Scheme, Gen.OneOf(":", ":", "&#58;", "%3A", "&colon;"),
        Gen.OneOf("alert(1)", "//exemple.invalid/x", "x.md", "text/html,<script>alert(1)</script>", ""),
        (lead, scheme, colon, rest) => lead + scheme + colon + rest);

    private static readonly Gen<string> Url = Gen.OneOf(
        Gen.OneOf("javascript:alert(1)", "JAVASCRIPT:alert(1)", "vbscript:msgbox(1)", "data:text/html,x", "file:///etc/passwd",
            "https://exemple.invalid/", "mailto:accueil@exemple.invalid", "tel:+33100000000", "x-y:z", "//exemple.invalid/x"),
        Composed);

    private static readonly Gen<string> Value = Gen.OneOf(
        Gen.OneOf("alert(1)", "en", "fr-CA", "color:red", "x\" onclick=\"alert(1)"), Url, Letters);

    private static readonly Gen<string> Attribute = Gen.OneOf(
        Gen.OneOf("lang=en", "lang=\"fr-CA\"", "#ancre-a"), // allowed, so that some pages build and are judged
        Gen.OneOf("lang=en", "lang=\"fr-CA\"", "#ancre-a"),
        Letters.Select(n => "#" + n),
        Gen.OneOf("#contenu", "#terme-metastase", "#Majuscule", "#a b").Select(n => n),
        Letters.Select(n => "." + n),
        Gen.Select(Name, Value, (n, v) => $"{n}=\"{v}\""),
        Gen.Select(Name, Value, (n, v) => $"{n}='{v}'"),
        Gen.Select(Name, Letters, (n, v) => $"{n}={v}"));

    private static readonly Gen<string> Braces = Attribute.Array[1, 4].Select(a => "{" + string.Join(' ', a) + "}");

    private static readonly Gen<string> Attributed = Gen.OneOf(
        Braces.Select(b => "## Titre " + b),
        Braces.Select(b => b + "\n## Titre"),
        Braces.Select(b => "[a](https://exemple.invalid/)" + b),
        Braces.Select(b => "*passage*" + b),
        Braces.Select(b => "`code`" + b),
        Braces.Select(b => "Texte " + b),
        Braces.Select(b => "- élément " + b),
        Braces.Select(b => "> citation " + b),
        Braces.Select(b => "> [!URGENCE]\n> texte " + b), // the components write their own markup around the author's
        Braces.Select(b => "> [!EVITER]\n> - élément " + b),
        Braces.Select(b => "```js " + b + "\nx\n```"));

    private static readonly Gen<string> Linked = Gen.OneOf(
        Url.Select(u => $"[lien]({u})"),
        Url.Select(u => $"[lien](<{u}>)"),
        Url.Select(u => $"[lien]({u} \"titre\")"),
        Url.Select(u => $"![image]({u})"),
        Url.Select(u => $"<{u}>"),
        Url.Select(u => $"Voir [lien][r].\n\n[r]: {u}"),
        Url.Select(u => $"![image][r]\n\n[r]: <{u}>"),
        Url.Select(u => $"[r]: {u}"),
        Url.Select(u => $"> [!FAIRE]\n> - [lien]({u})"),
        Url.Select(u => $"> [!URGENCE]\n> Voir <{u}>."));

    private static readonly Gen<string> Benign = Gen.OneOf(
        "Texte simple.", "## Un titre", "## Un titre", "### Terme métastase", "## Contenu", "[page](https://exemple.invalid/)",
        "## Le titre {#ancre}", "*Advance care planning*{lang=en}", "<https://exemple.invalid/>", "<accueil@exemple.invalid>");

    // One hostile construct among benign lines, so that a page fails only for what is judged in it.
    private static readonly Gen<string> Body = Gen.Select(Gen.OneOf(Attributed, Linked), Benign.Array[0, 4], Gen.Int[0, 4],
        (hostile, benign, at) =>
        {
            var lines = benign.ToList();
            lines.Insert(Math.Min(at, lines.Count), hostile);
            return string.Join("\n\n", lines);
        });

    [Fact]
    public void Hostile_attributes_and_addresses_never_reach_a_page()
    {
        var built = 0;
        var iterations = 0;
        Body.Sample(body =>
        {
            iterations++;
            using var site = new TestSite();
            File.WriteAllText(Path.Combine(site.Input, "pages", "essai.md"), Header + body + "\n");

            var result = site.Build();

            if (!result.Succeeded)
            {
                PageChecks.AssertFailedOnItsLines(result, "pages/essai.md", site);
                Assert.All(result.Errors, e => Assert.True(e.File.EndsWith("pages/essai.md", StringComparison.Ordinal) && e.Line > 0, e.ToString()));
                return;
            }
            built++;
            AssertSafe(site);
        }, iter: 100, threads: 1, print: body => body);
        output.WriteLine($"{built} of {iterations} hostile pages built; the others failed on their lines.");
        Assert.True(built >= iterations / 10, $"only {built} of {iterations} pages built: the HTML was hardly judged");
    }

    // File names a hostile author may give: a scheme, a colon, anything after, and a type that may or may not be allowed.
    private static readonly Gen<string> FileName = Gen.Select(
        Gen.OneOf("javascript", "JavaScript", "data", "vbscript", "x", " javascript", "\tjavascript"), Gen.OneOf(":", ":", "%3A"),
        Gen.OneOf("alert(1)", "alert(document.domain)", "", "x"), Gen.OneOf(".md", ".md", ".png", ".pdf", ".html", ".svg"),
        (scheme, colon, rest, extension) => scheme + colon + rest + extension);

    [Fact]
    public void Files_named_like_schemes_never_become_links_that_run_them()
    {
        Gen.Select(FileName, Gen.OneOf("./", "", "/")).Sample((name, prefix) =>
        {
            using var site = new TestSite();
            var path = Path.Combine(site.Input, "pages", name);
            if (name.EndsWith(".md", StringComparison.Ordinal))
            {
                File.WriteAllText(path, "---\ntitle: Nom hostile\ndescription: Une page au nom hostile.\n---\n\nTexte.\n");
            }
            else
            {
                site.AddFixture("images/schema.png", "pages/" + name);
            }
            var target = prefix == "/" ? "/" + Uri.EscapeDataString(name[..^3]) + "/" : prefix + Uri.EscapeDataString(name);
            File.AppendAllText(Path.Combine(site.Input, "pages", "index.md"), $"\n[lien]({target}) et [brut](<{prefix}{name}>)\n");

            var result = site.Build();

            if (!result.Succeeded)
            {
                Assert.DoesNotContain(result.Errors, e => e.Message.StartsWith(Pipeline.PipelineRunner.InternalErrorMessage, StringComparison.Ordinal));
                Assert.All(result.Errors, e => Assert.EndsWith(".md", e.File));
                Assert.False(Directory.Exists(site.Output));
                return;
            }
            AssertSafe(site);
        }, iter: 40, threads: 1);
    }

    private static void AssertSafe(TestSite site)
    {
        foreach (var (sitePath, page) in PageChecks.Pages(site))
        {
            var problems = PageChecks.ScriptProblems(page);
            Assert.True(problems is [], $"{sitePath}: {string.Join(", ", problems)}");
            var duplicates = PageChecks.DuplicateIds(page);
            Assert.True(duplicates is [], $"{sitePath}: ids {string.Join(", ", duplicates)} given twice");
        }
    }
}
