namespace FichesSite.Pipeline;

public enum Severity
{
    /// <summary>Worth knowing, nothing to fix yet (a review due soon); never fails a build, even under --strict.</summary>
    Notice,
    Warning,
    Error,
}

/// <summary>
/// One message for an author: where (file and line, 1-based; 0 when the whole file is meant),
/// what is wrong and what to do about it.
/// </summary>
public sealed record Diagnostic(Severity Severity, string File, int Line, string Message, string Fix)
{
    public string Location => Line > 0 ? $"{File}:{Line}" : File;

    public override string ToString()
    {
        var label = Severity switch
        {
            Severity.Error => "erreur",
            Severity.Warning => "avertissement",
            _ => "information",
        };
        return $"{Location}: {label} : {Message}\n    → {Fix}";
    }
}
