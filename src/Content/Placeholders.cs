using FichesSite.Pipeline;
using FichesSite.Text;

namespace FichesSite.Content;

/// <summary>
/// The marks « [À compléter : …] » that the « new » command writes where an author has something to write, and
/// how the build finds them: a bracket followed by the words « à compléter », in any case, with or without accents,
/// unless it is the text of a link (« [À compléter avant votre venue](questionnaire.pdf) » is a sentence, not a mark).
/// One rule for both, so that a sheet the command started can never be published half-written.
/// </summary>
public static class Placeholders
{
    // Enough characters after the bracket to hold « à compléter » with odd spacing or combining accents.
    private const int Window = 40;

    // A mark is shown in its error up to this length: one left unclosed runs to its line's end, which may be long.
    private const int LongestShown = 160;

    /// <summary>The mark for what is to be written there, e.g. « [À compléter : le nom du relecteur] ».</summary>
    public static string For(string what) => $"[À compléter : {what}]";

    /// <summary>Each mark left in a file: its 1-based line and the mark as written (up to its closing bracket or the line's end).</summary>
    /// <remarks>Line by line, each bracket looked at once: linear in the file, however many brackets a line holds.</remarks>
    public static List<(int Line, string Text)> Find(string source)
    {
        var found = new List<(int, string)>();
        var line = 0;
        for (var start = 0; start <= source.Length; line++)
        {
            var end = source.IndexOf('\n', start);
            end = end < 0 ? source.Length : end;
            var text = source.AsSpan(start, end - start).TrimEnd('\r');
            // The first « ] » at or after the bracket looked at, found again only once passed: each character of the
            // line is read a bounded number of times, however many brackets it holds.
            var close = -1;
            for (var bracket = text.IndexOf('['); bracket >= 0; bracket = NextBracket(text, bracket))
            {
                if (close < bracket && close != text.Length)
                {
                    var next = text[bracket..].IndexOf(']');
                    close = next < 0 ? text.Length : bracket + next;
                }
                var isLinkText = close + 1 < text.Length && text[close + 1] is '(' or '[';
                var after = text[(bracket + 1)..Math.Min(text.Length, bracket + 1 + Window)];
                if (!isLinkText && AccentFolding.StartsWithWords(after.ToString(), "à compléter"))
                {
                    var shown = text[bracket..Math.Min(text.Length, close + 1)];
                    found.Add((line + 1, shown.Length <= LongestShown ? shown.ToString() : shown[..LongestShown].ToString() + "…"));
                }
            }
            start = end + 1;
        }
        return found;
    }

    /// <summary>One error at each mark's line of <paramref name="source"/>; true when there was none.</summary>
    public static bool Report(string file, string source, DiagnosticBag diagnostics)
    {
        var marks = Find(source);
        foreach (var (line, text) in marks)
        {
            diagnostics.Error(file, line, $"repère « {text} » encore présent : ce passage reste à écrire.",
                "Remplacez le repère, crochets compris, par le texte voulu : une page n’est publiée qu’une fois chaque repère remplacé.");
        }
        return marks.Count == 0;
    }

    private static int NextBracket(ReadOnlySpan<char> line, int bracket)
    {
        var next = line[(bracket + 1)..].IndexOf('[');
        return next < 0 ? -1 : bracket + 1 + next;
    }
}
