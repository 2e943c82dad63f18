namespace FichesSite.Pipeline;

public enum Severity
{
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
        var label = Severity == Severity.Error ? "erreur" : "avertissement";
        return $"{Location}: {label} : {Message}\n    → {Fix}";
    }
}
