using System.Text;

namespace FichesSite.Tests.Collection;

/// <summary>
/// A site of many sheets for the collection's tests: the repository's content with services.yml and themes.yml
/// replaced, and sheets made from the repository's sheet with their own title, service and themes.
/// </summary>
public sealed class CollectionSite : IDisposable
{
    public sealed record Sheet(string Slug, string Title, string Service, IReadOnlyList<string> Themes);

    public CollectionSite(IReadOnlyList<string> services, IReadOnlyList<string> themes, IReadOnlyList<Sheet> sheets)
    {
        Site = new TestSite();
        Sheets = sheets;
        var data = Path.Combine(Site.Input, "data");
        var servicesYml = new StringBuilder("# Services d’essai\n");
        foreach (var service in services)
        {
            servicesYml.Append(service).Append(":\n  name: \"Service ").Append(service).Append(" (essai)\"\n  phone: \"01 00 00 00 0")
                .Append(services.ToList().IndexOf(service) % 10).Append("\"\n");
        }
        File.WriteAllText(Path.Combine(data, "services.yml"), servicesYml.ToString());
        var themesYml = new StringBuilder("# Thèmes d’essai\n");
        foreach (var theme in themes)
        {
            themesYml.Append(theme).Append(":\n  name: \"Thème ").Append(theme).Append("\"\n");
        }
        File.WriteAllText(Path.Combine(data, "themes.yml"), themesYml.ToString());

        var fiches = Path.Combine(Site.Input, "fiches");
        var model = File.ReadAllText(Path.Combine(fiches, "cimentoplastie-metastases-osseuses.md"));
        File.Delete(Path.Combine(fiches, "cimentoplastie-metastases-osseuses.md"));
        foreach (var sheet in sheets)
        {
            var text = model
                .Replace("title: \"Cimentoplastie en cas de métastases osseuses\"", $"title: \"{sheet.Title}\"", StringComparison.Ordinal)
                .Replace("service: radiologie-interventionnelle", $"service: {sheet.Service}", StringComparison.Ordinal)
                .Replace("themes: [cancerologie]", $"themes: [{string.Join(", ", sheet.Themes)}]", StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(fiches, sheet.Slug + ".md"), text);
        }
    }

    public TestSite Site { get; }

    public IReadOnlyList<Sheet> Sheets { get; }

    public static string PathOf(Sheet sheet) => "fiches/" + sheet.Slug + "/index.html";

    public void Dispose() => Site.Dispose();
}
