using System.Collections.Concurrent;

namespace FichesSite.Pipeline;

/// <summary>
/// Collects the diagnostics of a build. Thread-safe because document stages run in parallel;
/// <see cref="All"/> sorts them so that the report reads the same on every run.
/// </summary>
public sealed class DiagnosticBag(bool warningsAreErrors = false)
{
    private readonly ConcurrentQueue<Diagnostic> _items = new();
    private readonly ConcurrentDictionary<string, bool> _filesWithErrors = new(StringComparer.Ordinal);

    /// <summary>An empty bag with the same rules, to gather one page's problems apart from the others'.</summary>
    public DiagnosticBag Sibling() => new(warningsAreErrors);

    public void Error(string file, int line, string message, string fix) =>
        Add(new Diagnostic(Severity.Error, file, line, message, fix));

    /// <summary>A problem that does not break the page; an error under --strict (<paramref name="warningsAreErrors"/>).</summary>
    public void Warning(string file, int line, string message, string fix) =>
        Add(new Diagnostic(warningsAreErrors ? Severity.Error : Severity.Warning, file, line, message, fix));

    /// <summary>Something for the author to plan for; stays a notice under --strict, which is about problems.</summary>
    public void Notice(string file, int line, string message, string fix) =>
        Add(new Diagnostic(Severity.Notice, file, line, message, fix));

    public void AddRange(DiagnosticBag other) => AddRange(other._items);

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            Add(diagnostic);
        }
    }

    /// <summary>True once <paramref name="file"/> has an error: later stages leave that page alone.</summary>
    public bool HasErrorsFor(string file) => _filesWithErrors.ContainsKey(file);

    public bool HasErrors => _items.Any(d => d.Severity == Severity.Error);

    private void Add(Diagnostic diagnostic)
    {
        _items.Enqueue(diagnostic);
        if (diagnostic.Severity == Severity.Error)
        {
            _filesWithErrors.TryAdd(diagnostic.File, true);
        }
    }

    public IReadOnlyList<Diagnostic> All =>
        _items
            .OrderBy(d => d.File, StringComparer.Ordinal)
            .ThenBy(d => d.Line)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();
}
