namespace FichesSite.Pipeline;

/// <summary>
/// The files the build writes at the root of every site besides the pages: named here, below the stages, so that the
/// writer that makes them and the reader that keeps content from taking their names share one list.
/// </summary>
public static class SiteRootFiles
{
    /// <summary>The mark of a site this generator built: the only kind of folder it replaces (Build/SiteMark).</summary>
    public const string Mark = ".fiches-site";

    public const string SiteMap = "sitemap.xml";
    public const string Robots = "robots.txt";

    /// <summary>What the site is (target, address, page count), for the package command and for mirrors (Build/BuildInfoFile).</summary>
    public const string BuildInfo = "build.json";

    public static readonly IReadOnlyList<string> All = [PageAddresses.HomePage, PageAddresses.NotFoundPage, SiteMap, Robots, BuildInfo, Mark];
}
