namespace FichesSite.Collection;

/// <summary>
/// Up to <see cref="Most"/> other sheets to suggest on a sheet, chosen the same way on every build: first sheets of
/// its service that share one of its themes, then other sheets of its service, then sheets that share a theme. Within
/// each group, the sheets that follow it in title order (from the start again after the last), so that every sheet of
/// a group is suggested by its neighbours rather than the first three by all. Linear in the number of sheets: each
/// sheet reads a few neighbours in its groups, never a whole group.
/// </summary>
public static class RelatedSheets
{
    public const int Most = 3;

    /// <param name="sheets">Every sheet, in title order.</param>
    public static Dictionary<string, IReadOnlyList<SheetSummary>> Of(IReadOnlyList<SheetSummary> sheets)
    {
        // Each group in title order, with each sheet's place in it.
        var groups = new Dictionary<string, List<SheetSummary>>(StringComparer.Ordinal);
        void Add(string key, SheetSummary sheet)
        {
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = [];
            }
            list.Add(sheet);
        }
        foreach (var sheet in sheets)
        {
            foreach (var theme in sheet.Themes)
            {
                if (sheet.Service is { } service)
                {
                    Add(ServiceThemeKey(service, theme), sheet);
                }
                Add(ThemeKey(theme), sheet);
            }
            if (sheet.Service is { } own)
            {
                Add(ServiceKey(own), sheet);
            }
        }
        var places = new Dictionary<(string Group, string Path), int>();
        foreach (var (key, list) in groups)
        {
            for (var i = 0; i < list.Count; i++)
            {
                places[(key, list[i].Path)] = i;
            }
        }

        var related = new Dictionary<string, IReadOnlyList<SheetSummary>>(StringComparer.Ordinal);
        foreach (var sheet in sheets)
        {
            var chosen = new List<SheetSummary>(Most);
            void TakeFrom(string key)
            {
                if (chosen.Count == Most || !groups.TryGetValue(key, out var list))
                {
                    return;
                }
                var place = places[(key, sheet.Path)];
                // At most Most + 1 + Most steps: the sheet itself and sheets already chosen are passed over.
                for (var step = 1; step < list.Count && step <= 2 * Most + 1 && chosen.Count < Most; step++)
                {
                    var candidate = list[(place + step) % list.Count];
                    if (!chosen.Contains(candidate))
                    {
                        chosen.Add(candidate);
                    }
                }
            }
            var themes = sheet.Themes.Order(StringComparer.Ordinal).ToList();
            if (sheet.Service is { } service)
            {
                foreach (var theme in themes)
                {
                    TakeFrom(ServiceThemeKey(service, theme));
                }
                TakeFrom(ServiceKey(service));
            }
            foreach (var theme in themes)
            {
                TakeFrom(ThemeKey(theme));
            }
            related[sheet.Path] = chosen;
        }
        return related;
    }

    private static string ServiceKey(string service) => "s:" + service;
    private static string ThemeKey(string theme) => "t:" + theme;
    private static string ServiceThemeKey(string service, string theme) => "st:" + service + ":" + theme;
}
