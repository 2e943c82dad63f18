namespace FichesSite.Build;

/// <summary>
/// Puts a staged folder in the place of a target folder by two renames: the target, when there is one, is moved aside,
/// then the staged folder takes its name. Readers of the target never see half of either, and a failure at any step
/// leaves the earlier folder in place, or says where it stayed when it could not be put back. What to do with the
/// earlier folder once set aside (delete it, and how) is the caller's: only the caller knows what it holds.
/// </summary>
public static class FolderSwap
{
    /// <summary>The infix of the name an earlier folder is set aside under, beside the target.</summary>
    public const string AsideInfix = ".old-";

    /// <summary>Swaps <paramref name="staging"/> in as <paramref name="target"/> (both full paths, beside each other).</summary>
    /// <returns>Where the earlier folder was set aside, or null when the target did not exist.</returns>
    /// <exception cref="FolderSwapException">The staged folder is not in place.</exception>
    public static string? Swap(string staging, string target, string asideSuffix)
    {
        var hadFolder = Directory.Exists(target);
        var aside = target + AsideInfix + asideSuffix;
        if (hadFolder)
        {
            try
            {
                Directory.Move(target, aside);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new FolderSwapException(e, earlierLeftAt: null);
            }
        }
        try
        {
            Directory.Move(staging, target);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (hadFolder && !PutBack(aside, target))
            {
                throw new FolderSwapException(e, earlierLeftAt: aside);
            }
            throw new FolderSwapException(e, earlierLeftAt: null);
        }
        return hadFolder ? aside : null;
    }

    private static bool PutBack(string aside, string target)
    {
        try
        {
            Directory.Move(aside, target);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}

/// <summary>The staged folder was not put in place; the earlier one is back in place unless <see cref="EarlierLeftAt"/> says otherwise.</summary>
public sealed class FolderSwapException(Exception cause, string? earlierLeftAt) : IOException(cause.Message, cause)
{
    /// <summary>Where the earlier folder stayed, set aside, when it could not be put back; null when it is in place (or there was none).</summary>
    public string? EarlierLeftAt => earlierLeftAt;
}
