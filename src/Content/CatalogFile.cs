using System.Text.RegularExpressions;
using FichesSite.Pipeline;
using FichesSite.Text;
using YamlDotNet.RepresentationModel;

namespace FichesSite.Content;

/// <summary>
/// Reads input/data/services.yml and input/data/themes.yml: each a group of entries by slug, each entry a group of
/// fields, read field by field (<see cref="YamlConfigFile"/>) so that every message names its line. A missing file is
/// an empty list, and so is a file with no entry (only comments): a site without services has no sheet that names one.
/// </summary>
public static partial class CatalogFile
{
    /// <summary>What a slug may be: it is a folder of the site, typed in addresses and written in headers.</summary>
    public const string SlugRule = "des lettres minuscules sans accents, des chiffres et des tirets, par exemple « radiologie-interventionnelle »";

    private const int MaxSlugLength = 60;

    /// <summary>
    /// The longest intro or description: one sentence, shown beside each entry of the lists (50 to a page), whose pages
    /// must stay small whatever the file holds.
    /// </summary>
    public const int MaxSentenceLength = 300;

    /// <param name="services">The file's real path, and its path as messages show it.</param>
    public static SiteCatalog? Load((string Path, string Display) services, (string Path, string Display) themes, DiagnosticBag diagnostics)
    {
        var serviceList = Entries(services.Path, services.Display, diagnostics, "service", ReadService);
        var themeList = Entries(themes.Path, themes.Display, diagnostics, "thème", ReadTheme);
        return serviceList is null || themeList is null ? null : new SiteCatalog(serviceList, themeList);
    }

    /// <summary>Whether a text may be a slug (<see cref="SlugRule"/>).</summary>
    public static bool IsSlug(string text) => text.Length <= MaxSlugLength && Slug().IsMatch(text);

    private delegate T? EntryReader<T>(YamlConfigFile file, string display, string slug, int line, YamlNode fields, DiagnosticBag diagnostics);

