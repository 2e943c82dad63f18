using System.Text.RegularExpressions;

namespace FichesSite.Tests;

/// <summary>
/// Dependencies between the folders of src/ point one way: no folder reaches, through any chain, back to itself. Read
/// from the sources: a file of src/X depends on folder Y when it has « using FichesSite.Y », names « FichesSite.Y. »,
/// or, inside namespace FichesSite, names « Y.T » where T is a type or namespace of src/Y (C# resolves « Y » to
/// FichesSite.Y before any using; « Content.Length » on a property named Content is not a dependency). Files at the
/// root of src/ (Program.cs) may use any folder, and no folder may use them. The reader trusts each file's namespace
/// to be its folder's, and sees no global using: both are checked here too.
/// </summary>
public sealed partial class ArchitectureTests
{
    private static readonly string Src = Path.Combine(TestSite.RepositoryRoot, "src");

    [Fact]
    public void No_folder_of_src_depends_on_itself_through_others()
    {
        var graph = Dependencies();
        var cycles = new List<string>();
        foreach (var start in graph.Keys.Order(StringComparer.Ordinal))
        {
            if (PathBack(graph, start) is { } path)
            {
                cycles.Add(string.Join(" → ", path));
            }
        }
        Assert.True(cycles.Count == 0, "Folder cycles (each link: a file of the first folder names the second):\n"
            + string.Join("\n", cycles) + "\n" + Explain(graph, cycles));
    }

    [Fact]
    public void The_pipeline_uses_nothing_else_of_ours()
    {
        var others = Dependencies()["Pipeline"].Where(d => d != "Text").ToList();
        Assert.True(others.Count == 0, $"src/Pipeline names {string.Join(", ", others)}: the runner and the document model stand below every stage.");
    }

    [Fact]
    public void Nothing_depends_on_the_root_of_src()
    {
        var users = Dependencies().Where(d => d.Key != Root && d.Value.Contains(Root)).Select(d => d.Key).ToList();
        Assert.True(users.Count == 0, $"{string.Join(", ", users)} name a type of the root of src/ (Program.cs): the entry point stands above every folder.");
    }

