using FichesSite.Text;

namespace FichesSite.Markdown;

/// <summary>What a callout kind becomes on the page.</summary>
public enum CalloutComponent
{
    /// <summary>GitHub's five alerts (« > [!IMPORTANT] »): a box with its title.</summary>
    Alert,

    /// <summary>« L’essentiel »: the key points of the page, its first block.</summary>
    KeyPoints,

    /// <summary>A care card: what to do and how urgently (its title is the action: « Appelez le service sans attendre »).</summary>
    CareCard,

    /// <summary>A list of things to do, each marked by a tick.</summary>
    DoList,

    /// <summary>A list of things to avoid, each marked by a cross.</summary>
    DontList,
}

/// <summary>One name an author may write in « > [!NAME] », and what it becomes.</summary>
/// <param name="Name">The name as the guide writes it, in upper case without accents (authors may write it in any case).</param>
/// <param name="NeedsService">It tells the reader to call the sheet's service, so it shows that service's phone and hours
/// and needs the page to name one (« service: »).</param>
public sealed record CalloutKind(string Name, CalloutComponent Component, bool NeedsService = false);

/// <summary>
/// The one list of callout kinds (« > [!NAME] »): GitHub's five alerts and the site's patient-information components.
/// Names are matched ignoring case, as GitHub and Markdig do (« [!essentiel] » is « [!ESSENTIEL] »), and only in ASCII
/// letters, as Markdig reads them: « [!ÉVITER] » is refused with the name to write (<see cref="Nearest"/>) rather than
/// accepted, so that one spelling stands in every source and each source still renders as a callout on GitHub.
/// </summary>
public static class CalloutKinds
{
    public static readonly CalloutKind Essentiel = new("ESSENTIEL", CalloutComponent.KeyPoints);
    public static readonly CalloutKind Conseil = new("CONSEIL", CalloutComponent.CareCard, NeedsService: true);
    public static readonly CalloutKind Urgent = new("URGENT", CalloutComponent.CareCard, NeedsService: true);
    public static readonly CalloutKind Urgence = new("URGENCE", CalloutComponent.CareCard);
    public static readonly CalloutKind Faire = new("FAIRE", CalloutComponent.DoList);
    public static readonly CalloutKind Eviter = new("EVITER", CalloutComponent.DontList);

    /// <summary>Every kind, the site's components first (the order of the guide and of error messages).</summary>
    public static readonly IReadOnlyList<CalloutKind> All =
    [
        Essentiel, Conseil, Urgent, Urgence, Faire, Eviter,
        new("NOTE", CalloutComponent.Alert), new("TIP", CalloutComponent.Alert), new("IMPORTANT", CalloutComponent.Alert),
        new("WARNING", CalloutComponent.Alert), new("CAUTION", CalloutComponent.Alert),
    ];

    /// <summary>The kind written as <paramref name="name"/> in any case, or null when there is none.</summary>
    public static CalloutKind? Find(string name) =>
        All.FirstOrDefault(k => k.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The known name nearest to an unknown one, accents ignored (« ÉVITER » gives « EVITER »); null when none is near.</summary>
    public static string? Nearest(string unknown) =>
        NearestName.Find(AccentFolding.Fold(unknown, '-'), All.Select(k => k.Name));

    /// <summary>Every name as written in a page, for the fix of a message.</summary>
    public static string Written => string.Join(", ", All.Select(k => $"[!{k.Name}]"));
}
