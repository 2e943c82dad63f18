using FichesSite.Brand;
using FichesSite.Pipeline;
using FichesSite.Text;
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
            ["intranet_base_url"] = value => (site.IntranetBaseUrl, site.IntranetBaseUrlLine) = (file.Text(value), (int)value.Start.Line),
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
                // « feedback: » or « feedback: ~ » says there is none; a quoted text that shows nothing (« "" », a
                // zero-width space) is an address gone missing, not a wish.
                if (file.Text(value) is { } written && HiddenCharacters.IsBlank(written))
                {
                    diagnostics.Error(displayPath, (int)value.Start.Line, "« feedback » est vide : aucune adresse où les lecteurs donnent leur avis.",
                        "Écrivez l’adresse e-mail ou l’adresse https du formulaire de l’établissement, ou retirez la ligne pour ne rien afficher.");
                    failed = true;
                }
                else if (file.Text(value) is { Length: > 0 } text)
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
            ["brand"] = value => site.Brand = ReadBrand(file, value, displayPath, diagnostics, ref failed),
        });
        return file.Failed || failed ? null : site;
    }

    // « brand: » (see BrandSettings); its colours are checked for contrast once the whole file is read (BrandContrast).
    private static BrandSettings ReadBrand(YamlConfigFile file, YamlNode node, string displayPath, DiagnosticBag diagnostics, ref bool failed)
    {
        var brand = new BrandSettings { Line = (int)node.Start.Line };
        var refused = false;
        void Refuse(int line, string message, string fix)
        {
            diagnostics.Error(displayPath, line, message, fix);
            refused = true;
        }
        HexColour? Colour(YamlNode value, string key)
        {
            var text = file.Text(value);
            if (text is null)
            {
                if (value is YamlScalarNode)
                {
                    Refuse((int)value.Start.Line, $"« {key} » est vide : en YAML, « # » commence un commentaire, et une couleur écrite sans guillemets disparaît.",
                        $"Mettez la couleur entre guillemets : {key}: \"#1d5a8c\".");
                }
                return null;
            }
            if (HexColour.TryParse(text, out var colour))
            {
                return colour;
            }
            Refuse((int)value.Start.Line, $"couleur « {text} » refusée pour « {key} » : seule une couleur hexadécimale, « #rgb » ou « #rrggbb », est acceptée.",
                $"Écrivez la couleur en hexadécimal, entre guillemets, par exemple {key}: \"#1d5a8c\" (ni nom de couleur, ni rgb(…), rien après).");
            return null;
        }
        file.Fields(node, new Dictionary<string, Action<YamlNode>>
        {
            ["logo"] = value => (brand.Logo, brand.LogoLine) = (file.Text(value), (int)value.Start.Line),
            ["logo_alt"] = value => brand.LogoAlt = file.Text(value),
            ["primary"] = value => (brand.Primary, brand.PrimaryLine) = (Colour(value, "primary"), (int)value.Start.Line),
            ["primary_dark"] = value => (brand.PrimaryDark, brand.PrimaryDarkLine) = (Colour(value, "primary_dark"), (int)value.Start.Line),
            ["font"] = value =>
            {
                var font = brand.Font = new BrandFont { Line = (int)value.Start.Line };
                file.Fields(value, new Dictionary<string, Action<YamlNode>>
                {
                    ["family"] = value => (font.Family, font.FamilyLine) = (file.Text(value), (int)value.Start.Line),
                    ["file"] = value => (font.File, font.FileLine) = (file.Text(value), (int)value.Start.Line),
                    ["bold_file"] = value => (font.BoldFile, font.BoldFileLine) = (file.Text(value), (int)value.Start.Line),
                });
            },
        });
        if (brand.Logo is { Length: > 0 } && HiddenCharacters.IsBlank(brand.LogoAlt))
        {
            Refuse(brand.LogoLine, "le logo n’a pas de texte de remplacement : « logo_alt » manque sous « brand ».",
                "Ajoutez sous brand: une ligne logo_alt: « … », le texte qu’un lecteur d’écran lit à la place du logo (le plus souvent le nom de l’établissement).");
        }
        if (brand.Logo is null && brand.LogoAlt is not null)
        {
            Refuse(brand.Line, "« logo_alt » est donné sans « logo » sous « brand ».", "Ajoutez logo: avec le chemin du fichier SVG depuis input/, ou retirez logo_alt.");
        }
        if (brand.Font is { } font)
        {
            if (HiddenCharacters.IsBlank(font.File))
            {
                Refuse(font.Line, "la police n’a pas de fichier : « file » manque sous « brand.font ».", "Donnez le chemin du fichier WOFF2 depuis input/, par exemple file: marque/police.woff2.");
            }
            if (!BrandFontFamily.IsValid(font.Family))
            {
                Refuse(font.FamilyLine > 0 ? font.FamilyLine : font.Line, $"nom de police « {font.Family} » refusé sous « brand.font » : il faut un nom de lettres, de chiffres, d’espaces et de tirets (au plus 64), qui commence par une lettre.",
                    "Écrivez le nom de la famille tel que le fournisseur de la police le donne, par exemple family: \"Exemple Sans\".");
            }
        }
        failed |= refused;
        return brand;
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
            if (cms.BackendValue(key) is { } written && PunycodeLabels.InAddress(written) is { } label)
            {
                PunycodeLabels.Report(written, label, displayPath, cms.Line, diagnostics);
                failed = true;
            }
            else if (cms.BackendValue(key) is { } address
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
