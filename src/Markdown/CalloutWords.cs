namespace FichesSite.Markdown;

/// <summary>
/// The words callouts show, from theme/i18n/fr.yml (no French in the code): each kind's title (« alerts: »), and the
/// urgency that a care card states before its action (« care_levels: »), so that the urgency is read, not only seen
/// as a colour.
/// </summary>
/// <param name="Titles">By kind name in upper case: « Important », « L’essentiel », « Appelez le service sans attendre »…</param>
/// <param name="CareLevels">By care card kind: « Sans urgence », « Urgent », « Urgence ».</param>
public sealed record CalloutWords(IReadOnlyDictionary<string, string> Titles, IReadOnlyDictionary<string, string> CareLevels)
{
    /// <summary>Each kind titled with its own name: for tests that look at structure, not words.</summary>
    public static readonly CalloutWords Names = new(
        CalloutKinds.All.ToDictionary(k => k.Name, k => k.Name),
        CalloutKinds.All.Where(k => k.Component == CalloutComponent.CareCard).ToDictionary(k => k.Name, k => k.Name));

    /// <summary>The title of a kind; a GitHub alert missing from the theme shows its name, a component must have its words.</summary>
    public string Title(CalloutKind kind) =>
        Titles.TryGetValue(kind.Name, out var title) ? title
        : kind.Component == CalloutComponent.Alert ? kind.Name
        : throw new InvalidOperationException($"theme/i18n: missing « alerts.{kind.Name} ».");

    public string CareLevel(CalloutKind kind) =>
        CareLevels.TryGetValue(kind.Name, out var level) ? level : throw new InvalidOperationException($"theme/i18n: missing « care_levels.{kind.Name} ».");
}
