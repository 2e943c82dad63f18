namespace FichesSite.Quality;

/// <summary>
/// Where the build writes its reports for the editorial team: « reports/ » beside the content folder
/// (the repository root for input/). Outside the site on purpose: they are never published.
/// Ignored by git (.gitignore).
/// </summary>
public static class ReportsFolder
{
    public static string For(string inputDirectory) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(inputDirectory).TrimEnd(Path.DirectorySeparatorChar)) ?? ".", "reports");
}
