using FichesSite.Content;
using FichesSite.Pipeline;
using FichesSite.Rendering;

namespace FichesSite.Build;

/// <summary>The site-wide settings a build starts from: input/site.yml, input/contracts.yml and the theme's words.</summary>
public sealed record BuildConfiguration(SiteConfig Site, IReadOnlyDictionary<string, ContentContract> Contracts, ThemeStrings Strings)
{
    public static BuildConfiguration? Load(BuildOptions options, DiagnosticBag diagnostics)
    {
        var sitePath = Path.Combine(options.InputDirectory, "site.yml");
        var contractsPath = Path.Combine(options.InputDirectory, "contracts.yml");
        var stringsPath = Path.Combine(options.ThemeDirectory, "i18n", "fr.yml");
        var site = YamlConfigFile.Read<SiteConfig>(sitePath, SourcePaths.Display(sitePath), diagnostics);
        var contracts = YamlConfigFile.Read<Dictionary<string, ContentContract>>(contractsPath, SourcePaths.Display(contractsPath), diagnostics);
        var strings = ThemeStrings.Load(stringsPath, SourcePaths.Display(stringsPath), diagnostics);
        if (site is null || contracts is null || strings is null)
        {
            return null;
        }

        site.BaseUrl = options.BaseUrl ?? site.BaseUrl;
        if (site.BaseUrl is not null)
        {
            if (!Uri.TryCreate(site.BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            {
                diagnostics.Error(options.BaseUrl is null ? SourcePaths.Display(sitePath) : "--base-url", 0,
                    $"adresse de base « {site.BaseUrl} » invalide.", "Donnez une adresse complète, par exemple https://fiches.exemple.fr/ .");
                return null;
            }
            site.BaseUrl = site.BaseUrl.TrimEnd('/') + "/";
        }
        return new BuildConfiguration(site, contracts, strings);
    }
}
