using FichesSite.Brand;
using FichesSite.Content;
using FichesSite.Pipeline;
using FichesSite.Quality;
using FichesSite.Rendering;

namespace FichesSite.Build;

/// <summary>The site-wide settings a build starts from: input/site.yml, input/contracts.yml, input/data/glossaire.yml and the theme's words.</summary>
public sealed record BuildConfiguration(SiteConfig Site, IReadOnlyDictionary<string, ContentContract> Contracts, ThemeStrings Strings)
{
    /// <summary>The terms of input/data/glossaire.yml (empty without the file).</summary>
    public GlossaryTerms Glossary { get; init; } = GlossaryTerms.Empty;

    /// <summary>The services and themes of input/data/services.yml and themes.yml (empty without the files).</summary>
    public SiteCatalog Catalog { get; init; } = SiteCatalog.Empty;

    /// <summary>The files « brand: » in site.yml adds to the site (none without it), its colours checked for contrast.</summary>
    public BrandFiles Brand { get; init; } = BrandFiles.None;

    public static BuildConfiguration? Load(BuildOptions options, DiagnosticBag diagnostics)
    {
        if (!OutputIsSafe(options, diagnostics))
        {
            return null;
        }
        var sitePath = Path.Combine(options.InputDirectory, "site.yml");
        var stringsPath = Path.Combine(options.ThemeDirectory, "i18n", "fr.yml");
        if (!Directory.Exists(options.ThemeDirectory))
        {
            diagnostics.Error(SourcePaths.Display(options.ThemeDirectory), 0, "dossier du thème introuvable.",
                "Lancez la commande depuis la racine du dépôt, ou indiquez le dossier du thème avec --theme.");
            return null;
        }
        var themeIsInside = ThemeStaysInside(options.ThemeDirectory, diagnostics);
        var site = ContentFile(options.InputDirectory, sitePath, diagnostics) is { } siteFile
            ? SiteConfigFile.Read(siteFile, SourcePaths.Display(sitePath), diagnostics) : null;
        var contracts = LoadContracts(options.InputDirectory, diagnostics);
        var strings = InputFiles.Inside(options.ThemeDirectory, stringsPath, SourcePaths.Display(stringsPath), "du thème", diagnostics) is { } stringsFile
            ? ThemeStrings.Load(stringsFile, SourcePaths.Display(stringsPath), diagnostics) : null;
        var brand = site is null ? null : LoadBrand(options.InputDirectory, site, SourcePaths.Display(sitePath), diagnostics);
        var glossary = LoadGlossary(options, diagnostics);
        var catalog = LoadCatalog(options.InputDirectory, diagnostics);
        if (site is null || brand is null || contracts is null || strings is null || glossary is null || catalog is null || !themeIsInside)
        {
            return null;
        }
        if (!HoldNoPlaceholder(options.InputDirectory, ["site.yml", SiteCatalog.ServicesFile, SiteCatalog.ThemesFile, GlossaryTerms.DataFile], diagnostics))
        {
            return null;
        }

        // --base-url gives the address of the site being built: the public one, or the intranet's.
        var intranet = options.Target == BuildTarget.Intranet;
        site.Target = options.Target;
        var siteDisplay = SourcePaths.Display(sitePath);
        var valid = CheckedBaseUrl(intranet ? null : options.BaseUrl, site.BaseUrl, "base_url", site.BaseUrlLine, siteDisplay, diagnostics, out var publicUrl)
            & CheckedBaseUrl(intranet ? options.BaseUrl : null, site.IntranetBaseUrl, "intranet_base_url", site.IntranetBaseUrlLine, siteDisplay, diagnostics, out var intranetUrl);
        if (!valid)
        {
            return null;
        }
        (site.BaseUrl, site.IntranetBaseUrl) = (publicUrl, intranetUrl);
        site.TargetBaseUrl = intranet ? site.IntranetBaseUrl : site.BaseUrl;
        return new BuildConfiguration(site, contracts, strings) { Glossary = glossary, Catalog = catalog, Brand = brand };
    }

