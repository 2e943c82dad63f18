using FichesSite.Pipeline;
using YamlDotNet.RepresentationModel;

namespace FichesSite.Content;

/// <summary>Reads input/site.yml into a <see cref="SiteConfig"/>: one line per key, so a new setting is one line here.</summary>
public static class SiteConfigFile
{
    /// <returns>The settings, or null after an error (reported in <paramref name="diagnostics"/>).</returns>
    public static SiteConfig? Read(string path, string displayPath, DiagnosticBag diagnostics)
    {
        if (YamlConfigFile.Open(path, displayPath, diagnostics) is not { } file)
        {
            return null;
        }
        var site = new SiteConfig();
        var organisation = site.Organisation;
        var readability = site.Readability;
        var failed = false;
        file.Fields(file.Root, new Dictionary<string, Action<YamlNode>>
        {
            ["name"] = value => site.Name = file.Text(value) ?? "",
            ["language"] = value => site.Language = file.Text(value) ?? site.Language,
            ["base_url"] = value => (site.BaseUrl, site.BaseUrlLine) = (file.Text(value), (int)value.Start.Line),
            ["organisation"] = value => file.Fields(value, new Dictionary<string, Action<YamlNode>>
            {
                ["name"] = value => organisation.Name = file.Text(value) ?? "",
                ["phone"] = value =>
                {
                    organisation.Phone = file.Text(value) ?? "";
                    if (organisation.Phone.Length > 0 && !PhoneNumber.IsDialled(organisation.Phone))
                    {
                        diagnostics.Error(displayPath, (int)value.Start.Line,
                            $"le téléphone de l’établissement doit être un seul numéro, tel qu’on le compose : « {organisation.Phone} » n’en est pas un.", PhoneNumber.Fix);
                        failed = true;
                    }
                },
                ["phone_hours"] = value => organisation.PhoneHours = file.Text(value) ?? "",
                ["address"] = value => organisation.Address = file.Text(value) ?? "",
            }),
            ["feedback"] = value =>
            {
                if (file.Text(value) is { Length: > 0 } text)
                {
                    site.Feedback = FeedbackSetting.Read(text, displayPath, (int)value.Start.Line, diagnostics);
                    failed |= site.Feedback is null;
                }
            },
            ["cms"] = value =>
            {
                site.Cms = ReadCms(file, value, displayPath, diagnostics);
                failed |= site.Cms is null;
            },
            ["readability"] = value => file.Fields(value, new Dictionary<string, Action<YamlNode>>
            {
                ["kandel_moles_min"] = value => readability.KandelMolesMin = file.Number(value, readability.KandelMolesMin),
                ["lix_max"] = value => readability.LixMax = file.Number(value, readability.LixMax),
            }),
        });
        return file.Failed || failed ? null : site;
    }

    // « cms: » with its « backend: » (a name Decap CMS can reach without a server: github or gitlab), « local_backend: »
    // and « content_folder: »; null after an error.
    private static CmsSettings? ReadCms(YamlConfigFile file, YamlNode node, string displayPath, DiagnosticBag diagnostics)
    {
        // The line of « cms: » itself: its value starts on the next one.
        var cms = new CmsSettings { Line = file.Root is YamlMappingNode root && root.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: "cms" }) is { } cmsKey ? (int)cmsKey.Start.Line : (int)node.Start.Line };
        var failed = false;
        var contentFolderLine = 0;
        file.Fields(node, new Dictionary<string, Action<YamlNode>>
        {
            ["backend"] = value => file.Fields(value, CmsSettings.BackendKeys.ToDictionary(key => key, key => (Action<YamlNode>)(field =>
            {
                if (file.Text(field) is { Length: > 0 } text)
                {
                    cms.Backend[key] = text;
                }
            }), StringComparer.Ordinal)),
            ["local_backend"] = value => cms.LocalBackend = file.Flag(value, false),
            ["content_folder"] = value => (cms.ContentFolder, contentFolderLine) = (file.Text(value) ?? cms.ContentFolder, (int)value.Start.Line),
        });
        if (file.Failed)
        {
            return null;
        }
        var name = cms.BackendValue("name");
        const string backendFix = "Sous « cms: », écrivez « backend: » avec « name: » (github ou gitlab) et « repo: » (voir docs/guide-redaction.md, « L’éditeur en ligne »).";
        if (name is null)
        {
            diagnostics.Error(displayPath, cms.Line, "l’éditeur en ligne (« cms: ») n’a pas de « backend: » avec son « name: ».", backendFix);
            failed = true;
        }
        else if (!CmsSettings.BackendNames.Contains(name))
        {
            diagnostics.Error(displayPath, cms.Line, $"l’éditeur en ligne ne sait pas enregistrer dans « {name} ».", backendFix);
            failed = true;
        }
        else if (cms.BackendValue("repo") is null)
        {
            diagnostics.Error(displayPath, cms.Line, "l’éditeur en ligne (« cms: ») ne dit pas dans quel dépôt enregistrer les fiches.",
                "Sous « backend: », ajoutez « repo: » suivi du dépôt, « propriétaire/nom » (voir docs/guide-redaction.md, « L’éditeur en ligne »).");
            failed = true;
        }
        foreach (var key in new[] { "base_url", "api_root" })
        {
            if (cms.BackendValue(key) is { } address
                && (address.Any(char.IsWhiteSpace) || !(Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.UserInfo.Length == 0)))
            {
                diagnostics.Error(displayPath, cms.Line, $"« {key}: {address} » sous « backend: » n’est pas une adresse https.",
                    $"Écrivez l’adresse complète de votre instance, par exemple « {key}: https://gitlab.hopital-exemple.invalid{(key == "api_root" ? "/api/v4" : "")} ».");
                failed = true;
            }
        }
        if (cms.ContentFolder.Length == 0 || cms.ContentFolder.StartsWith('/') || cms.ContentFolder.Split('/').Any(part => part is "" or "." or ".."))
        {
            diagnostics.Error(displayPath, contentFolderLine, $"« content_folder: {cms.ContentFolder} » n’est pas un dossier du dépôt.",
                "Écrivez le chemin du dossier du contenu depuis la racine du dépôt, sans « / » au début ni « .. » (par exemple « input »).");
            failed = true;
        }
        return failed ? null : cms;
    }
}
