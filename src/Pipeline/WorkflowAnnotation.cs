namespace FichesSite.Pipeline;

/// <summary>
/// A diagnostic as a GitHub Actions workflow command (« ::error file=input/fiches/x.md,line=12::message »), so that a
/// pull request shows it on the changed line. Printed besides the usual message when GITHUB_ACTIONS is « true ».
/// </summary>
public static class WorkflowAnnotation
{
    /// <summary>True when the process runs as a step of a GitHub Actions workflow.</summary>
    public static bool Enabled => Environment.GetEnvironmentVariable("GITHUB_ACTIONS") == "true";

    /// <param name="workspace">The repository's root (GITHUB_WORKSPACE): annotation paths are relative to it.</param>
    public static string For(Diagnostic diagnostic, string workspace)
    {
        var command = diagnostic.Severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "notice",
        };
        var properties = new List<string>();
        if (diagnostic.File.Length > 0)
        {
            // GitHub wants « / » between folders; on Linux a backslash is a letter of the name.
            var path = Path.GetRelativePath(workspace, Path.GetFullPath(diagnostic.File)).Replace(Path.DirectorySeparatorChar, '/');
            properties.Add("file=" + Property(path));
            if (diagnostic.Line > 0)
            {
                properties.Add("line=" + diagnostic.Line.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        var head = properties.Count == 0 ? "::" + command : "::" + command + " " + string.Join(',', properties);
        return head + "::" + Data(diagnostic.Message + "\n→ " + diagnostic.Fix);
    }

    /// <summary>The diagnostic with any line end in its message or fix made a space, so that its text starts no line.</summary>
    public static Diagnostic OneLine(Diagnostic diagnostic) => diagnostic with
    {
        Message = diagnostic.Message.ReplaceLineEndings(" "),
        Fix = diagnostic.Fix.ReplaceLineEndings(" "),
    };

    // GitHub's escaping of a command's message: a percent sign or a line end would otherwise end or change it.
    private static string Data(string text) => text.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    // A property's value also ends at « , » and « : ».
    private static string Property(string text) => Data(text).Replace(":", "%3A").Replace(",", "%2C");
}