    // The site-wide address rule (UrlPolicy), then an absolute web address ending with one slash: it starts every
    // absolute link of the site (canonical, sitemap). An error names --base-url when the address came from there.
    private static bool CheckedBaseUrl(string? fromOption, string? fromFile, string key, int line, string siteDisplay, DiagnosticBag diagnostics, out string? checkedUrl)
    {
        checkedUrl = null;
        var url = fromOption ?? fromFile;
        if (url is null)
        {
            return true;
        }
        if (PunycodeLabels.InAddress(url) is { } label)
        {
            PunycodeLabels.Report(url, label, fromOption is null ? siteDisplay : "--base-url", fromOption is null ? line : 0, diagnostics);
            return false;
        }
        if (!UrlPolicy.IsAllowed(url) || UrlPolicy.SchemeOf(url) is not ("https" or "http")
            || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            diagnostics.Error(fromOption is null ? siteDisplay : "--base-url", fromOption is null ? line : 0,
                $"adresse de base « {url} » invalide.", $"Donnez après {(fromOption is null ? $"« {key}: »" : "--base-url")} une adresse complète, par exemple https://fiches.exemple.fr/ .");
            return false;
        }
        checkedUrl = url.TrimEnd('/') + "/";
        return true;
    }

    // The brand's colours checked pair by pair, then its files read: null after an error.
    private static BrandFiles? LoadBrand(string inputDirectory, SiteConfig site, string displayPath, DiagnosticBag diagnostics)
    {
        if (site.Brand is not { } brand)
        {
            return BrandFiles.None;
        }
        return BrandContrast.Check(brand, displayPath, diagnostics) is { } palette
            ? BrandFiles.Load(inputDirectory, brand, palette, displayPath, diagnostics)
            : null;
    }

    /// <summary>The content contracts of input/contracts.yml, read where the build reads them (never through a link out of the folder).</summary>
    public static Dictionary<string, ContentContract>? LoadContracts(string inputDirectory, DiagnosticBag diagnostics)
    {
        var path = Path.Combine(inputDirectory, "contracts.yml");
        return ContentFile(inputDirectory, path, diagnostics) is { } real ? ContractsFile.Read(real, SourcePaths.Display(path), diagnostics) : null;
    }

    /// <summary>The services and themes of input/data/, read where the build reads them.</summary>
    public static SiteCatalog? LoadCatalog(string inputDirectory, DiagnosticBag diagnostics)
    {
        var services = Path.Combine(inputDirectory, SiteCatalog.ServicesFile);
        var themes = Path.Combine(inputDirectory, SiteCatalog.ThemesFile);
        var servicesInside = ContentFile(inputDirectory, services, diagnostics);
        var themesInside = ContentFile(inputDirectory, themes, diagnostics);
        return servicesInside is null || themesInside is null
            ? null
            : CatalogFile.Load((servicesInside, SourcePaths.Display(services)), (themesInside, SourcePaths.Display(themes)), diagnostics);
    }

    // Marked terms link to the glossary page, so terms without that page would be broken links on every sheet.
    private static GlossaryTerms? LoadGlossary(BuildOptions options, DiagnosticBag diagnostics)
    {
        var path = Path.Combine(options.InputDirectory, GlossaryTerms.DataFile);
        var display = SourcePaths.Display(path);
        if (ContentFile(options.InputDirectory, path, diagnostics) is not { } file)
        {
            return null;
        }
        var glossary = GlossaryFile.Load(file, display, diagnostics);
        if (glossary is { IsEmpty: false } && !File.Exists(Path.Combine(options.InputDirectory, PageAddresses.GlossarySource)))
        {
            diagnostics.Error(display, 0, $"le glossaire n’a pas de page : « {PageAddresses.GlossarySource} » manque dans le dossier de contenu.",
                "Créez cette page (un titre, une phrase d’introduction et « layout: glossary » dans l’en-tête) : les termes des fiches y renvoient.");
            return null;
        }
        return glossary;
    }

    // A data file of the content folder, by its real path, or null (and an error) when a link leads it out of the folder.
    // The data files' texts reach every page (a service's hours, a term's definition, the site's name): a « [À compléter
    // : …] » mark left in one would be published, so it stops the build as it stops a page (Content/PlaceholdersStage).
    private static bool HoldNoPlaceholder(string inputDirectory, IEnumerable<string> files, DiagnosticBag diagnostics)
    {
        var clean = true;
        foreach (var file in files)
        {
            var path = Path.Combine(inputDirectory, file);
            if (!File.Exists(path) || ContainedPaths.Inside(inputDirectory, path) is not { } real)
            {
                continue;
            }
            clean &= Placeholders.Report(SourcePaths.Display(path), File.ReadAllText(real), diagnostics);
        }
        return clean;
    }

