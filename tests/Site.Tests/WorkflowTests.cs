using YamlDotNet.RepresentationModel;

namespace FichesSite.Tests;

/// <summary>
/// The GitHub workflows, read as data (Actions cannot run here): for Pages, triggers, permissions, the build steps in
/// order, and the deployment; for pull requests, the quick tests, the content check and the built site kept. .ci/run
/// also validates both against the workflow schema with action-validator.
/// </summary>
public sealed class WorkflowTests
{
    private static readonly YamlMappingNode Workflow = Load("pages.yml");
    private static readonly YamlMappingNode Check = Load("check.yml");

    [Fact]
    public void Runs_on_push_to_main_and_on_demand()
    {
        var on = Map(Workflow, "on");
        Assert.Equal(["main"], Sequence(Map(on, "push"), "branches"));
        Assert.True(on.Children.ContainsKey(new YamlScalarNode("workflow_dispatch")));
    }

    [Fact]
    public void Has_the_permissions_pages_needs_and_one_deployment_at_a_time()
    {
        var permissions = Map(Workflow, "permissions");
        Assert.Equal("read", Text(permissions, "contents"));
        Assert.Equal("write", Text(permissions, "pages"));
        Assert.Equal("write", Text(permissions, "id-token"));
        Assert.Equal("pages", Text(Map(Workflow, "concurrency"), "group"));
    }

    [Fact]
    public void Build_job_publishes_the_generator_tests_builds_with_the_pages_base_url_prints_the_pdfs_and_uploads_the_site_in_that_order()
    {
        const string generator = "\"$FICHES_PUBLISHED_GENERATOR\"";
        var steps = Steps("build");
        var order = new[]
        {
            Index(steps, s => Uses(s) == "actions/checkout@v4"),
            Index(steps, s => Uses(s) == "actions/setup-dotnet@v4" && Text(Map(s, "with"), "dotnet-version") == "10.0.x"),
            Index(steps, s => Uses(s) == "actions/configure-pages@v5" && Text(s, "id") == "pages"),
            // The tests run the published generator (tests/Site.Tests/Published): it must be there, and named, before them.
            Index(steps, s => Run(s) is { } run && run.StartsWith("dotnet publish Site.csproj -c Release -r linux-x64 -o \"$RUNNER_TEMP/generator\"\n", StringComparison.Ordinal)
                && run.Contains("FICHES_PUBLISHED_GENERATOR=$RUNNER_TEMP/generator/Site\" >> \"$GITHUB_ENV\"", StringComparison.Ordinal)),
            Index(steps, s => Run(s) == ReadmeTestCommand()),
            Index(steps, s => Run(s) is { } run && run.StartsWith(generator + " --strict", StringComparison.Ordinal)
                && run.Contains("--base-url \"${{ steps.pages.outputs.base_url }}/\"", StringComparison.Ordinal)),
            Index(steps, s => Run(s) is { } run && run.Split('\n').Contains(generator + " pdf")),
            Index(steps, s => Uses(s) == "actions/upload-pages-artifact@v3" && Text(Map(s, "with"), "path") == "_site"),
        };
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
    }

    [Fact]
    public void Deploy_job_publishes_to_the_github_pages_environment()
    {
        var deploy = Map(Map(Workflow, "jobs"), "deploy");
        Assert.Equal("build", Text(deploy, "needs"));
        var environment = Map(deploy, "environment");
        Assert.Equal("github-pages", Text(environment, "name"));
        Assert.Equal("${{ steps.deployment.outputs.page_url }}", Text(environment, "url"));
        var step = Assert.Single(Steps("deploy"));
        Assert.Equal("actions/deploy-pages@v4", Uses(step));
        Assert.Equal("deployment", Text(step, "id"));
    }

    [Fact]
    public void Check_runs_on_every_pull_request_with_read_only_permissions()
    {
        var on = Map(Check, "on");
        Assert.Equal(["pull_request"], on.Children.Keys.Select(k => ((YamlScalarNode)k).Value));
        Assert.Equal(["contents"], Map(Check, "permissions").Children.Keys.Select(k => ((YamlScalarNode)k).Value));
        Assert.Equal("read", Text(Map(Check, "permissions"), "contents"));
    }

    [Fact]
    public void Check_job_runs_the_quick_tests_then_the_content_check_even_after_a_failed_test_then_keeps_the_built_site()
    {
        var steps = Steps(Check, "check");
        var order = new[]
        {
            Index(steps, s => Uses(s) == "actions/checkout@v4"),
            Index(steps, s => Uses(s) == "actions/setup-dotnet@v4" && Text(Map(s, "with"), "dotnet-version") == "10.0.x"),
            Index(steps, s => Run(s) == ReadmeQuickTestCommand()),
            Index(steps, s => Run(s) == "dotnet run --project Site.csproj -- check" && Text(s, "if") == "${{ !cancelled() }}"),
            Index(steps, s => Run(s) == "dotnet run --project Site.csproj -- check --target intranet" && Text(s, "if") == "${{ !cancelled() }}"),
            Index(steps, s => Run(s) == "dotnet run --project Site.csproj"),
            Index(steps, s => Uses(s) == "actions/upload-artifact@v4" && Text(Map(s, "with"), "path") == "_site"),
        };
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
        // GitHub sets it for every step: the generator prints annotations because of it, so no step may unset it.
        var lines = File.ReadAllLines(Path.Combine(TestSite.RepositoryRoot, ".github", "workflows", "check.yml"));
        Assert.DoesNotContain(lines.Where(l => !l.TrimStart().StartsWith('#')), l => l.Contains("GITHUB_ACTIONS", StringComparison.Ordinal));
    }

    /// <summary>The test command the README gives a newcomer: the workflow must run the same one.</summary>
    private static string ReadmeTestCommand() => ReadmeCommand(l => l.StartsWith("dotnet test ", StringComparison.Ordinal));

    /// <summary>The README's quick local test command (no browser tests): the pull-request check runs it.</summary>
    private static string ReadmeQuickTestCommand() => ReadmeCommand(l => l.StartsWith("dotnet test ", StringComparison.Ordinal) && l.Contains("--filter", StringComparison.Ordinal));

    private static string ReadmeCommand(Func<string, bool> match) =>
        File.ReadAllLines(Path.Combine(TestSite.RepositoryRoot, "README.md")).First(match).Split('#')[0].Trim();

    private static List<YamlMappingNode> Steps(string job) => Steps(Workflow, job);

    private static List<YamlMappingNode> Steps(YamlMappingNode workflow, string job) =>
        ((YamlSequenceNode)Node(Map(Map(workflow, "jobs"), job), "steps")).Children.Cast<YamlMappingNode>().ToList();

    private static int Index(List<YamlMappingNode> steps, Func<YamlMappingNode, bool> match) => steps.FindIndex(s => match(s));

    private static string? Uses(YamlMappingNode step) => Text(step, "uses");

    private static string? Run(YamlMappingNode step) => Text(step, "run");

    private static YamlNode Node(YamlMappingNode node, string key) => node.Children[new YamlScalarNode(key)];

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)Node(node, key);

    private static string? Text(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? (child as YamlScalarNode)?.Value : null;

    private static List<string?> Sequence(YamlMappingNode node, string key) =>
        ((YamlSequenceNode)Node(node, key)).Children.Select(c => ((YamlScalarNode)c).Value).ToList();

    private static YamlMappingNode Load(string name)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(TestSite.RepositoryRoot, ".github", "workflows", name))));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }
}
