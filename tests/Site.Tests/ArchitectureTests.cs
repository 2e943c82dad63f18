using System.Text.RegularExpressions;

namespace FichesSite.Tests;

/// <summary>
/// Dependencies between the folders of src/ point one way: no folder reaches, through any chain, back to itself. Read
/// from the sources: a file of src/X depends on folder Y when it has « using FichesSite.Y », names « FichesSite.Y. »,
/// or, inside namespace FichesSite, names « Y.T » where T is a type or namespace of src/Y (C# resolves « Y » to
/// FichesSite.Y before any using; « Content.Length » on a property named Content is not a dependency).
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
    public void The_reader_sees_the_dependencies_it_is_shown()
    {
        // The reader itself, on the three forms it knows: a test of the test, so that a blind reader cannot pass.
        var names = Folders();
        Assert.Empty(Named("namespace FichesSite.Markdown;\nvar next = literal is { Content.Length: > 0 };\n", names));
        Assert.Equal(["Markdown"], Named("namespace FichesSite.Content;\nusing FichesSite.Markdown;\n", names));
        Assert.Equal(["Search"], Named("namespace FichesSite.Content;\nvar x = FichesSite.Search.Thing.Make();\n", names));
        Assert.Equal(["Build"], Named("namespace FichesSite.Print;\nif (Build.SiteMark.IsOn(x)) {}\n", names));
        Assert.Empty(Named("namespace FichesSite.Print;\n// Build.SiteMark in a comment\nvar s = \"Build.SiteMark\";\n", names));
    }

    // Folder → folders its files name, from every .cs file under src/ (files at the root belong to no folder).
    private static Dictionary<string, HashSet<string>> Dependencies()
    {
        var names = Folders();
        var graph = names.Keys.ToDictionary(n => n, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Src, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Src, file).Replace('\\', '/');
            var slash = relative.IndexOf('/');
            if (slash < 0)
            {
                continue;
            }
            var folder = relative[..slash];
            graph[folder].UnionWith(Named(File.ReadAllText(file), names).Where(n => n != folder));
        }
        return graph;
    }

    // Each folder of src/ with the names it declares: its types, and its sub-folders' namespaces.
    private static Dictionary<string, HashSet<string>> Folders()
    {
        var folders = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var folder in Directory.EnumerateDirectories(Src))
        {
            var declared = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
            {
                declared.UnionWith(Declaration().Matches(File.ReadAllText(file)).Select(m => m.Groups["name"].Value));
            }
            declared.UnionWith(Directory.EnumerateDirectories(folder).Select(Path.GetFileName).OfType<string>());
            folders[Path.GetFileName(folder)] = declared;
        }
        return folders;
    }

    private static IEnumerable<string> Named(string source, Dictionary<string, HashSet<string>> folders)
    {
        var code = Namespace().Replace(Comment().Replace(StringLiteral().Replace(source, "\"\""), ""), "");
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in Qualified().Matches(code))
        {
            found.Add(m.Groups["folder"].Value);
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
        }
        return found.Where(folders.ContainsKey).Order(StringComparer.Ordinal).ToList();
    }

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
            var files = Directory.EnumerateFiles(Path.Combine(Src, link.First), "*.cs", SearchOption.AllDirectories)
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

    [GeneratedRegex(@"\$?@?""(?:[^""\\\n]|\\.)*""")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();
}
