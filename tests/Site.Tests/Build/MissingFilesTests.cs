using FichesSite.Pipeline;

namespace FichesSite.Tests.Build;

/// <summary>
/// The class of « a file or folder the build expects is not there, or is not what it should be »: every file and
/// folder of the repository's content and theme, in turn, removed or replaced by the other kind (a folder where a
/// file was, a file where a folder was). Whatever the build thinks of the result, it answers in French, without an
/// exception or an internal error, and a failed build leaves the site it found untouched.
/// </summary>
public sealed class MissingFilesTests
{
    public enum Damage { Removed, OtherKind }

    public static TheoryData<string, Damage> Cases()
    {
        var cases = new TheoryData<string, Damage>();
        foreach (var folder in new[] { "input", "theme" })
        {
            var root = Path.Combine(TestSite.RepositoryRoot, folder);
            cases.Add(folder, Damage.Removed);
            cases.Add(folder, Damage.OtherKind);
            foreach (var entry in Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var relative = Path.Combine(folder, Path.GetRelativePath(root, entry)).Replace('\\', '/');
                cases.Add(relative, Damage.Removed);
                cases.Add(relative, Damage.OtherKind);
            }
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_missing_or_misshapen_file_or_folder_is_told_in_French_and_leaves_the_site_untouched(string relative, Damage damage)
    {
        using var site = new TestSite(ownTheme: true);
        Assert.True(site.Build().Succeeded);
        var before = FolderSnapshot.Of(site.Output);

        var path = Path.Combine(site.Root, relative);
        var wasFolder = Directory.Exists(path);
        if (wasFolder)
        {
            Directory.Delete(path, recursive: true);
        }
        else
        {
            File.Delete(path);
        }
        if (damage == Damage.OtherKind)
        {
            if (wasFolder)
            {
                File.WriteAllText(path, "");
            }
            else
            {
                Directory.CreateDirectory(path);
            }
        }

        var result = site.Build();

        Assert.DoesNotContain(result.Diagnostics, d => d.Message.Contains(PipelineRunner.InternalErrorMessage, StringComparison.Ordinal)
            || d.Message.Contains(PipelineRunner.SiteInternalErrorMessage, StringComparison.Ordinal));
        if (!result.Succeeded)
        {
            Assert.NotEmpty(result.Errors);
            Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Fix), $"{e.File}: « {e.Message} » has no fix"));
            Assert.Equal(before, FolderSnapshot.Of(site.Output));
        }
    }
}
