using System.Globalization;
using FichesSite.Pipeline;
using FichesSite.Text;
using YamlDotNet.Core;

namespace FichesSite.Content;

/// <summary>
/// Splits the YAML header from the Markdown body and reads it into a <see cref="FrontMatter"/>.
/// Read by hand from the header's fields (<see cref="HeaderYaml"/>, not a deserializer) so that every
/// message can name the line of the key at fault and suggest the key the author probably meant.
/// </summary>
/// <param name="today">The date review deadlines are compared with (a parameter, so tests and builds can fix it).</param>
public sealed class FrontMatterStage(DateOnly today) : IDocumentStage
{
    private const string Fence = "---";
    private const int MaxDescriptionLength = 160;

    public string Name => "front matter";

    public Document Run(Document document, SiteProducts site, DiagnosticBag diagnostics)
    {
        var file = document.SourcePath;
        if (string.IsNullOrWhiteSpace(document.Source))
        {
            diagnostics.Error(file, 1, "le fichier est vide.",
                "Copiez une fiche existante comme modèle (en-tête entre deux lignes ---, puis le texte), ou supprimez ce fichier.");
            return document;
        }
        // Lines are found by index, not split.
        var content = document.Source;
        var (firstEnd, afterFirst) = LineEnd(content, 0);
        if (!IsFence(content.AsSpan(0, firstEnd)))
        {
            diagnostics.Error(file, 1, "le fichier ne commence pas par un en-tête YAML.",
                "Commencez le fichier par une ligne « --- », les champs (title: …, description: …), puis une ligne « --- ».");
            return document;
        }
        var (closing, closingStart) = ClosingFence(content);
        if (closing < 0)
        {
            diagnostics.Error(file, 1, "l’en-tête YAML n’est jamais fermé.",
                "Ajoutez une ligne « --- » après le dernier champ de l’en-tête.");
            return document;
        }

        var yaml = closing == 1 ? "" : content[afterFirst..(closingStart - 1)]; // without the line end before the fence
        var mapping = ParseMapping(yaml, file, diagnostics);
        if (mapping is null)
        {
            return document;
        }

        // Collected apart first: the shared bag also holds other pages' errors (stages run in parallel).
        var problems = diagnostics.Sibling();
        var frontMatter = Read(mapping, file, problems);
        diagnostics.AddRange(problems);
        if (frontMatter is null)
        {
            return document;
        }
        // The text stays as it is: Markdig skips the header itself (Markdown/PageHeaderParser), so line numbers in the
        // syntax tree are the file's own and no copy of the body is made.
        return document.With(FrontMatter.Key, frontMatter);
    }

    /// <summary>
    /// The line that closes the header opened on the first line: its index (0 is the opening fence) and where it
    /// starts; an index of -1 when there is none. Lines end as Markdig and YAML end them: at « \n », « \r\n » or a lone « \r »
    /// (an old Mac line end), so that all three count the same lines.
    /// </summary>
    public static (int Line, int Start) ClosingFence(string content)
    {
        var (_, start) = LineEnd(content, 0);
        for (var line = 1; start < content.Length; line++)
        {
            var (end, next) = LineEnd(content, start);
            if (IsFence(content.AsSpan(start, end - start)))
            {
                return (line, start);
            }
            start = next;
        }
        return (-1, 0);
    }

    /// <summary>Whether a line (without its line end) opens or closes the header: « --- », then only spaces.</summary>
    public static bool IsFence(ReadOnlySpan<char> line) => line.TrimEnd(' ').SequenceEqual(Fence);

    // Where the line starting at start ends (its line end, or the end of the text), and where the next one starts.
    private static (int End, int Next) LineEnd(string text, int start)
    {
        var end = text.AsSpan(start).IndexOfAny('\n', '\r') is var found and >= 0 ? start + found : text.Length;
        var next = end == text.Length ? end : end + (text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? 2 : 1);
        return (end, next);
    }

    private static HeaderGroup? ParseMapping(string yaml, string file, DiagnosticBag diagnostics)
    {
        try
        {
            if (HeaderYaml.Load(yaml) is { } fields)
            {
                return fields;
            }
            diagnostics.Error(file, 2, "l’en-tête doit être une liste de champs « nom: valeur ».",
                "Écrivez un champ par ligne, par exemple « title: Cimentoplastie ».");
        }
        catch (YamlLimitException e)
        {
            diagnostics.Error(file, e.Line + HeaderYaml.FirstLine - 1, $"en-tête refusé : {e.Reason}", e.Fix);
        }
        catch (YamlException e)
        {
            // YamlDotNet counts lines from 1 inside the header; the header starts on the file's line 2.
            diagnostics.Error(file, (int)e.Start.Line + HeaderYaml.FirstLine - 1, $"YAML illisible dans l’en-tête ({BoundedYaml.Reason(e)}).",
                "Vérifiez cette ligne : « nom: valeur », deux-points suivis d’une espace, guillemets fermés, "
                + "et mettez entre guillemets une valeur qui contient « : ».");
        }
        return null;
    }