    [Fact]
    public void Each_file_of_src_has_its_folders_namespace()
    {
        var wrong = Directory.EnumerateFiles(Src, "*.cs", SearchOption.AllDirectories)
            .Select(f => NamespaceProblem(Path.GetRelativePath(Src, f).Replace('\\', '/'), File.ReadAllText(f)))
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToList();
        // A file moved without its namespace would still use its old namespace's types unqualified, unseen here.
        Assert.True(wrong.Count == 0, "Namespace and folder differ:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void No_global_using_brings_in_a_folder_of_ours()
    {
        var found = Directory.EnumerateFiles(Src, "*.cs", SearchOption.AllDirectories)
            .Where(f => GlobalUsing(File.ReadAllText(f)))
            .Concat(ProjectFiles().Where(f => ProjectUsing(File.ReadAllText(f))))
            .Select(f => Path.GetRelativePath(TestSite.RepositoryRoot, f).Replace('\\', '/'))
            .ToList();
        // A global using makes every file depend on a folder without a line that says so.
        Assert.True(found.Count == 0, $"Global using of a FichesSite namespace in {string.Join(", ", found)}: write the using in each file that needs it.");
    }

    [Fact]
    public void The_rules_fail_on_what_they_forbid()
    {
        Assert.Null(NamespaceProblem("Program.cs", "using FichesSite.Build;\nnamespace FichesSite;\n"));
        Assert.Null(NamespaceProblem("Markdown/Sections/PageSection.cs", "namespace FichesSite.Markdown.Sections\n{\n}\n"));
        Assert.NotNull(NamespaceProblem("Markdown/Sections/PageSection.cs", "namespace FichesSite.Markdown;\n"));
        Assert.NotNull(NamespaceProblem("Text/Moved.cs", "namespace FichesSite.Search;\n"));
        Assert.NotNull(NamespaceProblem("Text/NoNamespace.cs", "public static class NoNamespace { }\n"));
        Assert.True(GlobalUsing("global using FichesSite.Text;\n"));
        Assert.True(GlobalUsing("global using static FichesSite.Text.FrenchWords;\n"));
        Assert.False(GlobalUsing("global using System.Text;\n// global using FichesSite.Text;\n"));
        Assert.True(ProjectUsing("<ItemGroup>\n  <Using Include=\"FichesSite.Text\" />\n</ItemGroup>"));
        Assert.False(ProjectUsing("<Using Include=\"System.Text\" />\n<!-- <Using Include=\"FichesSite.Text\" /> -->"));
        var names = Folders();
        Assert.Contains("Program", names[Root]);
        Assert.Equal([Root], Named("namespace FichesSite.Build;\nvar code = Program.Main(args);\n", names));
        Assert.Equal([Root], Named("namespace FichesSite.Build;\nusing static FichesSite.Program;\n", names));
        Assert.Empty(Named("namespace FichesSite.Build;\n// Program.Main in a comment\nvar s = \"Program\";\n", names));
    }

    [Fact]
    public void The_reader_sees_the_dependencies_it_is_shown()
    {
        // The reader itself, on the three forms it knows: a test of the test, so that a blind reader cannot pass.
        var names = Folders();
        Assert.Empty(Named("namespace FichesSite.Markdown;\nvar next = literal is { Content.Length: > 0 };\n", names));
        Assert.Equal(["Markdown"], Named("namespace FichesSite.Content;\nusing FichesSite.Markdown;\n", names));
        Assert.Equal(["Search"], Named("namespace FichesSite.Content;\nvar x = FichesSite.Search.Thing.Make();\n", names));
        Assert.Equal(["Build"], Named("namespace FichesSite.Print;\nif (Build.SiteMark.IsOn(x)) {}\n", names));
        Assert.Empty(Named("namespace FichesSite.Print;\n// Build.SiteMark in a comment\nvar s = \"Build.SiteMark\";\n", names));
        // Raw, verbatim and character literals, and a quote inside a comment, hide nothing and show nothing.
        Assert.Empty(Named("namespace FichesSite.Print;\nvar css = $$\"\"\"\n  \"quoted\" Build.SiteMark {{x}}\n  \"\"\";\n", names));
        Assert.Empty(Named("namespace FichesSite.Print;\nvar path = @\"C:\\\";\nvar q = '\"';\nvar s = \"Build.SiteMark\";\n", names));
        Assert.Equal(["Build"], Named("namespace FichesSite.Print;\nvar q = '\"'; // a \" quote\nif (Build.SiteMark.IsOn(x)) {}\n", names));
        Assert.Equal(["Build"], Named("namespace FichesSite.Print;\nvar s = \"\"\"\n  text\n  \"\"\";\nif (Build.SiteMark.IsOn(x)) {}\n", names));
    }

    // The root of src/ in the graph: a name no folder can have.
    private const string Root = "(root of src)";

    // Folder → folders its files name, from every .cs file under src/ (files at the root: Root).
    private static Dictionary<string, HashSet<string>> Dependencies()
    {
        var names = Folders();
        var graph = names.Keys.ToDictionary(n => n, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var folder in names.Keys)
        {
            foreach (var file in FilesOf(folder))
            {
                graph[folder].UnionWith(Named(File.ReadAllText(file), names).Where(n => n != folder));
            }
        }
        return graph;
    }

    // Each folder of src/ (and the root) with the names it declares: its types, and its sub-folders' namespaces.
    private static Dictionary<string, HashSet<string>> Folders()
    {
        var folders = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var folder in Directory.EnumerateDirectories(Src).Select(Path.GetFileName).OfType<string>().Append(Root))
        {
            var declared = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in FilesOf(folder))
            {
                declared.UnionWith(Declaration().Matches(Code(File.ReadAllText(file))).Select(m => m.Groups["name"].Value));
            }
            if (folder != Root)
            {
                declared.UnionWith(Directory.EnumerateDirectories(Path.Combine(Src, folder)).Select(Path.GetFileName).OfType<string>());
            }
            folders[folder] = declared;
        }
        return folders;
    }

    private static IEnumerable<string> FilesOf(string folder) => folder == Root
        ? Directory.EnumerateFiles(Src, "*.cs", SearchOption.TopDirectoryOnly)
        : Directory.EnumerateFiles(Path.Combine(Src, folder), "*.cs", SearchOption.AllDirectories);

