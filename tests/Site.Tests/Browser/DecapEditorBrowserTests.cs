using System.Diagnostics;
using System.Net.Sockets;
using FichesSite.Build;
using FichesSite.Pipeline;
using Microsoft.Playwright;
using YamlDotNet.RepresentationModel;

namespace FichesSite.Tests.Browser;

/// <summary>
/// The web editor as an author uses it: the site built with « cms: » and local_backend, served on loopback, decap-server
/// (its local backend, from tools/) writing into a copy of input/; in Chromium, /admin/, « Se connecter », a new
/// examination sheet filled through the editor's own form and published. The file appears in input/fiches/ with a
/// header the build reads, and check reports exactly the sections still to write: the « [À compléter : …] » marks of
/// the body the editor started it with. No request leaves the machine.
/// </summary>
[Trait("Category", "Browser")]
public sealed class DecapEditorBrowserTests : IDisposable
{
    // decap-server's port, which Decap CMS looks for when local_backend is true.
    private const int DecapServerPort = 8081;

    private const string CmsSection = "\ncms:\n  backend:\n    name: github\n    repo: exemple/fiches-patients\n    branch: main\n  local_backend: true\n";

    private static readonly string Tools = Path.Combine(TestSite.RepositoryRoot, "tools", "node_modules");
    private static readonly string DecapServer = Path.Combine(Tools, "decap-server", "dist", "index.js");
    private static readonly string Bundle = Path.Combine(Tools, "decap-cms", "dist");

    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    [SkippableFact]
    public async Task A_sheet_created_in_the_editor_lands_in_input_fiches_and_check_lists_what_is_left_to_write()
    {
        BrowserEnvironment.Require(Missing());
        File.AppendAllText(Path.Combine(_site.Input, "site.yml"), CmsSection);
        using var server = new LoopbackServer(_site.Root);
        var built = SiteBuilder.Build(new BuildOptions(_site.Input, _site.Theme, _site.Output, Today: TestSite.Today) { CmsBundleDirectory = Bundle });
        Assert.True(built.Succeeded, string.Join("\n", built.Diagnostics));

        // Its working folder is the content repository: it reads and writes input/fiches/ there, and nowhere else.
        using var decapServer = StartDecapServer(_site.Root);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserEnvironment.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "fr-FR", ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var outside = new List<string>();
        var blocked = new List<string>();
        var page = await context.NewPageAsync();
        page.Request += (_, request) =>
        {
            var host = new Uri(request.Url).Host;
            if (request.Url.StartsWith("http", StringComparison.Ordinal) && host is not ("127.0.0.1" or "localhost"))
            {
                outside.Add(request.Url);
            }
        };
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                blocked.Add(message.Text);
            }
        };

        await page.GotoAsync(server.BaseUrl + "_site/admin/index.html");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.GetByText("Fiches d’examen").First.WaitForAsync();
        await page.GotoAsync(server.BaseUrl + "_site/admin/index.html#/collections/fiche-examen/new");

        await page.GetByLabel("Titre", new() { Exact = true }).FillAsync("Échographie du foie : « essai »");
        await page.Locator("[id^='description-field-']").FillAsync("Comment se passe une échographie du foie, et comment s’y préparer.");
        await page.Locator("[id^='service-field-']").ClickAsync();
        await page.Keyboard.TypeAsync("Radiologie");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("[id^='themes-field-']").ClickAsync();
        await page.Keyboard.TypeAsync("Cancéro");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("[id^='last_reviewed-field-']").FillAsync("2026-05-04");
        await page.Locator("[id^='next_review-field-']").FillAsync("2028-05-04");
        await page.Locator("[id^='reviewed_by-field-']").FillAsync("Dr Exemple, radiologue (relecteur fictif)");
        await page.Locator("[id^='version-field-']").FillAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter sources" }).ClickAsync();
        await page.GetByLabel("Titre de la source").FillAsync("Recommandations d’exemple : échographie");
        await page.GetByLabel("Éditeur").FillAsync("Société savante d’exemple");
        await page.GetByLabel("Année").FillAsync("2024");
        await page.GetByText("Publier", new() { Exact = true }).ClickAsync();
        await page.GetByText("Publier maintenant").ClickAsync();

        var sheet = Path.Combine(_site.Input, "fiches", "echographie-du-foie-essai.md");
        for (var waited = 0; !File.Exists(sheet) && waited < 20_000; waited += 200)
        {
            await Task.Delay(200);
        }
        Assert.True(File.Exists(sheet), "the editor saved no input/fiches/echographie-du-foie-essai.md: "
            + string.Join(", ", Directory.EnumerateFiles(Path.Combine(_site.Input, "fiches")).Select(Path.GetFileName)));
        Assert.Empty(outside);
        Assert.Empty(blocked);

        // The header, as the build's YAML reader sees it.
        var text = await File.ReadAllTextAsync(sheet);
        var header = Header(text);
        Assert.Equal("Échographie du foie : « essai »", Value(header, "title"));
        Assert.Equal("fiche-examen", Value(header, "type"));
        Assert.Equal("radiologie-interventionnelle", Value(header, "service"));
        Assert.Equal("2026-05-04", Value(header, "last_reviewed"));
        Assert.Equal("2028-05-04", Value(header, "next_review"));
        Assert.Equal("cancerologie", ((YamlScalarNode)((YamlSequenceNode)header["themes"]).Children.Single()).Value);
        var source = (YamlMappingNode)((YamlSequenceNode)header["sources"]).Children.Single();
        Assert.Equal("2024", Value(source, "year"));

        // check: an error at each « [À compléter : …] » of the body, one per section of the contract, and nothing else.
        var lines = text.Split('\n');
        var marks = Enumerable.Range(1, lines.Length).Where(n => lines[n - 1].StartsWith("[À compléter : ", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, marks.Count);
        var checkedSite = SiteBuilder.Build(new BuildOptions(_site.Input, _site.Theme, OutputDirectory: null, Today: TestSite.Today));
        var errors = checkedSite.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        Assert.All(errors, e => Assert.EndsWith("echographie-du-foie-essai.md", e.File));
        Assert.Equal(marks, errors.Select(e => e.Line));
        Assert.All(errors, e => Assert.Contains("encore présent", e.Message));

        // Once each is written, the sheet builds: its header is one the build accepts.
        File.WriteAllText(sheet, string.Join('\n', lines.Select(l => l.StartsWith("[À compléter : ", StringComparison.Ordinal)
            ? "L’examen dure une vingtaine de minutes. Vous êtes allongé sur le dos."
            : l)));
        var written = SiteBuilder.Build(new BuildOptions(_site.Input, _site.Theme, OutputDirectory: null, Today: TestSite.Today));
        Assert.True(written.Succeeded, string.Join("\n", written.Diagnostics));
        await context.CloseAsync();
    }

    private static string? Missing()
    {
        if (!File.Exists(BrowserEnvironment.ChromiumPath))
        {
            return $"Chromium is missing: no {BrowserEnvironment.ChromiumPath} (Debian package « chromium »).";
        }
        if (!File.Exists(DecapServer) || !File.Exists(Path.Combine(Bundle, "decap-cms.js")))
        {
            return "Decap CMS or decap-server is missing from tools/node_modules (bash .ci/install-test-tools).";
        }
        return Node() is null ? "Node.js is missing (node on the PATH)." : null;
    }

    private static string? Node() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
        .Select(folder => Path.Combine(folder, "node")).FirstOrDefault(File.Exists);

    private static DecapServerProcess StartDecapServer(string repository)
    {
        var start = new ProcessStartInfo(Node()!, [DecapServer])
        {
            WorkingDirectory = repository,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["PORT"] = DecapServerPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["GIT_REPO_DIRECTORY"] = repository;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        var running = new DecapServerProcess(process);
        for (var waited = 0; waited < 15_000; waited += 100)
        {
            if (process.HasExited)
            {
                Assert.Fail($"decap-server stopped (is port {DecapServerPort} taken?): {process.StandardError.ReadToEnd()}");
            }
            try
            {
                using var probe = new TcpClient("127.0.0.1", DecapServerPort);
                return running;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }
        running.Dispose();
        throw new TimeoutException($"decap-server did not listen on port {DecapServerPort} within 15 s.");
    }

    private static YamlMappingNode Header(string text)
    {
        var end = text.IndexOf("\n---", 4, StringComparison.Ordinal);
        Assert.StartsWith("---\n", text);
        var stream = new YamlStream();
        stream.Load(new StringReader(text[4..end]));
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static string Value(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value!;

    // The server this test started, and only it, is stopped when the test ends.
    private sealed class DecapServerProcess(Process process) : IDisposable
    {
        public void Dispose()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5_000);
            }
            process.Dispose();
        }
    }
}
