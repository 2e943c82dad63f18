namespace FichesSite.Pipeline;

/// <summary>
/// Which of the two sites one source makes. The public site is the default; the intranet site adds what only staff
/// may read (« ::: interne » blocks, services' internal fields), carries noindex and a visible band, and keeps its
/// canonical links on the public sheets.
/// </summary>
public enum BuildTarget
{
    Public,
    Intranet,
}

/// <summary>The targets' names on the command line and in build.json.</summary>
public static class BuildTargets
{
    public const string PublicName = "public";
    public const string IntranetName = "intranet";

    public static string Name(BuildTarget target) => target == BuildTarget.Intranet ? IntranetName : PublicName;

    /// <summary>The target a name gives, or null for a name that is neither.</summary>
    public static BuildTarget? Parse(string? name) => name switch
    {
        PublicName => BuildTarget.Public,
        IntranetName => BuildTarget.Intranet,
        _ => null,
    };
}
