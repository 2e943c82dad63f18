using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using FichesSite.Tests.Browser;

namespace FichesSite.Tests.Published;

/// <summary>
/// Each command of the published generator (native code, see <see cref="PublishedGenerator"/>) as an author or the
/// workflow runs it: what only the JIT allows fails here first. The preview's error message, written by
/// JsonSerializer from an anonymous type, once stopped the native preview at its first failed rebuild.
/// </summary>
[Trait("Category", "Published")]
public sealed partial class PublishedGeneratorTests
{
    [SkippableFact]
    public void Builds_the_same_site_as_the_generator_on_the_jit()
    {
        PublishedGenerator.Require();
        using var site = new TestSite();
        Assert.True(site.Build().Succeeded);
        var published = Path.Combine(site.Root, "published");

        var (exitCode, output) = PublishedGenerator.Run("--input", site.Input, "--theme", site.Theme, "--output", published);

        Assert.True(exitCode == 0, output);
        Assert.Contains("page(s) construite(s)", output);
        DeterminismTests.AssertSameSite(site.Output, published, "the generator on the JIT and the published one");
    }

    // Native code links one collector: the server one only if Site.csproj asks for it by its exact property name
    // (src/Runtime.props). Under a misspelt name the generator quietly kept the workstation collector.
    [SkippableFact]
    public void Runs_on_the_server_garbage_collector()
    {
        PublishedGenerator.Require();
        using var site = new TestSite();

        var (exitCode, output) = PublishedGenerator.Run("--input", site.Input, "--theme", site.Theme, "--output", site.Output, "--timings");

        Assert.True(exitCode == 0, output);
        Assert.Contains("server garbage collector pauses", output);
    }

    [SkippableFact]
    public void In_a_github_workflow_each_message_is_also_an_annotation_on_its_line()
    {
        PublishedGenerator.Require();
        using var site = new TestSite();
        site.AddFiche("lien-casse.md");
        var workflow = new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_WORKSPACE"] = site.Root };

        var (exitCode, output) = PublishedGenerator.RunWith(workflow, "check", "--input", site.Input, "--theme", site.Theme);
        var (_, outside) = PublishedGenerator.Run("check", "--input", site.Input, "--theme", site.Theme);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(output.Split('\n'), l => l.StartsWith("::error ", StringComparison.Ordinal));
        Assert.Matches(@"^::error file=input/fiches/lien-casse\.md,line=\d+::\S", line);
        Assert.Matches(@"lien-casse\.md:\d+: erreur", output);
        Assert.DoesNotContain("::error", outside);
    }

    [SkippableFact]
    public void In_a_github_workflow_no_text_of_the_content_starts_a_line_the_runner_would_read_as_a_command()
    {
        PublishedGenerator.Require();
        using var site = new TestSite();
        // A value quoted back by its error, holding a line end and a forged command.
        var siteFile = Path.Combine(site.Input, "site.yml");
        File.WriteAllText(siteFile, File.ReadAllText(siteFile) + "\nfeedback: \"a b\\n::error file=README.md,line=1::forged\"\n");
        var workflow = new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_WORKSPACE"] = site.Root };

        var (exitCode, output) = PublishedGenerator.RunWith(workflow, "check", "--input", site.Input, "--theme", site.Theme);

        Assert.Equal(1, exitCode);
        var commands = output.Split('\n').Where(l => l.TrimStart().StartsWith("::", StringComparison.Ordinal)).ToList();
        Assert.Single(commands);
        Assert.StartsWith("::error file=input/site.yml,line=", commands[0]);
    }

    [SkippableFact]
    public void A_page_error_names_file_and_line_exits_non_zero_and_leaves_the_site_as_it_was()
    {
        PublishedGenerator.Require();
        using var site = new TestSite();
        Assert.Equal(0, PublishedGenerator.Run("--input", site.Input, "--theme", site.Theme, "--output", site.Output).ExitCode);
        var before = Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories)
            .ToDictionary(f => f, File.ReadAllBytes);
        site.AddFiche("lien-casse.md");

        var (exitCode, output) = PublishedGenerator.Run("--input", site.Input, "--theme", site.Theme, "--output", site.Output);

        Assert.Equal(1, exitCode);
        Assert.Matches(@"lien-casse\.md:\d+: erreur", output);
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
        Assert.All(before, file => Assert.Equal(file.Value, File.ReadAllBytes(file.Key)));
    }

    [SkippableFact]
    public async Task The_preview_serves_rebuilds_and_sends_a_build_error_as_json()
    {
        PublishedGenerator.Require();
        using var site = new TestSite();
        using var preview = PublishedGenerator.Start("serve", "--input", site.Input, "--theme", site.Theme, "--output", site.Output,
            "--port", LoopbackServer.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            var url = await PreviewUrl(preview);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            Assert.Contains("Fiches d’information patients", await http.GetStringAsync(url));
            using var events = await ServeTests.EventStream.OpenAsync(http, url);

            var fiche = Path.Combine(site.Input, "fiches", "cimentoplastie-metastases-osseuses.md");
            File.WriteAllText(fiche, File.ReadAllText(fiche).Replace("## Quelles sont les suites opératoires ?", "## Suites"));
            var data = await events.WaitFor("event: build-error");

            Assert.StartsWith("data: ", data);
            using var errors = JsonDocument.Parse(data["data: ".Length..]);
            var first = errors.RootElement.EnumerateArray().First();
            Assert.Contains("cimentoplastie-metastases-osseuses.md:", first.GetProperty("location").GetString());
            Assert.Contains("Quelles sont les suites", first.GetProperty("message").GetString() + first.GetProperty("fix").GetString());
            Assert.False(preview.HasExited, "the preview stopped after a failed rebuild");
            Assert.Contains("Quelles sont les suites opératoires", await http.GetStringAsync(url + "fiches/cimentoplastie-metastases-osseuses/index.html"));
        }
        finally
        {
            preview.Kill(entireProcessTree: true);
        }
    }

    [SkippableFact]
    public void Prints_each_sheet_as_a_pdf()
    {
        PublishedGenerator.Require();
        BrowserEnvironment.Require(File.Exists(BrowserEnvironment.ChromiumPath)
            ? null
            : $"Chromium is missing: no {BrowserEnvironment.ChromiumPath} (Debian package « chromium »).");
        using var site = new TestSite();
        Assert.Equal(0, PublishedGenerator.Run("--input", site.Input, "--theme", site.Theme, "--output", site.Output).ExitCode);

        var (exitCode, output) = PublishedGenerator.Run("pdf", "--output", site.Output, "--chromium", BrowserEnvironment.ChromiumPath);

        Assert.True(exitCode == 0, output);
        var pdf = File.ReadAllBytes(Path.Combine(site.Output, "pdf", "cimentoplastie-metastases-osseuses.pdf"));
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
    }

    // The address the preview announces once its first build is done (it moves to the next port if the one asked is taken).
    private static async Task<string> PreviewUrl(Process preview)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var seen = new List<string>();
        while (await preview.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            seen.Add(line);
            if (AnnouncedUrl().Match(line) is { Success: true } match)
            {
                return match.Groups[1].Value;
            }
        }
        throw new InvalidOperationException("the preview ended before announcing its address:\n" + string.Join('\n', seen)
            + await preview.StandardError.ReadToEndAsync());
    }

    [GeneratedRegex(@"(http://127\.0\.0\.1:\d+/)")]
    private static partial Regex AnnouncedUrl();
}
