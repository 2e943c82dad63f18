using System.Text;

namespace FichesSite.Build;

/// <summary>
/// A small file at the root of a folder this generator made, with fixed bytes, by which a later run knows the folder
/// as its own: the site's (<see cref="SiteMark"/>) and the package command's staging folder's. A folder without its
/// mark is someone else's, whatever its name. While a run writes the folder it holds the mark (a shared advisory lock
/// the system releases when the process ends, even killed); a later run deletes a marked leftover only when it can take
/// the mark for itself (an exclusive lock), so never a folder a running command is writing.
/// </summary>
public sealed class FolderMark(string fileName, string content)
{
    private readonly byte[] _content = Encoding.UTF8.GetBytes(content);

    /// <summary>The mark's file name, at the folder's root.</summary>
    public string FileName => fileName;

    /// <summary>True when <paramref name="folder"/> holds the mark as a plain file (not a link) with its exact bytes.</summary>
    public bool IsOn(string folder)
    {
        var path = Path.Combine(folder, FileName);
        try
        {
            var info = new FileInfo(path);
            return info.Exists && info.LinkTarget is null && info.Length == _content.Length && File.ReadAllBytes(path).AsSpan().SequenceEqual(_content);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Marks a folder the command has just created; fails if a file of that name is already there.</summary>
    public void WriteInto(string folder) => OutputFolder.WriteNewFile(Path.Combine(folder, FileName), _content);

    /// <summary>
    /// Marks a folder the command has just created and holds the mark for as long as it runs, in one opening of the
    /// file: a shared advisory lock, which readers of the mark share too, so it ends with the process, even a killed
    /// one; deletion is shared too, so that the holder may take the mark off while it still holds it
    /// (<see cref="Remove"/>). Written, then locked, the folder would be marked and free for a moment, which another run
    /// could take for a killed one's leftover and delete; until its bytes are written the file is not the mark. Fails if
    /// a file of that name is already there.
    /// </summary>
    public FileStream WriteAndHold(string folder)
    {
        var hold = new FileStream(Path.Combine(folder, FileName), FileMode.CreateNew, FileAccess.Write, FileShare.Read | FileShare.Delete);
        try
        {
            hold.Write(_content);
            hold.Flush();
            return hold;
        }
        catch
        {
            hold.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Takes the mark of a folder to delete it: an exclusive lock, refused (null) while a command holds the mark, so a
    /// marked leftover whose mark cannot be taken belongs to a command still running.
    /// </summary>
    public FileStream? TakeForDeletion(string folder)
    {
        try
        {
            return new FileStream(Path.Combine(folder, FileName), FileMode.Open, FileAccess.Read, FileShare.None);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Deletes a marked folder whose mark <paramref name="hold"/> holds (<see cref="TakeForDeletion"/>, or this run's own
    /// <see cref="WriteAndHold"/>): its content first, the mark last, so that an interrupted deletion leaves a folder still
    /// marked, which the next run removes.
    /// </summary>
    public void Delete(string folder, FileStream hold)
    {
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos())
        {
            if (entry.Name == FileName)
            {
                continue;
            }
            // A link is removed, never followed: what it points to is not ours.
            if (entry is DirectoryInfo { LinkTarget: null } directory)
            {
                directory.Delete(recursive: true);
            }
            else
            {
                entry.Delete();
            }
        }
        hold.Dispose();
        File.Delete(Path.Combine(folder, FileName));
        Directory.Delete(folder);
    }

    /// <summary>
    /// What killed runs left beside <paramref name="target"/>: each folder there whose name <paramref name="isLeftoverName"/>
    /// accepts (with the target's name), that is not a link, carries this mark and whose mark no running command holds, is
    /// handed to <paramref name="remove"/> with its mark taken (<see cref="TakeForDeletion"/>; let go afterwards). A folder
    /// that cannot be listed or removed is tried again by the next run: what the run writes does not depend on it.
    /// </summary>
    public void RemoveLeftoversBeside(string target, Func<string, string, bool> isLeftoverName, Action<DirectoryInfo, FileStream> remove)
    {
        var parent = Path.GetDirectoryName(target);
        var name = Path.GetFileName(target);
        if (parent is null || !Directory.Exists(parent))
        {
            return;
        }
        try
        {
            foreach (var folder in new DirectoryInfo(parent).EnumerateDirectories())
            {
                if (folder.LinkTarget is not null || !isLeftoverName(folder.Name, name) || !IsOn(folder.FullName)
                    || TakeForDeletion(folder.FullName) is not { } hold)
                {
                    continue; // not ours, or a run still writing it
                }
                try
                {
                    remove(folder, hold);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Tried again by the next run.
                }
                finally
                {
                    hold.Dispose();
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A parent folder that cannot be listed: the run reports what matters when it writes.
        }
    }

    /// <summary>
    /// Takes the mark off a folder this run holds (<see cref="WriteAndHold"/>), leaving the rest: the file is deleted before the
    /// lock is let go, so no other run can take the mark meanwhile and delete the folder.
    /// </summary>
    public void Remove(string folder, FileStream hold)
    {
        try
        {
            File.Delete(Path.Combine(folder, FileName));
        }
        finally
        {
            hold.Dispose();
        }
    }
}
