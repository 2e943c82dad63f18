using FichesSite.Pipeline;
using YamlDotNet.RepresentationModel;

namespace FichesSite.Content;

/// <summary>
/// Reads input/contracts.yml: for each type of page (the « type » of a page's header), its <see cref="ContentContract"/>.
/// One line per key, so a new rule is one line here.
/// </summary>
public static class ContractsFile
{
    /// <returns>The contracts by type, or null after an error (reported in <paramref name="diagnostics"/>).</returns>
    public static Dictionary<string, ContentContract>? Read(string path, string displayPath, DiagnosticBag diagnostics)
    {
        if (YamlConfigFile.Open(path, displayPath, diagnostics) is not { } file)
        {
            return null;
        }
        var contracts = new Dictionary<string, ContentContract>(StringComparer.Ordinal);
        foreach (var (type, value) in file.Group(file.Root))
        {
            var contract = new ContentContract();
            file.Fields(value, new Dictionary<string, Action<YamlNode>>
            {
                ["layout"] = value =>
                {
                    contract.Layout = file.Text(value) ?? contract.Layout;
                    contract.LayoutLine = (int)value.Start.Line;
                },
                ["required_fields"] = value => contract.RequiredFields = file.Texts(value),
                ["sections"] = value => contract.Sections = [.. file.Items(value).Select(item => Section(file, item))],
                ["procedure_type"] = value => contract.ProcedureType = file.Text(value),
            });
            contracts[type.Value!] = contract;
        }
        return file.Failed ? null : contracts;
    }

    private static SectionRule Section(YamlConfigFile file, YamlNode node)
    {
        var rule = new SectionRule();
        file.Fields(node, new Dictionary<string, Action<YamlNode>>
        {
            ["heading"] = value => rule.Heading = file.Text(value) ?? "",
            ["min_subsections"] = value => rule.MinSubsections = file.Integer(value, rule.MinSubsections),
            ["subsection_label"] = value => rule.SubsectionLabel = file.Text(value) ?? rule.SubsectionLabel,
            ["risk_figures"] = value => rule.RiskFigures = file.Flag(value, rule.RiskFigures),
            ["schema_property"] = value => rule.SchemaProperty = file.Text(value),
        });
        return rule;
    }
}
