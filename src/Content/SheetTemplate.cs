using System.Text;

namespace FichesSite.Content;

/// <summary>
/// The Markdown of a new sheet of one kind: its header with every field the kind's contract requires, and its
/// sections in the contract's order, each still to write. What is left to write is a « [À compléter : …] » mark
/// (Placeholders), which the build refuses: a sheet started here is never published half-written.
/// </summary>
public static class SheetTemplate
{
    /// <summary>What each header field asks for, in the order a header is written. Fields not listed are left out.</summary>
    private static readonly (string Field, string What)[] Fields =
    [
        ("description", "une phrase de 160 caractères au plus, qui dit à qui s’adresse la fiche et ce qu’elle explique"),
        ("service", "le service de la fiche"),
        ("last_reviewed", "la date de la relecture médicale, AAAA-MM-JJ"),
        ("next_review", "la date de la prochaine relecture, AAAA-MM-JJ"),
        ("reviewed_by", "le nom et la fonction du relecteur"),
    ];

    public static string For(string kind, ContentContract contract, string title, SiteCatalog catalog)
    {
        var text = new StringBuilder();
        text.Append("---\n");
        text.Append("title: ").Append(Quoted(title)).Append('\n');
        text.Append("type: ").Append(kind).Append('\n');
        foreach (var (field, what) in Fields.Where(f => contract.RequiredFields.Contains(f.Field)))
        {
            var hint = field == "service" && catalog.Services.Count > 0
                ? $"{what}, parmi : {string.Join(", ", catalog.Services.Select(s => s.Slug))}"
                : what;
            text.Append(field).Append(": ").Append(Quoted(Placeholders.For(hint))).Append('\n');
        }
        if (catalog.Themes.Count > 0)
        {
            text.Append("# themes: [] — facultatif, jusqu’à 5 parmi : ").Append(string.Join(", ", catalog.Themes.Select(t => t.Slug))).Append('\n');
        }
        if (contract.RequiredFields.Contains("version"))
        {
            text.Append("version: \"1\"\n");
        }
        if (contract.RequiredFields.Contains("sources"))
        {
            text.Append("sources:\n  - { title: ").Append(Quoted(Placeholders.For("le titre de la source")))
                .Append(", publisher: ").Append(Quoted(Placeholders.For("son éditeur")))
                .Append(", year: ").Append(Quoted(Placeholders.For("son année"))).Append(" }\n");
        }
        text.Append("---\n");
        text.Append(Body(contract));
        return text.ToString();
    }

    /// <summary>
    /// The body of a new sheet: the contract's h2 sections in order, each with its text (and its minimum of h3) still to
    /// write. Also the body a sheet starts with in the web editor (Cms/DecapConfig), so both begin alike.
    /// </summary>
    public static string Body(ContentContract contract)
    {
        var text = new StringBuilder();
        foreach (var section in contract.Sections)
        {
            text.Append("\n## ").Append(section.Heading).Append("\n\n")
                .Append(Placeholders.For($"le texte de la section « {section.Heading} », tiré des sources")).Append('\n');
            for (var n = 1; n <= section.MinSubsections; n++)
            {
                text.Append("\n### ").Append(Placeholders.For($"{section.SubsectionLabel} {n}")).Append("\n\n")
                    .Append(Placeholders.For("ce qu’il faut en savoir, tiré des sources")).Append('\n');
            }
        }
        return text.ToString();
    }

    // A YAML double-quoted scalar: only « \ » and « " » need escaping in a title the command accepted (one line, no
    // hidden or control character).
    private static string Quoted(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