    private static List<T>? Entries<T>(string path, string display, DiagnosticBag diagnostics, string what, EntryReader<T> read) where T : class
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            return [];
        }
        var problems = diagnostics.Sibling();
        if (YamlConfigFile.Open(path, display, problems, mayBeEmpty: true) is not { } file)
        {
            diagnostics.AddRange(problems);
            return null;
        }
        var entries = new List<T>();
        // A slug written twice is refused by Group, a tag (« !!str radiologie: ») or not.
        foreach (var (key, value) in file.Group(file.Root))
        {
            var slug = key.Value!;
            var line = (int)key.Start.Line;
            if (IsListPageName(slug))
            {
                problems.Error(display, line, $"« {slug} » ne peut pas nommer un {what} : c’est le nom des pages suivantes d’une liste (page-2, page-3…).",
                    "Choisissez un autre nom court, par exemple avec le nom du service.");
                continue;
            }
            if (!IsSlug(slug))
            {
                problems.Error(display, line, $"« {slug} » ne peut pas nommer un {what} : son nom court (avant les deux-points) devient une adresse du site.",
                    $"Écrivez-le avec {SlugRule} (au plus {MaxSlugLength} caractères).");
                continue;
            }
            if (read(file, display, slug, line, value, problems) is { } entry)
            {
                entries.Add(entry);
            }
        }
        diagnostics.AddRange(problems);
        return problems.HasErrors || file.Failed ? null : entries;
    }

    private static Service? ReadService(YamlConfigFile file, string display, string slug, int line, YamlNode fields, DiagnosticBag diagnostics)
    {
        string? name = null, phone = null, hours = null, address = null, intro = null, specialty = null, phoneInternal = null, noteInternal = null;
        var specialtyLine = line;
        var visible = new VisibleTexts(file, display, diagnostics);
        file.Fields(fields, new Dictionary<string, Action<YamlNode>>
        {
            ["name"] = value => name = visible.Text("name", value),
            ["phone"] = value => phone = visible.Text("phone", value),
            ["hours"] = value => hours = visible.Text("hours", value),
            ["address"] = value => address = visible.Text("address", value),
            ["intro"] = value => intro = visible.Text("intro", value),
            ["specialty"] = value => (specialty, specialtyLine) = (file.Text(value), (int)value.Start.Line),
            // Read on every build, checked the same way, shown only by the intranet's (Rendering/SiteModel).
            ["phone_internal"] = value => phoneInternal = visible.Text("phone_internal", value),
            ["note_internal"] = value => noteInternal = visible.Text("note_internal", value),
        });
        var ok = visible.Ok & Sentence(display, line, slug, "intro", intro, diagnostics) & Sentence(display, line, slug, "note_internal", noteInternal, diagnostics)
            & Required(display, line, "service", slug, "name", name, "« name: Service de radiologie »", diagnostics)
            & Required(display, line, "service", slug, "phone", phone, "« phone: 01 00 00 00 00 »", diagnostics);
        if (phone is not null && !phone.Any(char.IsAsciiDigit))
        {
            diagnostics.Error(display, line, $"le téléphone du service « {slug} » ne contient aucun chiffre.",
                "Écrivez le numéro à appeler, par exemple « phone: 01 00 00 00 00 ».");
            ok = false;
        }
        else if (phone is not null && HiddenCharacters.First(phone) is null && !PhoneNumber.IsDialled(phone))
        {
            diagnostics.Error(display, line, $"le téléphone du service « {slug} » doit être un seul numéro, tel qu’on le compose : « {phone} » n’en est pas un.", PhoneNumber.Fix);
            ok = false;
        }
        if (phoneInternal is not null && HiddenCharacters.First(phoneInternal) is null && !PhoneNumber.IsDialled(phoneInternal))
        {
            diagnostics.Error(display, line, $"le poste interne du service « {slug} » doit être un seul numéro, tel qu’on le compose depuis l’établissement : « {phoneInternal} » n’en est pas un.", PhoneNumber.Fix);
            ok = false;
        }
        if (specialty is not null && !MedicalSpecialties.All.Contains(specialty))
        {
            var nearest = NearestName.Find(specialty, MedicalSpecialties.All);
            diagnostics.Error(display, specialtyLine, $"spécialité inconnue « {specialty} » pour le service « {slug} ».",
                (nearest is null ? "" : $"Vouliez-vous écrire « {nearest} » ? ")
                + "Écrivez le nom anglais d’une spécialité de schema.org (MedicalSpecialty), par exemple « Radiography », ou retirez la ligne.");
            ok = false;
        }
        return ok ? new Service(slug, name!, phone!, hours, address, intro, specialty, line) { Internal = new(phoneInternal, noteInternal) } : null;
    }

    private static Theme? ReadTheme(YamlConfigFile file, string display, string slug, int line, YamlNode fields, DiagnosticBag diagnostics)
    {
        string? name = null, description = null;
        var visible = new VisibleTexts(file, display, diagnostics);
        file.Fields(fields, new Dictionary<string, Action<YamlNode>>
        {
            ["name"] = value => name = visible.Text("name", value),
            ["description"] = value => description = visible.Text("description", value),
        });
        return visible.Ok & Required(display, line, "thème", slug, "name", name, "« name: Cancérologie »", diagnostics)
            & Sentence(display, line, slug, "description", description, diagnostics)
            ? new Theme(slug, name!, description, line)
            : null;
    }

    private static bool Sentence(string display, int line, string slug, string key, string? value, DiagnosticBag diagnostics)
    {
        if (value is null || value.Length <= MaxSentenceLength)
        {
            return true;
        }
        diagnostics.Error(display, line, $"le champ « {key} » de « {slug} » fait {value.Length} caractères ; il en fait au plus {MaxSentenceLength}.",
            "Résumez-le en une phrase : il s’affiche à côté de chaque nom dans les listes.");
        return false;
    }

    // The texts pages show: held to the rule of every text an author writes outside a page's body (HiddenCharacters).
    private sealed class VisibleTexts(YamlConfigFile file, string display, DiagnosticBag diagnostics)
    {
        public bool Ok { get; private set; } = true;

        public string? Text(string key, YamlNode value)
        {
            var text = file.Text(value);
            if (text is not null && HiddenCharacters.First(text) is { } code)
            {
                diagnostics.Error(display, (int)value.Start.Line, $"le champ « {key} » contient un caractère invisible ou de contrôle ({code}).", HiddenCharacters.Fix);
                Ok = false;
            }
            return text;
        }
    }

    private static bool Required(string display, int line, string what, string slug, string key, string? value, string example, DiagnosticBag diagnostics)
    {
        if (!HiddenCharacters.IsBlank(value))
        {
            return true;
        }
        diagnostics.Error(display, line, $"le {what} « {slug} » n’a pas de champ « {key} ».", $"Ajoutez sous « {slug}: », en retrait de deux espaces, {example}.");
        return false;
    }

    // The folders of a list's later pages (PageAddresses.ListPage), beside the entries' own in services/ and themes/.
    private static bool IsListPageName(string slug) => ListPageName().IsMatch(slug);

    [GeneratedRegex("^page-[0-9]+$")]
    private static partial Regex ListPageName();

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex Slug();
}
