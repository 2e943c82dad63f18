using YamlDotNet.RepresentationModel;

namespace FichesSite.Tests.Package;

/// <summary>
/// The Pages workflow keeps the public package for mirrors that pull it: made by the published generator after the PDF
/// handouts (so that they are in it), dated with the commit's time, and uploaded as an artifact. Read as data, like
/// WorkflowTests; .ci/run validates the file against the workflow schema.
/// </summary>
public sealed class PackageWorkflowTests
{
    [Fact]
    public void The_pages_workflow_packages_the_site_after_the_pdfs_and_keeps_the_package_as_an_artifact()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(TestSite.RepositoryRoot, ".github", "workflows", "pages.yml"))));
        var jobs = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode).Children[new YamlScalarNode("jobs")];
        var steps = ((YamlSequenceNode)((YamlMappingNode)jobs.Children[new YamlScalarNode("build")]).Children[new YamlScalarNode("steps")])
            .Children.Cast<YamlMappingNode>().ToList();

        // Both dated with the commit's time: the PDFs' dates are in the package too.
        var pdf = steps.FindIndex(s => Text(s, "run") is { } run
            && run.Split('\n').Contains("export SOURCE_DATE_EPOCH=\"$(git log -1 --format=%ct)\"")
            && run.Split('\n').Contains("\"$FICHES_PUBLISHED_GENERATOR\" pdf"));
        var package = steps.FindIndex(s => Text(s, "run") is { } run
            && run.Split('\n').Contains("export SOURCE_DATE_EPOCH=\"$(git log -1 --format=%ct)\"")
            && run.Split('\n').Contains("\"$FICHES_PUBLISHED_GENERATOR\" package"));
        var upload = steps.FindIndex(s => Text(s, "uses") == "actions/upload-artifact@v4"
            && s.Children[new YamlScalarNode("with")] is YamlMappingNode with
            && Text(with, "path") == "_package" && Text(with, "name") == "fiches-public-package" && Text(with, "if-no-files-found") == "error");

        Assert.True(pdf >= 0 && package > pdf && upload > package, $"pdf step {pdf}, package step {package}, upload step {upload}");
    }

    [Fact]
    public void The_package_folder_and_its_staging_folders_are_ignored_by_git()
    {
        var ignored = File.ReadAllLines(Path.Combine(TestSite.RepositoryRoot, ".gitignore"));

        Assert.Contains("_package/", ignored);
        Assert.Contains("_package.*/", ignored);
    }

    private static string? Text(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? (child as YamlScalarNode)?.Value : null;
}
