using System.Globalization;
using FichesSite.Pipeline;
using FichesSite.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FichesSite.Content;

/// <summary>
/// A configuration file (site.yml, contracts.yml) read field by field from its YAML tree, by
/// <see cref="SiteConfigFile"/> and <see cref="ContractsFile"/>. Keys are snake_case; an unknown key, or a value of
/// the wrong kind, is an error naming its line (and the nearest known key), so that a typo never silently drops a
/// setting. Every message starts with <see cref="Unreadable"/>.
/// </summary>
/// <remarks>
/// By hand rather than with YamlDotNet's typed deserializer: that one is put together by reflection at every start,
/// a delay before the first page out of proportion with files of a few dozen lines (docs/benchmarks.md).
/// </remarks>
public sealed class YamlConfigFile
{
    public const string Unreadable = "configuration illisible";

    private const string KindFix = "Vérifiez la valeur de ce champ et son indentation (deux espaces par niveau, « nom: valeur »).";

    private readonly string _displayPath;
    private readonly DiagnosticBag _diagnostics;

    private YamlConfigFile(string displayPath, DiagnosticBag diagnostics, YamlNode root)
    {
        _displayPath = displayPath;
        _diagnostics = diagnostics;
        Root = root;
    }

    /// <summary>The file's top-level value.</summary>
    public YamlNode Root { get; }

    /// <summary>True once a value of the file was refused.</summary>
    public bool Failed { get; private set; }

    /// <summary>The file's YAML tree, or null after an error (missing or empty file, YAML that does not parse).</summary>
    /// <param name="mayBeEmpty">For a data file, where no entry is a fine start: an empty file (or only comments) is an empty group.</param>
    public static YamlConfigFile? Open(string path, string displayPath, DiagnosticBag diagnostics, bool mayBeEmpty = false)
    {
        if (InputFiles.ReadUtf8(path, displayPath, diagnostics) is not { } text)
        {
            return null;
        }
        if (BoundedYaml.TryLoad(text, displayPath, Unreadable,
                "Vérifiez l’indentation et les guillemets de cette ligne (deux espaces par niveau, « nom: valeur »).", diagnostics) is not { } stream)
        {
            return null;
        }
        if (stream.Documents.Count == 0 || IsNull(stream.Documents[0].RootNode))
        {
            if (mayBeEmpty)
            {
                return new YamlConfigFile(displayPath, diagnostics, new YamlMappingNode());
            }
            diagnostics.Error(displayPath, 1, "le fichier est vide.", "Remplissez-le (voir le README pour un exemple).");
            return null;
        }
        return new YamlConfigFile(displayPath, diagnostics, stream.Documents[0].RootNode);
    }

    /// <summary>
    /// Hands each field of a group to the reader of its name. A name without a reader is an error naming the nearest
    /// known one; so is a value that is not a group.
    /// </summary>
    public void Fields(YamlNode node, IReadOnlyDictionary<string, Action<YamlNode>> readers)
    {
        if (IsNull(node))
        {
            return; // « readability: » with nothing under it: every default stays
        }
        foreach (var (key, value) in Group(node))
        {
            if (readers.TryGetValue(key.Value!, out var read))
            {
                read(value);
                continue;
            }
            var nearest = NearestName.Find(key.Value!, readers.Keys);
            Refuse(key, $"champ inconnu « {key.Value} ».",
                (nearest is null ? "" : $"Vouliez-vous écrire « {nearest} » ? ") + $"Les champs possibles ici sont : {string.Join(", ", readers.Keys)}.");
        }
    }

    /// <summary>
    /// The fields of a group in the order written, each key a name; an error (and nothing) for any other value, and for a
    /// name written a second time (YAML refuses it, unless a tag such as « !!str » makes the two keys look different).
    /// </summary>
    public IEnumerable<(YamlScalarNode Key, YamlNode Value)> Group(YamlNode node)
    {
        if (node is not YamlMappingNode mapping)
        {
            Refuse(node, "un groupe de champs « nom: valeur » est attendu ici.", KindFix);
            yield break;
        }
        var lines = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Children)
        {
            if (key is YamlScalarNode { Value.Length: > 0 } name)
            {
                if (!lines.TryAdd(name.Value!, name.Start.Line))
                {
                    Refuse(key, $"« {name.Value} » est écrit deux fois (d’abord à la ligne {lines[name.Value!]}).",
                        "Gardez-le une seule fois : réunissez ce qu’il y a sous les deux, ou renommez l’un (une étiquette comme « !!str » devant ne change pas le nom).");
                    continue;
                }
                yield return (name, value);
            }
            else
            {
                Refuse(key, "un nom de champ doit être un mot.", KindFix);
            }
        }
    }

    /// <summary>The items of a list (none for YAML's empty value); an error (and nothing) for any other value.</summary>
    public IList<YamlNode> Items(YamlNode node)
    {
        if (IsNull(node))
        {
            return [];
        }
        if (node is YamlSequenceNode list)
        {
            return list.Children;
        }
        Refuse(node, "une liste est attendue ici (« [a, b] », ou une ligne « - » par élément).", KindFix);
        return [];
    }

    /// <summary>A text, or null for YAML's empty value (« ~ », « null », nothing); an error for a list or a group.</summary>
    public string? Text(YamlNode node)
    {
        if (node is YamlScalarNode scalar)
        {
            return IsNull(scalar) ? null : scalar.Value;
        }
        Refuse(node, "une valeur simple est attendue ici, pas une liste ni un groupe.", KindFix);
        return null;
    }

    /// <summary>Texts, one per item of a list.</summary>
    public List<string> Texts(YamlNode node)
    {
        var texts = new List<string>();
        foreach (var item in Items(node))
        {
            if (Text(item) is { } text)
            {
                texts.Add(text);
            }
        }
        return texts;
    }

    public double Number(YamlNode node, double fallback) =>
        Parsed(node, fallback, static (string text, out double number) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number),
            "n’est pas un nombre", "Écrivez un nombre, avec un point pour les décimales (par exemple 60 ou 12.5).");

    public int Integer(YamlNode node, int fallback) =>
        Parsed(node, fallback, static (string text, out int number) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out number),
            "n’est pas un nombre entier", "Écrivez un nombre entier, par exemple 1.");

    public bool Flag(YamlNode node, bool fallback) =>
        Parsed(node, fallback, static (string text, out bool flag) => bool.TryParse(text, out flag),
            "n’est ni true ni false", "Écrivez true (oui) ou false (non).");

    private delegate bool TryParse<T>(string text, out T value);

    // A value read from its text; YAML's empty value keeps the fallback, a text that does not read is an error.
    private T Parsed<T>(YamlNode node, T fallback, TryParse<T> parse, string notThis, string fix)
    {
        var text = Text(node);
        if (text is null)
        {
            return fallback;
        }
        if (parse(text, out var value))
        {
            return value;
        }
        Refuse(node, $"« {text} » {notThis}.", fix);
        return fallback;
    }

    /// <summary>YAML's plain null: « ~ », « null » in any of its cases, or nothing at all (not « "~" » in quotes).</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    private void Refuse(YamlNode node, string message, string fix)
    {
        _diagnostics.Error(_displayPath, (int)node.Start.Line, $"{Unreadable} : {message}", fix);
        Failed = true;
    }
}