    private FrontMatter? Read(HeaderGroup mapping, string file, DiagnosticBag diagnostics)
    {
        var keyLines = new Dictionary<string, int>(StringComparer.Ordinal);
        var values = new Dictionary<string, HeaderNode>(StringComparer.Ordinal);
        foreach (var (key, line, valueNode) in mapping.Fields)
        {
            // YAML allows a list or a group as a key (« [a]: b »), which is never a field name: found by the fuzz test.
            if (key is null)
            {
                diagnostics.Error(file, line, "nom de champ illisible.",
                    "Écrivez un nom de champ simple suivi de deux-points, par exemple « title: … », et mettez entre guillemets une valeur qui commence par [ ou {.");
                continue;
            }
            if (!FrontMatter.KnownKeys.Contains(key))
            {
                var nearest = NearestName.Find(key, FrontMatter.KnownKeys);
                diagnostics.Error(file, line, $"champ inconnu « {key} ».",
                    nearest is null
                        ? $"Les champs possibles sont : {string.Join(", ", FrontMatter.KnownKeys)}."
                        : $"Vouliez-vous écrire « {nearest} » ? Les champs possibles sont : {string.Join(", ", FrontMatter.KnownKeys)}.");
                continue;
            }
            keyLines[key] = line;
            values[key] = valueNode;
        }

        // Reads a one-line value; "what" says what the field holds, for the message when it holds something else.
        string? Scalar(string key, string what, string example)
        {
            if (!values.TryGetValue(key, out var node))
            {
                return null;
            }
            if (node is HeaderText { Value: var value } && !HiddenCharacters.IsBlank(value))
            {
                if (HiddenCharacters.First(value) is { } code)
                {
                    diagnostics.Error(file, keyLines[key], $"le champ « {key} » contient un caractère invisible ou de contrôle ({code}).", HiddenCharacters.Fix);
                    return null;
                }
                return value.Trim();
            }
            var found = node switch
            {
                HeaderList => "une liste",
                HeaderGroup => "un groupe de champs",
                _ => "une valeur vide",
            };
            diagnostics.Error(file, keyLines[key], $"le champ « {key} » doit être {what}, pas {found}.",
                $"Écrivez la valeur sur la même ligne, par exemple « {key}: {example} ».");
            return null;
        }

        string? Text(string key) => Scalar(key, "un texte", "…");

        DateOnly? Date(string key)
        {
            var text = Scalar(key, "une date", "2026-03-31");
            if (text is null)
            {
                return null;
            }
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }
            diagnostics.Error(file, keyLines[key], $"« {text} » n’est pas une date valide pour « {key} ».",
                $"Écrivez une date qui existe, sous la forme année-mois-jour, par exemple « {key}: 2026-03-31 ».");
            return null;
        }

        // A list of short names (« themes: [a, b] », or one per « - » line); one name alone is a list of one.
        IReadOnlyList<string> Slugs(string key)
        {
            if (!values.TryGetValue(key, out var node))
            {
                return [];
            }
            if (node is HeaderText)
            {
                return Text(key) is { } one ? [one] : [];
            }
            if (node is not HeaderList list)
            {
                diagnostics.Error(file, keyLines[key], $"le champ « {key} » doit être une liste de noms courts, pas un groupe de champs.",
                    $"Écrivez par exemple « {key}: [cancerologie, douleur] ».");
                return [];
            }
            var slugs = new List<string>();
            foreach (var item in list.Items)
            {
                if (item is HeaderText { Value: var value } && !HiddenCharacters.IsBlank(value))
                {
                    slugs.Add(value.Trim());
                }
                else
                {
                    diagnostics.Error(file, item.Line, $"chaque élément de « {key} » doit être un nom court sur une ligne.",
                        $"Écrivez par exemple « {key}: [cancerologie, douleur] ».");
                }
            }
            return slugs;
        }

        var title = Text("title");
        var description = Text("description");
        var type = Text("type") ?? FrontMatter.DefaultType;
        var lastReviewed = Date("last_reviewed");
        var nextReview = Date("next_review");
        var sources = values.TryGetValue("sources", out var sourcesNode)
            ? SourceReferenceReader.Read(sourcesNode, keyLines["sources"], file, lastReviewed, diagnostics)
            : [];
        var frontMatter = new FrontMatter(
            title ?? "",
            description ?? "",
            type,
            Text("layout"),
            lastReviewed,
            nextReview,
            Text("reviewed_by"),
            Text("version"),
            sources,
            keyLines)
        {
            Service = Text("service"),
            Themes = Slugs("themes"),
        };

        if (title is null && !keyLines.ContainsKey("title"))
        {
            diagnostics.Error(file, 2, "le champ « title » manque.", "Ajoutez « title: » suivi du titre de la page (il devient le titre principal, h1).");
        }
        if (description is null && !keyLines.ContainsKey("description"))
        {
            diagnostics.Error(file, 2, "le champ « description » manque.",
                "Ajoutez « description: » suivi d’une phrase qui résume la page (moins de 160 caractères).");
        }
        if (description is { Length: > MaxDescriptionLength })
        {
            diagnostics.Warning(file, keyLines["description"],
                $"description de {description.Length} caractères : les moteurs de recherche la coupent après {MaxDescriptionLength}.",
                "Résumez la page en une phrase plus courte.");
        }
        if (frontMatter is { LastReviewed: { } last, NextReview: { } next } && next <= last)
        {
            diagnostics.Error(file, keyLines["next_review"], "la prochaine révision est datée avant la dernière mise à jour.",
                "Indiquez dans « next_review » une date postérieure à « last_reviewed ».");
        }
        if (frontMatter.NextReview is { } due)
        {
            var iso = due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var status = ReviewStatus.Of(due, today);
            if (status.State == ReviewState.Overdue)
            {
                diagnostics.Warning(file, keyLines["next_review"], $"la date de révision de cette page ({iso}) est dépassée.",
                    "Faites relire la page, puis mettez à jour « last_reviewed » et « next_review ».");
            }
            else if (status.State == ReviewState.DueSoon)
            {
                var days = status.DaysLeft > 1 ? "jours" : "jour";
                diagnostics.Notice(file, keyLines["next_review"],
                    $"la révision de cette page est prévue dans {status.DaysLeft} {days} ({iso}).",
                    "Prévoyez sa relecture, puis mettez à jour « last_reviewed » et « next_review ».");
            }
        }
        return diagnostics.HasErrors ? null : frontMatter;
    }
}
