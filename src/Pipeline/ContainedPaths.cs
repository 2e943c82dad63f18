using System.Collections.Concurrent;
using System.IO.Enumeration;

namespace FichesSite.Pipeline;

/// <summary>
/// The one rule for every path that comes from content or theme: once every symbolic link is followed, at every
/// level of the path (a linked folder as much as a linked file), it must lie inside its folder. Readers open the
/// real path this gives, so what is checked is what is read. Listings never enter a linked folder: what a link
/// inside the folder points to is already listed where it really is, and a link that leads out is reported.
/// </summary>
public static class ContainedPaths
{
    /// <summary>Where a path leads once its links are followed.</summary>
    public enum Verdict
    {
        Inside,
        Outside,
        /// <summary>Links that loop, or chain past <see cref="MaxLinks"/>: the path leads nowhere.</summary>
        Loop,
    }

    /// <summary>A link met while listing a folder that leads out of it, or nowhere.</summary>
    public sealed record RefusedLink(string Relative, bool IsDirectory, Verdict Verdict);

    /// <summary>The files of a folder (relative paths, '/' between folders, in ordinal order) and the links refused there.</summary>
    public sealed record Listing(IReadOnlyList<string> Files, IReadOnlyList<RefusedLink> Refused);

    // As Linux (ELOOP): a chain of more links than this is taken for a loop.
    private const int MaxLinks = 40;

    private static readonly StringComparison PathComparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    // The real path of each folder checked against, found once: a build checks thousands of files against one folder.
    private static readonly ConcurrentDictionary<string, string?> RealFolders = new(StringComparer.Ordinal);

    /// <summary>
    /// Where <paramref name="path"/> leads inside <paramref name="folder"/>: <see cref="Verdict.Inside"/> with the real
    /// path to open (which may not exist: the caller reports a missing file), or why it may not be read.
    /// </summary>
    public static (Verdict Verdict, string RealPath) Resolve(string folder, string path)
    {
        var realFolder = RealFolders.GetOrAdd(Absolute(folder).TrimEnd(Path.DirectorySeparatorChar), RealPath);
        if (realFolder is null)
        {
            return (Verdict.Loop, "");
        }
        var full = Absolute(path);
        var lexicalFolder = Absolute(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        // Below the folder as written, the walk starts from the folder's real path: only the levels under it are read.
        var real = full.StartsWith(lexicalFolder, PathComparison)
            ? Walk(realFolder, full[lexicalFolder.Length..])
            : RealPath(full);
        if (real is null)
        {
            return (Verdict.Loop, "");
        }
        var inside = real.Equals(realFolder, PathComparison)
            || real.StartsWith(realFolder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, PathComparison);
        return (inside ? Verdict.Inside : Verdict.Outside, real);
    }

    /// <summary>The real path of a file or folder inside <paramref name="folder"/>, or null when it leads out of it or nowhere.</summary>
    public static string? Inside(string folder, string path) =>
        Resolve(folder, path) is (Verdict.Inside, var real) ? real : null;

    /// <summary>
    /// The path the system opens for <paramref name="path"/>: every link followed at every level, « .. » taken after
    /// the link before it as the system does. Null when links loop or chain past <see cref="MaxLinks"/>.
    /// </summary>
    public static string? RealPath(string path)
    {
        var full = Absolute(path);
        var root = Path.GetPathRoot(full)!;
        return Walk(root, full[root.Length..]);
    }

    /// <summary>
    /// Every file under <paramref name="folder"/> (and its sub-folders when <paramref name="recursive"/>), without
    /// entering linked folders. A link to a file inside is listed under its own name; a link that leads out, or
    /// loops, is refused; a link to a folder inside, or to nothing, is left out.
    /// </summary>
    public static Listing List(string folder, bool recursive)
    {
        if (!Directory.Exists(folder))
        {
            return new Listing([], []);
        }
        var options = new EnumerationOptions { RecurseSubdirectories = recursive, AttributesToSkip = 0 };
        var entries = new FileSystemEnumerable<(string Path, bool IsLink, bool IsDirectory)>(
            folder,
            (ref FileSystemEntry entry) => (entry.ToFullPath(), (entry.Attributes & FileAttributes.ReparsePoint) != 0, entry.IsDirectory),
            options)
        {
            ShouldRecursePredicate = (ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) == 0,
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory || (entry.Attributes & FileAttributes.ReparsePoint) != 0,
        };
        var files = new List<string>();
        var refused = new List<RefusedLink>();
        foreach (var (path, isLink, isDirectory) in entries)
        {
            var relative = Path.GetRelativePath(folder, path).Replace(Path.DirectorySeparatorChar, '/'); // a '\\' stays part of a name on Linux
            if (!isLink)
            {
                files.Add(relative);
                continue;
            }
            var (verdict, real) = Resolve(folder, path);
            if (verdict != Verdict.Inside)
            {
                refused.Add(new RefusedLink(relative, isDirectory, verdict));
            }
            else if (File.Exists(real))
            {
                files.Add(relative);
            }
        }
        files.Sort(StringComparer.Ordinal);
        refused.Sort((a, b) => string.CompareOrdinal(a.Relative, b.Relative));
        return new Listing(files, refused);
    }

    private static string Absolute(string path) =>
        Path.IsPathFullyQualified(path) ? path : Path.Join(Directory.GetCurrentDirectory(), path);

    // Walks the components of `rest` from `start` (a real path), replacing each link by its target's components.
    private static string? Walk(string start, string rest)
    {
        var pending = new Stack<string>();
        Push(pending, rest);
        var current = start;
        var links = 0;
        while (pending.TryPop(out var name))
        {
            if (name is "" or ".")
            {
                continue;
            }
            if (name == "..")
            {
                current = Path.GetDirectoryName(current) ?? current; // the root's parent is the root
                continue;
            }
            var next = Path.Join(current, name);
            var target = new FileInfo(next).LinkTarget;
            if (target is null)
            {
                current = next; // not a link, or nothing there: nothing more to follow
                continue;
            }
            if (++links > MaxLinks)
            {
                return null;
            }
            if (Path.IsPathRooted(target))
            {
                var root = Path.GetPathRoot(target)!;
                current = root.Length > 0 ? root : current;
                target = target[root.Length..];
            }
            Push(pending, target);
        }
        return current;
    }

    private static void Push(Stack<string> pending, string path)
    {
        var names = path.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar]);
        for (var i = names.Length - 1; i >= 0; i--)
        {
            pending.Push(names[i]);
        }
    }
}
