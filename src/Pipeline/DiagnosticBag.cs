using System.Collections.Concurrent;

namespace FichesSite.Pipeline;

/// <summary>
/// Collects the diagnostics of a build. Thread-safe because document stages run in parallel;
/// <see cref="All"/> sorts them so that the report reads the same on every run.
/// </summary>
/// <remarks>
/// It keeps at most <see cref="KeptPerFile"/> diagnostics of a file, the first ones found, and counts the others:
/// a page of 80,000 broken links would otherwise hold 80,000 messages, each with its strings, for an author who
/// reads the first few. <see cref="All"/> ends each such file with one line saying how many were left out.
/// </remarks>
public sealed class DiagnosticBag(bool warningsAreErrors = false)
{
    /// <summary>How many diagnostics of one file are kept.</summary>
    public const int KeptPerFile = 100;

    private readonly ConcurrentQueue<Diagnostic> _items = new();
    private readonly ConcurrentDictionary<string, FileCount> _files = new(StringComparer.Ordinal);
    private volatile bool _hasErrors;
    private volatile bool _hasSiteWideErrors;

    // Per file: how many were kept, how many were left out and whether an error was among them. Locked on itself.
    private sealed class FileCount
    {
        public int Kept;
        public int LeftOut;
        public bool HasErrors;
        public bool ErrorLeftOut;
    }

    /// <summary>An empty bag with the same rules, to gather one page's problems apart from the others'.</summary>
    public DiagnosticBag Sibling() => new(warningsAreErrors);

    /// <param name="wholeSite">
    /// The error concerns every page (a theme's template that does not parse, an internal error of a site stage): the
    /// runner starts no further stage, which would only report its effects on every page. An error about one file of
    /// the content, a page or not, lets the other pages go on, so that one build reports every page's problems.
    /// </param>
    public void Error(string file, int line, string message, string fix, bool wholeSite = false)
    {
        Add(new Diagnostic(Severity.Error, file, line, message, fix));
        _hasSiteWideErrors |= wholeSite;
    }

    /// <summary>A problem that does not break the page; an error under --strict (<paramref name="warningsAreErrors"/>).</summary>
    public void Warning(string file, int line, string message, string fix) =>
        Add(new Diagnostic(warningsAreErrors ? Severity.Error : Severity.Warning, file, line, message, fix));

    /// <summary>Something for the author to plan for; stays a notice under --strict, which is about problems.</summary>
    public void Notice(string file, int line, string message, string fix) =>
        Add(new Diagnostic(Severity.Notice, file, line, message, fix));

    /// <summary>Another bag's diagnostics, with what it left out.</summary>
    public void AddRange(DiagnosticBag other)
    {
        _hasSiteWideErrors |= other._hasSiteWideErrors;
        foreach (var diagnostic in other._items)
        {
            Add(diagnostic);
        }
        foreach (var (file, count) in other._files)
        {
            lock (count)
            {
                if (count.LeftOut > 0)
                {
                    LeaveOut(file, count.LeftOut, count.ErrorLeftOut);
                }
            }
        }
    }

    /// <summary>True once <paramref name="file"/> has an error: later stages leave that page alone.</summary>
    public bool HasErrorsFor(string file) => _files.TryGetValue(file, out var count) && count.HasErrors;

    public bool HasErrors => _hasErrors;

    /// <summary>True once an error concerns the whole site (see <see cref="Error"/>).</summary>
    public bool HasSiteWideErrors => _hasSiteWideErrors;

    private void Add(Diagnostic diagnostic)
    {
        var count = _files.GetOrAdd(diagnostic.File, static _ => new FileCount());
        var isError = diagnostic.Severity == Severity.Error;
        lock (count)
        {
            count.HasErrors |= isError;
            if (count.Kept == KeptPerFile)
            {
                count.LeftOut++;
                count.ErrorLeftOut |= isError;
            }
            else
            {
                count.Kept++;
                _items.Enqueue(diagnostic);
            }
        }
        if (isError)
        {
            _hasErrors = true;
        }
    }

    private void LeaveOut(string file, int number, bool errors)
    {
        var count = _files.GetOrAdd(file, static _ => new FileCount());
        lock (count)
        {
            count.LeftOut += number;
            count.ErrorLeftOut |= errors;
            count.HasErrors |= errors;
        }
        if (errors)
        {
            _hasErrors = true;
        }
    }

    public IReadOnlyList<Diagnostic> All
    {
        get
        {
            var sorted = _items
                .OrderBy(d => d.File, StringComparer.Ordinal)
                .ThenBy(d => d.Line)
                .ThenBy(d => d.Message, StringComparer.Ordinal)
                .ToList();
            var all = new List<Diagnostic>(sorted.Count);
            for (var i = 0; i < sorted.Count; i++)
            {
                all.Add(sorted[i]);
                var file = sorted[i].File;
                if ((i + 1 == sorted.Count || sorted[i + 1].File != file) && _files.TryGetValue(file, out var count) && count.LeftOut > 0)
                {
                    all.Add(LeftOut(file, count));
                }
            }
            return all;
        }
    }

    private static Diagnostic LeftOut(string file, FileCount count) => new(
        count.ErrorLeftOut ? Severity.Error : Severity.Warning, file, 0,
        $"{count.LeftOut} autre(s) problème(s) dans ce fichier, non affichés : seuls les {KeptPerFile} premiers le sont.",
        "Corrigez d’abord ceux-ci (souvent une même cause), puis relancez : les suivants apparaîtront.");
}
