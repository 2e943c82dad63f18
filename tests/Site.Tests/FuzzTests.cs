using AngleSharp.Html.Parser;
using CsCheck;
using Xunit.Abstractions;

namespace FichesSite.Tests;

/// <summary>
/// Random Markdown and random front matter, as careless or unlucky authors could write them:
/// the build either succeeds or reports controlled errors, never throws nor hangs, and every
/// page it writes keeps the structure screen-reader users rely on.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    private static readonly TimeSpan MaxBuildTime = TimeSpan.FromSeconds(20);

    // Words an author may type: accents composed or not, elisions, emoji, Markdown punctuation.
    private static readonly Gen<string> SafeWord = Gen.OneOf(
        "cimentoplastie", "métastase", "l’os", "qu’il", "e\u0301le\u0300ve", "ŒUVRE", "😀", "🩺", "a", "5 %", "?", "!",
        "*gras*", "_penché_", "`code <b>`", "&amp;", "\\", "(", ")", "{lang=en}", "\u202F", "\t", "«", "»", "2 h");

    // What a careless paste or a hostile author may add.
    private static readonly Gen<string> HostileWord = Gen.OneOf(
        "<b>", "<script>alert(1)</script>", "[", "]", "|", "#", "onerror=alert(1)", "javascript:alert(1)", "---", "<!-- x -->",
        "{#id}", "{onclick=alert(1)}", "{style=\"color:red\"}"); // braces: only {#anchor} ending a heading and {lang=…} are allowed

    private static Gen<string> Text(Gen<string> word) => word.Array[0, 12].Select(words => string.Join(' ', words));

    private static Gen<string> Lines(Gen<string> word, Gen<string> heading, Gen<string> url)
    {
        var text = Text(word);
        return Gen.OneOf(
            heading.Select(text, (marks, t) => marks + " " + t + " x"),
            text,
            text.Select(t => "- " + t),
            text.Select(t => "1. " + t),
            text.Select(t => "> " + t),
            text.Select(t => "> [!IMPORTANT]\n> " + t),
            text.Select(text, (a, b) => $"| {a} | {b} |\n|:---|---:|\n| {b} | {a} |"),
            url.Select(text, (u, t) => $"[{t} x]({u})"),
            Gen.OneOf("```\n<script>x</script>\n```", "    code indenté <iframe>"),
            Gen.Int[1000, 6000].Select(n => new string('é', n)));
    }

    // Well-formed pages with random content: h2 and h3 only, links that resolve.
    private static readonly Gen<string> BenignBody = Lines(
        SafeWord,
        Gen.OneOf("##", "##", "###"),
        Gen.OneOf("../pages/plan-du-site.md", "/plan-du-site/", "https://exemple.invalid/", "mailto:x@exemple.invalid",
            "../fiches/cimentoplastie-metastases-osseuses.md#quels-sont-les-risques-de-la-cimentoplastie"))
        .Array[0, 15].Select(lines => "## Début\n\n" + string.Join("\n\n", lines));

    private static readonly Gen<string> HostileBody = Lines(
        Gen.OneOf(SafeWord, HostileWord),
        Gen.Int[1, 6].Select(level => new string('#', level)),
        Gen.OneOf("#ancre", "", "javascript:alert(1)", "../../../etc/passwd", "images/rien.png", "data:text/html,x"))
        .Array[0, 25].Select(lines => string.Join("\n\n", lines));

    private static readonly Gen<string> FrontMatter = Gen.OneOf(
        Gen.Const("---\ntitle: Essai\ndescription: Une page d’essai.\n---\n"),
        Gen.Const("---\ntitle: Essai\ndescription: Une page d’essai.\n---\n"),
        Text(HostileWord).Select(Text(SafeWord), (key, value) => $"---\ntitle: {value}\n{key}: {value}\n---\n"),
        Gen.Const("---\ntitle: [une, liste]\n---\n"),
        Gen.Const(""),
        Text(SafeWord).Select(t => t + "\n"));

    private static readonly Gen<(string, string)> Sample = Gen.OneOf(
        FrontMatter.Select(HostileBody, (header, body) => ("fiches", header + body + "\n")),
        FrontMatter.Select(HostileBody, (header, body) => ("pages", header + body + "\n")),
        BenignBody.Select(body => ("pages", "---\ntitle: Essai\ndescription: Une page d’essai.\n---\n" + body + "\n")));

    private const int Iterations = 120;

    [Fact]
    public void Random_pages_build_or_fail_cleanly_and_keep_the_structure_invariants()
    {
        var parser = new HtmlParser();
        var built = 0;
        Sample.Sample(sample =>
        {
            var (folder, markdown) = sample;
            using var site = new TestSite();
            File.WriteAllText(Path.Combine(site.Input, folder, "aleatoire.md"), markdown);
            var build = Task.Run(() => site.Build());
            Assert.True(build.Wait(MaxBuildTime), "the build did not finish in time");
            var result = build.Result;

            if (!result.Succeeded)
            {
                Assert.NotEmpty(result.Errors);
                var internalErrors = result.Errors.Where(e => e.Message.StartsWith(Pipeline.PipelineRunner.InternalErrorMessage, StringComparison.Ordinal));
                Assert.False(internalErrors.Any(), string.Join("\n", internalErrors));
                Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.File + e.Message + e.Fix)));
                Assert.False(Directory.Exists(site.Output));
                return;
            }
            built++;
            foreach (var sitePath in site.HtmlPages())
            {
                var page = parser.ParseDocument(File.ReadAllText(Path.Combine(site.Output, sitePath)));
                Assert.Single(page.QuerySelectorAll("h1"));
                var levels = page.QuerySelectorAll("h1, h2, h3, h4, h5, h6").Select(h => h.LocalName[1] - '0').ToList();
                Assert.All(levels.Skip(1).Zip(levels), pair => Assert.True(pair.First <= pair.Second + 1, $"{sitePath}: h{pair.Second} then h{pair.First}"));
                Assert.DoesNotContain(page.QuerySelectorAll("script:not([src]):not([type='application/ld+json']), style, [style], [onclick], [onerror], iframe"),
                    e => !PageChecks.AllowedByItsHash(e));
            }
        }, iter: Iterations, threads: 1, print: sample => sample.Item1 + "/aleatoire.md:\n" + (sample.Item2.Length > 2000 ? sample.Item2[..2000] + "…" : sample.Item2));
        output.WriteLine($"{built} of {Iterations} random pages built; the others failed with controlled errors.");
        Assert.True(built >= Iterations / 10, $"only {built} of {Iterations} random pages built: the invariants were hardly exercised");
    }
}
