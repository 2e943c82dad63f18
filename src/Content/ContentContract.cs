namespace FichesSite.Content;

/// <summary>
/// What a page type promises its readers, read from input/contracts.yml: the front-matter fields
/// it must fill and the sections (h2) it must have, in order. Kept in data so that the web team
/// can add a page type without touching code.
/// </summary>
public sealed class ContentContract
{
    /// <summary>Layout in theme/layouts/ that pages of this type use unless their front matter names one.</summary>
    public string Layout { get; set; } = "page";

    /// <summary>The line of contracts.yml that names <see cref="Layout"/> (0: the default, named nowhere).</summary>
    public int LayoutLine { get; set; }

    public List<string> RequiredFields { get; set; } = [];

    public List<SectionRule> Sections { get; set; } = [];

    /// <summary>
    /// The schema.org MedicalProcedureType of the procedure this page type describes
    /// (« PercutaneousProcedure »); when set, each page carries MedicalWebPage JSON-LD about a MedicalProcedure.
    /// </summary>
    public string? ProcedureType { get; set; }
}

public sealed class SectionRule
{
    /// <summary>The words the h2 starts with, compared without case, accents or punctuation.</summary>
    public string Heading { get; set; } = "";

    /// <summary>How many h3 sub-sections the section needs at least (e.g. one per risk).</summary>
    public int MinSubsections { get; set; }

    /// <summary>What one sub-section is called in messages (« risque »).</summary>
    public string SubsectionLabel { get; set; } = "sous-section";

    /// <summary>Percentages in this section are risks: each is also said in natural frequencies (Markdown/NaturalFrequencies).</summary>
    public bool RiskFigures { get; set; }

    /// <summary>The MedicalProcedure property this section's plain text fills in the JSON-LD (« howPerformed », « followup »).</summary>
    public string? SchemaProperty { get; set; }
}
