using System.Globalization;
using FichesSite.Pipeline;
using FichesSite.Text;

namespace FichesSite.Content;

/// <summary>
/// Reads the « sources » field of the front matter: a list of groups with title, publisher, year
/// and an optional url. Every problem names the line of the source at fault, so that an author
/// with five sources knows which one to fix.
/// </summary>
public static class SourceReferenceReader
{
    public static readonly IReadOnlyList<string> Keys = ["title", "publisher", "year", "url"];

    private const string Example =
        "Par exemple :\n      sources:\n        - title: \"Titre du document\"\n          publisher: \"Service ou société savante\"\n          year: 2025\n          url: \"https://exemple.invalid/document\"  (facultatif)";

    /// <param name="keyLine">The file line of « sources: ».</param>
    /// <param name="lastReviewed">
    /// The sheet's last review: a source cannot be published after the reviewers read it. From the
    /// front matter rather than the clock, so that the same files always give the same verdict.
    /// </param>
    public static IReadOnlyList<SourceReference> Read(HeaderNode node, int keyLine, string file, DateOnly? lastReviewed, DiagnosticBag diagnostics)
    {
        if (node is not HeaderList sequence || sequence.Items.Count == 0)
        {
            diagnostics.Error(file, keyLine, "le champ « sources » doit être une liste de sources (titre, éditeur, année).",
                "Écrivez chaque source sous « sources: », précédée de « - ». " + Example);
            return [];
        }
        var sources = new List<SourceReference>();
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var source = ReadOne(sequence.Items[i], i + 1, file, lastReviewed, diagnostics);
            if (source is not null)
            {
                sources.Add(source);
            }
        }
        return sources;
    }

    private static SourceReference? ReadOne(HeaderNode item, int number, string file, DateOnly? lastReviewed, DiagnosticBag diagnostics)
    {
        var itemLine = item.Line;
        if (item is not HeaderGroup mapping)
        {
            diagnostics.Error(file, itemLine, $"la source n° {number} doit donner son titre, son éditeur et son année, pas seulement un texte.",
                Example);
            return null;
        }
        var values = new Dictionary<string, (string Text, int Line)>(StringComparer.Ordinal);
        var ok = true;
        foreach (var (name, line, valueNode) in mapping.Fields)
        {
            var key = name ?? "";
            if (!Keys.Contains(key))
            {
                var nearest = NearestName.Find(key, Keys);
                diagnostics.Error(file, line, $"champ inconnu « {key} » dans la source n° {number}.",
                    (nearest is null ? "" : $"Vouliez-vous écrire « {nearest} » ? ") + $"Une source a les champs : {string.Join(", ", Keys)}.");
                ok = false;
                continue;
            }
            if (valueNode is not HeaderText { Value: var value } || HiddenCharacters.IsBlank(value))
            {
                diagnostics.Error(file, line, $"le champ « {key} » de la source n° {number} est vide ou n’est pas un texte.",
                    $"Écrivez la valeur sur la même ligne, par exemple « {key}: {(key == "year" ? "2025" : "…")} ».");
                ok = false;
                continue;
            }
            if (HiddenCharacters.First(value) is { } code)
            {
                diagnostics.Error(file, line, $"le champ « {key} » de la source n° {number} contient un caractère invisible ou de contrôle ({code}).", HiddenCharacters.Fix);
                ok = false;
                continue;
            }
            values[key] = (value.Trim(), line);
        }
        foreach (var required in new[] { "title", "publisher", "year" }.Where(k => !values.ContainsKey(k)))
        {
            if (mapping.Fields.Any(f => f.Name == required))
            {
                continue; // already reported as empty
            }
            diagnostics.Error(file, itemLine, $"la source n° {number} n’a pas de « {required} ».",
                $"Ajoutez « {required}: … » à cette source ({Describe(required)}).");
            ok = false;
        }
        var year = 0;
        if (values.TryGetValue("year", out var yearValue))
        {
            if (!(yearValue.Text.Length == 4
                  && int.TryParse(yearValue.Text, NumberStyles.None, CultureInfo.InvariantCulture, out year)
                  && year >= 1900))
            {
                diagnostics.Error(file, yearValue.Line, $"« {yearValue.Text} » n’est pas une année valide pour la source n° {number}.",
                    "Écrivez l’année de publication en quatre chiffres, par exemple « year: 2025 ».");
                ok = false;
            }
            else if (lastReviewed is { } reviewed && year > reviewed.Year)
            {
                diagnostics.Error(file, yearValue.Line,
                    $"la source n° {number} serait publiée en {year}, après la dernière relecture de la fiche ({reviewed.Year}).",
                    "Corrigez l’année de la source, ou la date « last_reviewed » si la fiche a été relue depuis.");
                ok = false;
            }
        }
        string? url = null;
        if (values.TryGetValue("url", out var urlValue))
        {
            // The site-wide address rule first (UrlPolicy, as for links in the text), then what a source needs more:
            // a web address with a host, which a reader can open.
            if (PunycodeLabels.InAddress(urlValue.Text) is { } label)
            {
                PunycodeLabels.Report(urlValue.Text, label, file, urlValue.Line, diagnostics);
                ok = false;
            }
            else if (UrlPolicy.IsAllowed(urlValue.Text) && UrlPolicy.SchemeOf(urlValue.Text) is "https" or "http"
                && Uri.TryCreate(urlValue.Text, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && uri.Host.Length > 0)
            {
                url = urlValue.Text;
            }
            else
            {
                diagnostics.Error(file, urlValue.Line, $"adresse « {urlValue.Text} » refusée pour la source n° {number}.",
                    "Donnez une adresse complète qui commence par https:// (ou http://), ou supprimez la ligne « url » si le document n’est pas en ligne.");
                ok = false;
            }
        }
        return ok ? new SourceReference(values["title"].Text, values["publisher"].Text, year, url) : null;
    }

    private static string Describe(string key) => key switch
    {
        "title" => "le titre du document",
        "publisher" => "qui l’a publié : service, établissement, société savante",
        _ => "l’année de publication, en quatre chiffres",
    };
}
