using FichesSite.Pipeline;
using FichesSite.Text;
using YamlDotNet.RepresentationModel;

namespace FichesSite.Content;

/// <summary>
/// Reads input/data/glossaire.yml: a list of entries « terme », « formes », « definition », « relu ».
/// Read by hand from the YAML tree, like the front matter, so that every message names the line at
/// fault: an unknown key (with the nearest known one), a missing term or definition, a term or form
/// given twice. A missing file is an empty glossary: the feature is optional.
/// </summary>
public static class GlossaryFile
{
    private static readonly string[] Keys = ["terme", "formes", "definition", "relu"];

    private const string Example = "« - terme: métastase », puis « definition: Une phrase simple. » en retrait de deux espaces";

    /// <returns>The glossary, or null after an error (reported in <paramref name="diagnostics"/>).</returns>
    public static GlossaryTerms? Load(string path, string displayPath, DiagnosticBag diagnostics)
    {
        if (!File.Exists(path))
        {
            return GlossaryTerms.Empty;
        }
        var text = InputFiles.ReadUtf8(path, displayPath, diagnostics);
        if (text is null)
        {
            return null;
        }
        if (BoundedYaml.TryLoad(text, displayPath, "glossaire illisible",
                $"Vérifiez l’indentation et les guillemets de cette ligne ; chaque terme s’écrit {Example}.", diagnostics) is not { } stream)
        {
            return null;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return GlossaryTerms.Empty;
        }
        if (stream.Documents[0].RootNode is not YamlSequenceNode list)
        {
            diagnostics.Error(displayPath, Line(stream.Documents[0].RootNode), "le glossaire doit être une liste de termes.",
                $"Commencez chaque terme par un tiret : {Example}.");
            return null;
        }
        var problems = diagnostics.Sibling();
        var entries = new List<GlossaryEntry>();
        var seen = new Dictionary<string, (string Term, int Line)>(StringComparer.Ordinal);
        foreach (var item in list.Children)
        {
            if (ReadEntry(item, displayPath, problems, out var written) is not { } entry)
            {
                continue;
            }
            // The glossary page gives each term its id beside the theme's own: one id twice breaks the page.
            if (ThemeIds.All.Contains(entry.Id) || GlossaryTerms.IsLetterId(entry.Id))
            {
                problems.Error(displayPath, entry.Line, $"le terme « {entry.Term} » donnerait l’ancre « #{entry.Id} », que le thème emploie déjà sur la page du glossaire.",
                    "Écrivez le terme autrement (avec un mot de plus, par exemple) : chaque ancre d’une page doit être unique.");
            }
            for (var f = 0; f < entry.Forms.Count; f++)
            {
                var key = string.Join(' ', entry.Forms[f]);
                if (seen.TryGetValue(key, out var first))
                {
                    problems.Error(displayPath, entry.Line,
                        $"le terme ou la forme « {written[f]} » est déjà dans le glossaire (« {first.Term} », ligne {first.Line}).",
                        "Gardez une seule entrée par terme : fusionnez les deux définitions, ou retirez la forme en double.");
                }
                else
                {
                    seen[key] = (entry.Term, entry.Line);
                }
            }
            entries.Add(entry);
        }
        diagnostics.AddRange(problems);
        return problems.HasErrors ? null : new GlossaryTerms(entries);
    }

    /// <param name="written">The term and its forms as written, in the order of the entry's folded forms.</param>
    private static GlossaryEntry? ReadEntry(YamlNode item, string file, DiagnosticBag diagnostics, out IReadOnlyList<string> written)
    {
        written = [];
        var line = Line(item);
        if (item is not YamlMappingNode mapping)
        {
            diagnostics.Error(file, line, "chaque terme du glossaire doit être un groupe de champs.", $"Écrivez {Example}.");
            return null;
        }
        bool Visible(string? text, string key, int keyLine)
        {
            if (text is not null && HiddenCharacters.First(text) is { } code)
            {
                diagnostics.Error(file, keyLine, $"le champ « {key} » contient un caractère invisible ou de contrôle ({code}).", HiddenCharacters.Fix);
                return false;
            }
            return true;
        }
        string? term = null;
        string? definition = null;
        var forms = new List<string>();
        var reviewed = false;
        var ok = true;
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            var keyLine = Line(keyNode);
            switch (key)
            {
                case "terme":
                    term = Scalar(value);
                    ok &= Visible(term, key, keyLine);
                    break;
                case "definition":
                    definition = Scalar(value);
                    ok &= Visible(definition, key, keyLine);
                    if (HiddenCharacters.IsBlank(definition))
                    {
                        diagnostics.Error(file, keyLine, "définition vide.",
                            "Écrivez une phrase simple qui explique le terme, de connaissance générale, sans fait médical propre à une fiche.");
                        ok = false;
                    }
                    break;
                case "formes":
                    if (value is YamlSequenceNode sequence && sequence.Children.All(c => c is YamlScalarNode { Value.Length: > 0 }))
                    {
                        forms.AddRange(sequence.Children.Select(c => ((YamlScalarNode)c).Value!));
                    }
                    else
                    {
                        diagnostics.Error(file, keyLine, "« formes » doit être une liste de mots.",
                            "Écrivez par exemple « formes: [métastases] » : les autres formes du terme dans les fiches (pluriel, féminin).");
                        ok = false;
                    }
                    break;
                case "relu":
                    if (value is YamlScalarNode { Value: "true" or "false" } flag)
                    {
                        reviewed = flag.Value == "true";
                    }
                    else
                    {
                        diagnostics.Error(file, keyLine, "« relu » doit valoir true ou false.",
                            "Laissez « relu: false » tant qu’un relecteur médical n’a pas validé la définition ; il la passe à true.");
                        ok = false;
                    }
                    break;
                default:
                    var nearest = NearestName.Find(key, Keys);
                    diagnostics.Error(file, keyLine, $"champ inconnu « {key} » dans le glossaire.",
                        (nearest is null ? "" : $"Vouliez-vous écrire « {nearest} » ? ") + $"Les champs possibles sont : {string.Join(", ", Keys)}.");
                    ok = false;
                    break;
            }
        }
        if (HiddenCharacters.IsBlank(term))
        {
            diagnostics.Error(file, line, "terme sans nom : le champ « terme » manque ou est vide.", $"Écrivez {Example}.");
            return null;
        }
        if (definition is null)
        {
            diagnostics.Error(file, line, $"le terme « {term} » n’a pas de définition.",
                "Ajoutez « definition: » suivi d’une phrase simple, de connaissance générale.");
            return null;
        }
        // The term, then its forms, each once (by its folded words), as written and folded. A loop rather than LINQ over
        // pairs, whose generic code the JIT compiled at every start.
        var folded = new List<string[]>();
        var writtenForms = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var form in (List<string>)[term, .. forms])
        {
            var words = AccentFolding.Fold(form).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length > 0 && seen.Add(string.Join(' ', words)))
            {
                folded.Add(words);
                writtenForms.Add(form.Trim());
            }
        }
        written = writtenForms;
        if (folded.Count == 0)
        {
            diagnostics.Error(file, line, $"le terme « {term} » ne contient aucune lettre.", "Écrivez le terme tel qu’il apparaît dans les fiches.");
            return null;
        }
        return ok ? new GlossaryEntry(term.Trim(), string.Join('-', folded[0]), folded, definition.Trim(), reviewed, line) : null;
    }

    private static string? Scalar(YamlNode node) => node is YamlScalarNode scalar ? scalar.Value : null;

    // YamlDotNet counts lines from 1.
    private static int Line(YamlNode node) => (int)node.Start.Line;
}
