using FichesSite.Pipeline;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace FichesSite.Content;

/// <summary>
/// Reads a configuration file (site.yml, contracts.yml, the theme's strings) into a typed model.
/// Keys are snake_case; an unknown key is an error, so a typo never silently drops a setting.
/// </summary>
public static class YamlConfigFile
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    public static T? Read<T>(string path, string displayPath, DiagnosticBag diagnostics) where T : class
    {
        if (!File.Exists(path))
        {
            diagnostics.Error(displayPath, 0, "fichier introuvable.", $"Créez « {displayPath} » (voir le README pour un exemple).");
            return null;
        }
        try
        {
            var model = Deserializer.Deserialize<T>(File.ReadAllText(path));
            if (model is null)
            {
                diagnostics.Error(displayPath, 1, "le fichier est vide.", "Remplissez-le (voir le README pour un exemple).");
            }
            return model;
        }
        catch (YamlException e)
        {
            var reason = (e.InnerException?.Message ?? e.Message).Split("): ", 2).Last();
            diagnostics.Error(displayPath, (int)e.Start.Line, $"configuration illisible : {reason}",
                "Vérifiez le nom du champ et l’indentation de cette ligne (deux espaces par niveau, « nom: valeur »).");
            return null;
        }
    }
}
