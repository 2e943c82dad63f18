using System.Text.RegularExpressions;

namespace FichesSite.Tests.Package;

/// <summary>
/// The package command stands above the build: src/Package may use Build and Pipeline, and only the command line
/// (src/Program.cs) uses it. ArchitectureTests forbids cycles; this holds the one direction.
/// </summary>
public sealed partial class PackageDependencyTests
{
    [Fact]
    public void Only_the_command_line_uses_the_package_folder()
    {
        var src = Path.Combine(TestSite.RepositoryRoot, "src");
        var users = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(src, f).Replace('\\', '/'))
            .Where(f => f.Contains('/') && !f.StartsWith("Package/", StringComparison.Ordinal))
            .Where(f => PackageUse().IsMatch(File.ReadAllText(Path.Combine(src, f))))
            .ToList();

        Assert.True(users.Count == 0, $"src/{string.Join(", src/", users)} use src/Package: only src/Program.cs may.");
        Assert.Matches(PackageUse(), File.ReadAllText(Path.Combine(src, "Program.cs")));
    }

    [GeneratedRegex(@"\bFichesSite\.Package\b|\bPackage\.(Package|SiteArchive|Checksums)\w*")]
    private static partial Regex PackageUse();
}
