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
            ["readability"] = value => file.Fields(value, new Dictionary<string, Action<YamlNode>>
            {
                ["kandel_moles_min"] = value => readability.KandelMolesMin = file.Number(value, readability.KandelMolesMin),
                ["lix_max"] = value => readability.LixMax = file.Number(value, readability.LixMax),
            }),
        });
        return file.Failed || failed ? null : site;
    }
}
