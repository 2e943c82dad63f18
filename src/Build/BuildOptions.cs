namespace FichesSite.Build;

/// <param name="InputDirectory">The content: site.yml, contracts.yml, fiches/, pages/.</param>
/// <param name="ThemeDirectory">layouts/, partials/, assets/, i18n/.</param>
/// <param name="OutputDirectory">Where the site goes; null checks everything and writes nothing.</param>
/// <param name="BaseUrl">Overrides the target's address in site.yml: base_url for the public site, intranet_base_url for the intranet's.</param>
/// <param name="Strict">Warnings fail the build too.</param>
/// <param name="Today">The date review deadlines are checked against; by default <see cref="BuildDate.Today"/>.</param>
/// <param name="ReportPath">Where the review report goes (JSON, outside the site); null writes none.</param>
/// <param name="SearchSplitAboveBytes">Size past which the search index is split into chunks (tests lower it).</param>
public sealed record BuildOptions(
    string InputDirectory = "input",
    string ThemeDirectory = "theme",
    string? OutputDirectory = "_site",
    string? BaseUrl = null,
    bool Strict = false,
    DateOnly? Today = null,
    string? ReportPath = null,
    long SearchSplitAboveBytes = Search.SearchIndexStage.DefaultSplitAboveBytes)
{
    /// <summary>
    /// Decap CMS's bundle (the npm package's dist/ folder), copied into admin/ when site.yml has « cms: »; installed into
    /// tools/ by .ci/install-test-tools, and found from the folder the command runs in, like the theme.
    /// </summary>
    public string CmsBundleDirectory { get; init; } = DefaultCmsBundleDirectory;

    /// <summary>Which site the build makes from the one source: the public one (the default) or the intranet's.</summary>
    public Pipeline.BuildTarget Target { get; init; } = Pipeline.BuildTarget.Public;

    public const string DefaultCmsBundleDirectory = "tools/node_modules/decap-cms/dist";
}
