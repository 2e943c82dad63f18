using System.Text;

namespace FichesSite.Bench;

/// <summary>
/// File writes that leave unchanged files alone and delete nothing. On this project's machine the file system is
/// ext4 without a journal, whose inode allocator skips every inode deleted in the last minute or so, one by one
/// (<c>find_inode_bit</c> → <c>recently_deleted</c> in <c>perf</c>): a build that creates tens of thousands of files
/// just after as many were deleted spends seconds, even tens of seconds, in the kernel. The benchmark therefore
/// never deletes right before a measured build (docs/benchmarks.md, « The disk »).
/// </summary>
public static class QuietFiles
{
    /// <summary>Writes <paramref name="text"/> (UTF-8) unless the file already holds exactly that.</summary>
    public static void Write(string path, string text) => Write(path, Encoding.UTF8.GetBytes(text));

    /// <summary>Copies <paramref name="source"/> unless the destination already holds the same bytes.</summary>
    public static void Copy(string source, string destination) => Write(destination, File.ReadAllBytes(source));

    private static void Write(string path, byte[] bytes)
    {
        if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
        {
            return;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    /// <summary>A folder name of its own for this benchmark's outputs, under its work folder.</summary>
    public static string NewRunName() => $"runs-{DateTime.UtcNow:yyyyMMdd-HHmmss}";

    /// <summary>Deletes the outputs of earlier benchmarks under <paramref name="work"/>: call it once nothing is measured any more.</summary>
    public static void DeleteEarlierRuns(string work, string thisRun)
    {
        foreach (var earlier in Directory.EnumerateDirectories(work, "runs-*").Where(d => Path.GetFileName(d) != thisRun).ToList())
        {
            Directory.Delete(earlier, recursive: true);
        }
    }

    /// <summary>Deletes the files of <paramref name="folder"/> (not its sub-folders) that <paramref name="keep"/> does not name.</summary>
    public static void RemoveOthers(string folder, IReadOnlySet<string> keep)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }
        foreach (var file in Directory.EnumerateFiles(folder).Where(f => !keep.Contains(Path.GetFileName(f))).ToList())
        {
            File.Delete(file);
        }
    }
}