    private static string? ContentFile(string inputDirectory, string path, DiagnosticBag diagnostics) =>
        InputFiles.Inside(inputDirectory, path, SourcePaths.Display(path), "de contenu", diagnostics);

    /// <summary>
    /// The theme's files are read by name (layouts, partials, words) and copied whole (assets): a link anywhere in
    /// the theme that leads out of it, or loops, is an error here, and the readers leave such links out.
    /// </summary>
    private static bool ThemeStaysInside(string themeDirectory, DiagnosticBag diagnostics)
    {
        var refused = ContainedPaths.List(themeDirectory, recursive: true).Refused;
        foreach (var link in refused)
        {
            InputFiles.ReportLink(diagnostics, SourcePaths.Display(Path.Combine(themeDirectory, link.Relative)), link.IsDirectory, link.Verdict, "du thème");
        }
        return refused.Count == 0;
    }

    /// <summary>
    /// Publishing replaces the whole output folder, so it must be a folder this generator made (or an empty one, or
    /// none yet), and never hold the sources: the one rule is <see cref="OutputFolder.Check"/>, applied before anything happens.
    /// </summary>
    private static bool OutputIsSafe(BuildOptions options, DiagnosticBag diagnostics) =>
        SiteIsSafe(options, diagnostics) && ReportIsSafe(options, diagnostics);

    /// <summary>
    /// The review report is for the editorial team: never among the sources, never published with the site, and it
    /// replaces only a report of this generator (<see cref="StagedFile.Problem"/>).
    /// </summary>
    private static bool ReportIsSafe(BuildOptions options, DiagnosticBag diagnostics)
    {
        if (options.ReportPath is null)
        {
            return true;
        }
        if (OutputFolder.EmptyOption("--report", options.ReportPath) is { } empty)
        {
            diagnostics.Error("--report", 0, empty.Message, empty.Fix);
            return false;
        }
        // Compared as the system resolves them: a link in the report's path may lead into a source or the site.
        var report = OutputFolder.Physical(options.ReportPath);
        (string Folder, string Name)[] folders = options.OutputDirectory is null
            ? [(options.InputDirectory, "de contenu"), (options.ThemeDirectory, "du thème")]
            : [(options.InputDirectory, "de contenu"), (options.ThemeDirectory, "du thème"), (options.OutputDirectory, "de sortie")];
        foreach (var (folder, name) in folders)
        {
            if (report.StartsWith(OutputFolder.Physical(folder), StringComparison.Ordinal))
            {
                diagnostics.Error("--report", 0, $"le rapport de révision « {options.ReportPath} » serait écrit dans le dossier {name} « {folder} ».",
                    "Choisissez un fichier hors du contenu, du thème et du site, par exemple --report reports/revue.json.");
                return false;
            }
        }
        // The build writes its readability report there: one of the two would silently replace the other.
        if (report == OutputFolder.Physical(Path.Combine(Quality.ReportsFolder.For(options.InputDirectory), Quality.Readability.ReadabilityReport.FileName(options.Target))))
        {
            diagnostics.Error("--report", 0, $"le rapport de révision « {options.ReportPath} » prendrait la place du rapport de lisibilité, que la construction écrit au même endroit.",
                "Choisissez un autre nom de fichier, par exemple --report reports/revue.json.");
            return false;
        }
        if (StagedFile.Problem(options.ReportPath, options.ReportPath) is { } problem)
        {
            diagnostics.Error("--report", 0, problem.Message, problem.Fix);
            return false;
        }
        return true;
    }

    private static bool SiteIsSafe(BuildOptions options, DiagnosticBag diagnostics)
    {
        if (OutputFolder.Check(options) is { } problem)
        {
            diagnostics.Error(problem.Option, 0, problem.Message, problem.Fix);
            return false;
        }
        return true;
    }
}
