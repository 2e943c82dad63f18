using FichesSite.Pipeline;
using YamlDotNet.RepresentationModel;

namespace FichesSite.Rendering;

/// <summary>
/// The words of the interface (theme/i18n/fr.yml), so that templates hold markup only and a
/// translation is one new file. Exposed to templates as <c>t</c>.
/// </summary>
public sealed class ThemeStrings
{
    private ThemeStrings(IReadOnlyDictionary<string, object> values) => Values = values;

    public IReadOnlyDictionary<string, object> Values { get; }

    public static ThemeStrings? Load(string path, string displayPath, DiagnosticBag diagnostics)
    {
        const string fix = "Corrigez le YAML de ce fichier (« clé: texte », deux espaces par niveau).";
        if (InputFiles.ReadUtf8(path, displayPath, diagnostics) is not { } text
            || Content.BoundedYaml.TryLoad(text, displayPath, "textes du thème illisibles", fix, diagnostics) is not { } stream)
        {
            return null;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            diagnostics.Error(displayPath, 1, "textes du thème illisibles : le fichier doit être un groupe de « clé: texte ».", fix);
            return null;
        }
        return new ThemeStrings((Dictionary<string, object>)Value(root));
    }

    public string Text(string section, string key) =>
        Values.TryGetValue(section, out var group) && group is IReadOnlyDictionary<string, object> map && map.TryGetValue(key, out var text)
            ? (string)text
            : throw new InvalidOperationException($"theme/i18n: missing « {section}.{key} ».");

    public IReadOnlyList<string> List(string key) =>
        Values.TryGetValue(key, out var list) && list is List<object> items
            ? items.Select(i => (string)i).ToList()
            : throw new InvalidOperationException($"theme/i18n: missing list « {key} ».");

    public IReadOnlyDictionary<string, string> Map(string section) =>
        Values.TryGetValue(section, out var group) && group is IReadOnlyDictionary<string, object> map
            ? map.ToDictionary(p => p.Key, p => (string)p.Value)
            : throw new InvalidOperationException($"theme/i18n: missing section « {section} ».");

    /// <summary>A date as French readers write it: « 15 janvier 2026 ». Month names come from the strings file, not the OS culture.</summary>
    public string LongDate(DateOnly date) => $"{date.Day} {List("months")[date.Month - 1]} {date.Year}";

    // Groups become dictionaries, lists lists, and every other value its text, as the templates read them (YAML's
    // empty value is an empty text, as the configuration files read it). Read from YAML's tree: a deserializer is
    // assembled by reflection at every start, for a file of fifty lines.
    private static object Value(YamlNode node) => node switch
    {
        YamlMappingNode group => group.Children.ToDictionary(field => (field.Key as YamlScalarNode)?.Value ?? "", field => Value(field.Value), StringComparer.Ordinal),
        YamlSequenceNode list => list.Children.Select(Value).ToList(),
        _ when Content.YamlConfigFile.IsNull(node) => "",
        _ => (node as YamlScalarNode)?.Value ?? "",
    };
}