    private static IEnumerable<string> Named(string source, Dictionary<string, HashSet<string>> folders)
    {
        var code = Namespace().Replace(Code(source), "");
        var rootTypes = folders.GetValueOrDefault(Root, []);
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in Qualified().Matches(code))
        {
            found.Add(rootTypes.Contains(m.Groups["folder"].Value) ? Root : m.Groups["folder"].Value);
        }
        if (source.Contains("namespace FichesSite", StringComparison.Ordinal))
        {
            foreach (Match m in Relative().Matches(code))
            {
                if (folders.TryGetValue(m.Groups["folder"].Value, out var declared) && declared.Contains(m.Groups["name"].Value))
                {
                    found.Add(m.Groups["folder"].Value);
                }
            }
            // The root's types are in scope, unqualified, in every namespace under FichesSite.
            if (Identifier().Matches(code).Any(m => rootTypes.Contains(m.Value)))
            {
                found.Add(Root);
            }
        }
        return found.Where(folders.ContainsKey).Order(StringComparer.Ordinal).ToList();
    }

    // The code without its comments, and with every string or character literal emptied: what they say names nothing.
    private static string Code(string source) =>
        Literal().Replace(source, m => m.Groups["comment"].Success ? "" : "\"\"");

    // A file's namespace is FichesSite for the root of src/, FichesSite.X.Y for src/X/Y; null when it is.
    private static string? NamespaceProblem(string relativePath, string source)
    {
        var folder = Path.GetDirectoryName(relativePath)?.Replace('\\', '/') ?? "";
        var expected = folder.Length == 0 ? "FichesSite" : "FichesSite." + folder.Replace('/', '.');
        var declared = DeclaredNamespace().Matches(Code(source)).Select(m => m.Groups["name"].Value).ToList();
        return declared.Count == 0 ? $"src/{relativePath}: no namespace (expected {expected})"
            : declared.FirstOrDefault(n => n != expected) is { } other ? $"src/{relativePath}: namespace {other} (expected {expected})"
            : null;
    }

    private static bool GlobalUsing(string source) => OwnGlobalUsing().IsMatch(Code(source));

    private static bool ProjectUsing(string project) => OwnProjectUsing().IsMatch(XmlComment().Replace(project, ""));

    // The project and what it imports: Site.csproj, and any .props or .targets at the root or under src/.
    private static IEnumerable<string> ProjectFiles() =>
        Directory.EnumerateFiles(TestSite.RepositoryRoot, "*.csproj", SearchOption.TopDirectoryOnly)
            .Concat(new[] { "*.props", "*.targets" }.SelectMany(p => Directory.EnumerateFiles(TestSite.RepositoryRoot, p, SearchOption.TopDirectoryOnly)
                .Concat(Directory.EnumerateFiles(Src, p, SearchOption.AllDirectories))));

    // A shortest chain from start back to itself, or null.
    private static List<string>? PathBack(Dictionary<string, HashSet<string>> graph, string start)
    {
        var previous = new Dictionary<string, string>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        foreach (var next in graph[start].Order(StringComparer.Ordinal))
        {
            if (next == start)
            {
                return [start, start];
            }
            previous.TryAdd(next, start);
            queue.Enqueue(next);
        }
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            foreach (var next in graph.GetValueOrDefault(node, []).Order(StringComparer.Ordinal))
            {
                if (next == start)
                {
                    var path = new List<string> { start, node, start };
                    for (var back = node; previous[back] != start; back = previous[back])
                    {
                        path.Insert(1, previous[back]);
                    }
                    return path;
                }
                if (previous.TryAdd(next, node))
                {
                    queue.Enqueue(next);
                }
            }
        }
        return null;
    }

    // For each link of a cycle, the files that make it, so the message says where to look.
    private static string Explain(Dictionary<string, HashSet<string>> graph, List<string> cycles)
    {
        var names = Folders();
        var links = cycles.SelectMany(c => c.Split(" → ").Zip(c.Split(" → ").Skip(1))).Distinct().ToList();
        return string.Join("\n", links.Select(link =>
        {
            var files = FilesOf(link.First)
                .Where(f => Named(File.ReadAllText(f), names).Contains(link.Second))
                .Select(f => Path.GetRelativePath(TestSite.RepositoryRoot, f).Replace('\\', '/'))
                .Order(StringComparer.Ordinal);
            return $"  {link.First} → {link.Second}: {string.Join(", ", files)}";
        }));
    }

    // The file's own namespace declaration names its folder, not a dependency.
    [GeneratedRegex(@"^namespace [\w.]+;", RegexOptions.Multiline)]
    private static partial Regex Namespace();

    [GeneratedRegex(@"\bFichesSite\.(?<folder>[A-Z][A-Za-z]*)\b")]
    private static partial Regex Qualified();

    // « Build.SiteMark »: a folder's name followed by a name, not preceded by another name or a dot.
    [GeneratedRegex(@"(?<![\w.])(?<folder>[A-Z][A-Za-z]*)\.(?<name>[A-Z]\w*)")]
    private static partial Regex Relative();

    [GeneratedRegex(@"\b(?:class|record|struct|interface|enum)\s+(?<name>[A-Z]\w*)")]
    private static partial Regex Declaration();

    [GeneratedRegex(@"(?<![\w.])[A-Z]\w*")]
    private static partial Regex Identifier();

    // Left to right, so that a quote in a comment or a « // » in a string is not taken for what it is not: comments,
    // raw strings ("""…""", any number of quotes and $), verbatim strings (@"…"" …"), regular strings, characters.
    [GeneratedRegex(@"(?<comment>//[^\n]*|/\*.*?\*/)|\$*(?<quotes>""{3,}).*?\k<quotes>|(?:\$@|@\$?)""(?:[^""]|"""")*""|\$?""(?:[^""\\\n]|\\.)*""|'(?:[^'\\\n]|\\'|\\[^'\n]+)'", RegexOptions.Singleline)]
    private static partial Regex Literal();

    [GeneratedRegex(@"^\s*namespace\s+(?<name>[\w.]+)\s*[;{]", RegexOptions.Multiline)]
    private static partial Regex DeclaredNamespace();

    [GeneratedRegex(@"\bglobal\s+using\s+(?:static\s+)?(?:\w+\s*=\s*)?(?:global::)?FichesSite\b")]
    private static partial Regex OwnGlobalUsing();

    [GeneratedRegex(@"<Using\s[^>]*\bInclude\s*=\s*""FichesSite\b")]
    private static partial Regex OwnProjectUsing();

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex XmlComment();
}
