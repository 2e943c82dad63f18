using FichesSite.Pipeline;
using FichesSite.Text;
using YamlDotNet.RepresentationModel;

namespace FichesSite.Content;

/// <summary>
/// Reads input/contracts.yml: for each type of page (the « type » of a page's header), its <see cref="ContentContract"/>.
/// One line per key, so a new rule is one line here. The schema.org names (« procedure_type », « schema_property »)
/// are checked here, on their line, so that a typo is an error rather than silent, invalid structured data.
/// </summary>
public static class ContractsFile
{
    /// <summary>The members of schema.org's MedicalProcedureType enumeration.</summary>
    private static readonly IReadOnlyList<string> ProcedureTypes = ["NoninvasiveProcedure", "PercutaneousProcedure"];

    /// <summary>The MedicalProcedure properties a section may fill (plain text in schema.org).</summary>
    private static readonly IReadOnlyList<string> SectionProperties = ["howPerformed", "preparation", "followup"];

    /// <returns>The contracts by type, or null after an error (reported in <paramref name="diagnostics"/>).</returns>
    public static Dictionary<string, ContentContract>? Read(string path, string displayPath, DiagnosticBag diagnostics)
    {
        if (YamlConfigFile.Open(path, displayPath, diagnostics) is not { } file)
        {
            return null;
        }
        var unknownName = false;
        var contracts = new Dictionary<string, ContentContract>(StringComparer.Ordinal);
        foreach (var (type, value) in file.Group(file.Root))
        {
            // A schema.org name, or an error on its line naming the nearest one.
            string? SchemaOrg(YamlNode node, string key, IReadOnlyList<string> known)
            {
                var name = file.Text(node);
                if (name is null || known.Contains(name))
                {
                    return name;
                }
                var nearest = NearestName.Find(name, known);
                diagnostics.Error(displayPath, (int)node.Start.Line, $"« {key}: {name} » inconnu pour le type « {type.Value} ».",
                    (nearest is null ? "" : $"Vouliez-vous écrire « {nearest} » ? ") + $"Les valeurs possibles (schema.org) sont : {string.Join(", ", known)}.");
                unknownName = true;
                return null;
            }

            var contract = new ContentContract();
            file.Fields(value, new Dictionary<string, Action<YamlNode>>
            {
                ["layout"] = value =>
                {
                    contract.Layout = file.Text(value) ?? contract.Layout;
                    contract.LayoutLine = (int)value.Start.Line;
                },
                ["required_fields"] = value => contract.RequiredFields = file.Texts(value),
                ["sections"] = value => contract.Sections =
                    [.. file.Items(value).Select(item => Section(file, item, node => SchemaOrg(node, "schema_property", SectionProperties)))],
                ["procedure_type"] = value => contract.ProcedureType = SchemaOrg(value, "procedure_type", ProcedureTypes),
            });
            contracts[type.Value!] = contract;
        }
        return file.Failed || unknownName ? null : contracts;
    }

    private static SectionRule Section(YamlConfigFile file, YamlNode node, Func<YamlNode, string?> schemaProperty)
    {
        var rule = new SectionRule();
        file.Fields(node, new Dictionary<string, Action<YamlNode>>
        {
            ["heading"] = value => rule.Heading = file.Text(value) ?? "",
            ["min_subsections"] = value => rule.MinSubsections = file.Integer(value, rule.MinSubsections),
            ["subsection_label"] = value => rule.SubsectionLabel = file.Text(value) ?? rule.SubsectionLabel,
            ["risk_figures"] = value => rule.RiskFigures = file.Flag(value, rule.RiskFigures),
            ["schema_property"] = value => rule.SchemaProperty = schemaProperty(value),
        });
        return rule;
    }
}
