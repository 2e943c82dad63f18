using System.IO.Enumeration;
using System.Text;
using FichesSite.Build;

namespace FichesSite.Tests.Paths;

/// <summary>
/// What a build may never do, whatever the names and links of its content: hang, fail with an internal error,
/// write outside its output folder (and the reports folder beside the content), or publish a byte of a file that
/// lies outside the content folder.
/// </summary>
public static class Confinement
{
    /// <summary>Written in every file planted outside the content folder: it must never reach the site.</summary>
    public const string Secret = "SECRET-7f3a9c-HORS-DU-CONTENU";

    private static readonly TimeSpan MaxBuildTime = TimeSpan.FromSeconds(30);

    /// <summary>A folder beside the content with a page, an image, a data file and a site.yml that all carry the secret.</summary>
    public static string PlantSecrets(TestSite site)
    {
        var outside = Directory.CreateDirectory(Path.Combine(site.Root, "dehors")).FullName;
        File.WriteAllText(Path.Combine(outside, "secret.md"), $"---\ntitle: \"{Secret}\"\ndescription: \"{Secret}.\"\n---\n\n## {Secret}\n\n{Secret}\n");
        File.WriteAllText(Path.Combine(outside, "secret.png"), "\u0089PNG " + Secret);
        File.WriteAllText(Path.Combine(outside, "secret.yml"), $"- terme: secret\n  definition: {Secret}\n  relu: false\n");
        File.WriteAllText(Path.Combine(outside, "site.yml"), File.ReadAllText(Path.Combine(site.Input, "site.yml")).Replace("name: ", $"name: {Secret} ", StringComparison.Ordinal));
        var data = Directory.CreateDirectory(Path.Combine(outside, "data")).FullName;
        File.WriteAllText(Path.Combine(data, "glossaire.yml"), $"- terme: secret\n  definition: {Secret}\n  relu: false\n");
        return outside;
    }

    /// <summary>Builds, and checks the rules that hold whether the build succeeds or not; returns its result.</summary>
    public static BuildResult BuildAndCheck(TestSite site)
    {
        var before = FilesUnder(site.Root, except: [site.Output, Path.Combine(site.Root, "reports")]);
        var rootIndexBefore = File.Exists("/index.html");
        var build = Task.Run(() => site.Build());
        Assert.True(build.Wait(MaxBuildTime), "the build did not finish in time");
        var result = build.Result;

        Assert.DoesNotContain(result.Errors, e => e.Message.StartsWith(FichesSite.Pipeline.PipelineRunner.InternalErrorMessage, StringComparison.Ordinal));
        Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.File) || string.IsNullOrWhiteSpace(e.Fix)));
        Assert.Equal(before, FilesUnder(site.Root, except: [site.Output, Path.Combine(site.Root, "reports")]));
        Assert.Equal(rootIndexBefore, File.Exists("/index.html"));
        if (!result.Succeeded)
        {
            Assert.NotEmpty(result.Errors);
            Assert.False(Directory.Exists(site.Output), "a failed build published a site");
            return result;
        }
        var secret = Encoding.UTF8.GetBytes(Secret);
        foreach (var (path, isLink) in Entries(site.Output))
        {
            Assert.False(isLink, $"the site holds a symbolic link: {path}");
            if (File.Exists(path))
            {
                Assert.True(File.ReadAllBytes(path).AsSpan().IndexOf(secret) < 0, $"{path} holds bytes of a file outside the content folder");
            }
        }
        return result;
    }

    /// <summary>Files and folders under a folder (links listed, never entered), with whether each is a link.</summary>
    public static IEnumerable<(string Path, bool IsLink)> Entries(string folder) =>
        new FileSystemEnumerable<(string, bool)>(folder,
            (ref FileSystemEntry e) => (e.ToFullPath(), (e.Attributes & FileAttributes.ReparsePoint) != 0),
            new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
        {
            ShouldRecursePredicate = (ref FileSystemEntry e) => (e.Attributes & FileAttributes.ReparsePoint) == 0,
        };

    private static string FilesUnder(string folder, string[] except) =>
        string.Join("\n", Entries(folder).Select(e => e.Path)
            .Where(p => !except.Any(x => p == x || p.StartsWith(x + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal));
}
