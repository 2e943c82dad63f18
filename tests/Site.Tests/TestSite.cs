using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using FichesSite.Build;

namespace FichesSite.Tests;

/// <summary>
/// A throw-away copy of the repository's content and a temporary output folder, so that every
/// test builds on its own and tests can run in parallel.
/// </summary>
public sealed class TestSite : IDisposable
{
    private static readonly HtmlParser Parser = new();

    /// <param name="ownTheme">Copies the theme too, for tests that break it.</param>
    public TestSite(bool ownTheme = false)
    {
        Root = Directory.CreateTempSubdirectory("fiches-test-").FullName;
        Input = Path.Combine(Root, "input");
        Output = Path.Combine(Root, "_site");
        CopyDirectory(Path.Combine(RepositoryRoot, "input"), Input);
        Theme = RepositoryTheme;
        if (ownTheme)
        {
            Theme = Path.Combine(Root, "theme");
            CopyDirectory(Path.Combine(RepositoryRoot, "theme"), Theme);
        }
    }

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>This site's theme: the repository's, or its own copy.</summary>
    public string Theme { get; }

    /// <summary>The repository's theme, for tests that only read it.</summary>
    public static string RepositoryTheme => Path.Combine(RepositoryRoot, "theme");

    public string Root { get; }
    public string Input { get; }
    public string Output { get; }

    /// <summary>The date review deadlines are checked against in tests, so that results do not change with the calendar.</summary>
    public static readonly DateOnly Today = new(2026, 6, 1);

    /// <param name="report">Where to write the review report; none by default.</param>
    public BuildResult Build(string? output = null, bool strict = false, string? baseUrl = null, string? report = null,
        Pipeline.BuildTarget target = Pipeline.BuildTarget.Public) =>
        SiteBuilder.Build(new BuildOptions(Input, Theme, output ?? Output, baseUrl, strict, Today, report) { Target = target });

    /// <summary>Runs the command line as an author would, and returns its exit code.</summary>
    public int Run(params string[] extraArguments) =>
        Program.Main(["--input", Input, "--theme", Theme, "--output", Output, .. extraArguments]);

    /// <summary>Adds a fixture from tests/Site.Tests/Fixtures as a fiche of this site.</summary>
    public string AddFiche(string fixtureName) => AddFixture(fixtureName, "fiches/" + fixtureName);

    /// <summary>Copies a fixture to a path of the content folder.</summary>
    public string AddFixture(string fixtureName, string inputPath)
    {
        var destination = Path.Combine(Input, inputPath);
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", fixtureName), destination);
        return destination;
    }

    public IDocument Page(string sitePath) => Parser.ParseDocument(File.ReadAllText(Path.Combine(Output, sitePath)));

    public IEnumerable<string> HtmlPages() =>
        Directory.EnumerateFiles(Output, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Output, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    public void Dispose() => Directory.Delete(Root, recursive: true);

    public static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Site.csproj")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Site.csproj not found above the test folder.");
    }
}
