namespace FichesSite.Tests.Build;

/// <summary>
/// Every entry under a folder, links recorded and never followed, files by their bytes: two snapshots are equal
/// when nothing was added, removed or changed, byte for byte.
/// </summary>
public static class FolderSnapshot
{
    public static SortedDictionary<string, string> Of(string root)
    {
        var entries = new SortedDictionary<string, string>(StringComparer.Ordinal);
        Walk(new DirectoryInfo(root), root, entries);
        return entries;
    }

    private static void Walk(DirectoryInfo folder, string root, SortedDictionary<string, string> entries)
    {
        foreach (var entry in folder.EnumerateFileSystemInfos())
        {
            var name = Path.GetRelativePath(root, entry.FullName);
            if (entry.LinkTarget is { } target)
            {
                entries[name] = "link → " + target;
            }
            else if (entry is DirectoryInfo directory)
            {
                entries[name] = "folder";
                Walk(directory, root, entries);
            }
            else
            {
                entries[name] = "file " + Convert.ToBase64String(File.ReadAllBytes(entry.FullName));
            }
        }
    }
}
