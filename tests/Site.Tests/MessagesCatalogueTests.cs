using System.Text.RegularExpressions;

namespace FichesSite.Tests;

/// <summary>
/// docs/messages-d-erreur.md is the authors' list of every message with its fix: it must hold every message the code
/// reports (each <c>.Error(…)</c>, <c>.Warning(…)</c> and <c>.Notice(…)</c> written as text), and nothing the code no
/// longer says. Read from the sources. A placeholder is « … » in the catalogue and an interpolation hole in the code;
/// either side's « … » stands for any text. A catalogue row may give variants separated by « / », start with its
/// severity in italics (*avertissement* :) and end with a note in brackets after the message's full stop.
/// </summary>
public sealed partial class MessagesCatalogueTests
{
    private static readonly string Catalogue = Path.Combine(TestSite.RepositoryRoot, "docs", "messages-d-erreur.md");

    // Short texts such as « … : … » say nothing on their own: only messages with this many letters besides holes count.
    private const int MinimumLetters = 12;

    public static TheoryData<string, string> CodeMessages()
    {
        var data = new TheoryData<string, string>();
        foreach (var (file, message) in ReportedMessages().Where(m => Letters(m.Message) >= MinimumLetters))
        {
            data.Add(file, message);
        }
        return data;
    }

    public static TheoryData<string> CatalogueMessages() => new(CatalogueRows().SelectMany(Variants).Where(m => Fragments(m).Count > 0).Distinct(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(CodeMessages))]
    public void Every_message_the_code_reports_is_in_the_catalogue(string file, string message)
    {
        var pattern = Wildcard(message);
        var rows = CatalogueRows().SelectMany(Variants).ToList();
        Assert.True(rows.Any(row => pattern.IsMatch(row) || Wildcard(row).IsMatch(message)),
            $"{file}: « {message} » is not in docs/messages-d-erreur.md: add a row with the message and what to do.");
    }

    [Theory]
    [MemberData(nameof(CatalogueMessages))]
    public void Every_message_of_the_catalogue_is_still_in_the_code(string row)
    {
        // Messages are often put together from pieces (« le nom « … » est refusé : » and the reason found elsewhere),
        // and the catalogue may show an example value (« h2 puis h4 ») or variants in brackets: a row is stale when none
        // of its runs of words between placeholders, values, quotes, brackets and « : » stands in a literal of the sources.
        var fragments = Fragments(row);
        var literals = SourceLiterals().ToList();
        var pieces = literals.SelectMany(Fragments).ToHashSet(StringComparer.Ordinal);
        Assert.True(fragments.Any(f => literals.Any(l => l.Contains(f, StringComparison.Ordinal)) || pieces.Any(p => f.Contains(p, StringComparison.Ordinal))),
            $"docs/messages-d-erreur.md: « {row} »: none of « {string.Join(" », « ", fragments)} » stands in src/: the code no longer says it; correct or remove the row.");
    }

    private static List<string> Fragments(string row) =>
        Fragment().Split(row).Select(f => f.Trim(' ', ',', ';', ':', '.', '/')).Where(f => Letters(f) >= MinimumLetters).ToList();

    // The message argument (the third) of every diagnostic call whose message is written as text.
    private static IEnumerable<(string File, string Message)> ReportedMessages()
    {
        foreach (var (file, source) in Sources())
        {
            foreach (Match call in DiagnosticCall().Matches(source))
            {
                var arguments = Arguments(source, call.Index + call.Length);
                if (arguments.Count >= 3 && Text(arguments[2]) is { } message)
                {
                    yield return (file, message);
                }
            }
        }
    }

    // Every string literal of src/, and each « + » chain of them, as text with « … » for holes.
    private static IEnumerable<string> SourceLiterals()
    {
        foreach (var (_, source) in Sources())
        {
            foreach (Match chain in LiteralChain().Matches(source))
            {
                if (Text(chain.Value) is { } text)
                {
                    yield return text;
                }
            }
        }
    }

    private static IEnumerable<(string File, string Source)> Sources()
    {
        var src = Path.Combine(TestSite.RepositoryRoot, "src");
        return Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(TestSite.RepositoryRoot, f).Replace('\\', '/'), File.ReadAllText(f)));
    }

    // The top-level arguments of a call, from just after its opening bracket; strings and nested brackets skipped.
    private static List<string> Arguments(string source, int start)
    {
        var arguments = new List<string>();
        var depth = 0;
        var begin = start;
        for (var i = start; i < source.Length; i++)
        {
            var c = source[i];
            if (c == '"')
            {
                i = EndOfString(source, i);
                continue;
            }
            if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}')
            {
                if (depth-- == 0)
                {
                    arguments.Add(source[begin..i].Trim());
                    return arguments;
                }
            }
            else if (c == ',' && depth == 0)
            {
                arguments.Add(source[begin..i].Trim());
                begin = i + 1;
            }
        }
        return arguments;
    }

    private static int EndOfString(string source, int quote)
    {
        for (var i = quote + 1; i < source.Length; i++)
        {
            if (source[i] == '\\')
            {
                i++;
            }
            else if (source[i] == '"')
            {
                return i;
            }
        }
        return source.Length;
    }

    // The text of an expression made only of string literals joined by « + » (holes as « … »), or null.
    private static string? Text(string expression)
    {
        var parts = StringLiteral().Matches(expression);
        if (parts.Count == 0)
        {
            return null;
        }
        var text = string.Concat(parts.Select(p => Hole().Replace(p.Groups["text"].Value, "…")));
        return Normalise(text.Replace("\\\"", "\"").Replace("\\n", " "));
    }

    private static IEnumerable<string> CatalogueRows() =>
        File.ReadLines(Catalogue)
            .Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| Message", StringComparison.Ordinal))
            .Select(l => l.Replace("\\|", "\u0001", StringComparison.Ordinal).Split('|')[1].Replace("\u0001", "|", StringComparison.Ordinal))
            .Select(Normalise);

    private static IEnumerable<string> Variants(string row)
    {
        row = Severity().Replace(row, "");
        row = Note().Replace(row, "$1");
        return row.Split(" / ").Select(v => v.Trim());
    }

    private static string Normalise(string text) => Spaces().Replace(text.Replace("`", ""), " ").Trim();

    private static int Letters(string text) => text.Count(char.IsLetter);

    // « … » on either side stands for any text; a final full stop is optional.
    private static Regex Wildcard(string text) =>
        new("^" + string.Join(".*", text.TrimEnd('.').Split('…').Select(Regex.Escape)) + "\\.?$", RegexOptions.Singleline);

    [GeneratedRegex(@"\.(Error|Warning|Notice)\(")]
    private static partial Regex DiagnosticCall();

    [GeneratedRegex(@"\$?@?""(?<text>(?:[^""\\]|\\.)*)""")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\$?""(?:[^""\\]|\\.)*""(?:\s*\+\s*\$?""(?:[^""\\]|\\.)*"")*")]
    private static partial Regex LiteralChain();

    [GeneratedRegex(@"\{[^{}]*(\{[^{}]*\}[^{}]*)*\}")]
    private static partial Regex Hole();

    [GeneratedRegex(@"^\*[^*]+\* : ")]
    private static partial Regex Severity();

    [GeneratedRegex(@"^(.*[.…»!?]) \([^()]*\)$")]
    private static partial Regex Note();

    [GeneratedRegex(@"…|«|»|\(|\)|\d+|""| : |/")]
    private static partial Regex Fragment();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
