using FichesSite.Text;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace FichesSite.Markdown;

/// <summary>
/// Gives every heading an id that stays readable in French: « Type d’anesthésie » becomes
/// "type-d-anesthesie" (Markdig's own ids glue the elided word: "type-danesthesie").
/// An id written by the author with {#id} is kept. Every id is unique on its page: a heading whose
/// id is taken, by an earlier heading or by the theme or the glossary (<see cref="ReservedIds"/>),
/// gets the first free "-2", "-3"….
/// </summary>
public static class HeadingIds
{
    /// <summary>A heading whose wanted id was taken, and by what.</summary>
    public readonly record struct Renamed(HeadingBlock Heading, string WantedId, bool TakenByLayout);

    /// <summary>Sets the ids; returns the headings whose wanted id was taken, with that id.</summary>
    /// <param name="reserved">Ids the layout adds to the page; the theme's by default.</param>
    public static IReadOnlyList<Renamed> Assign(IEnumerable<HeadingBlock> headings, IReadOnlySet<string>? reserved = null)
    {
        reserved ??= ReservedIds.ThemeOnly.OnEveryPage;
        var used = new HashSet<string>(StringComparer.Ordinal);
        // The next suffix to try for each wanted id: the smaller ones are all taken already (ids are never given
        // back), so a page of many identical headings costs one look-up each, not one per earlier heading.
        var nextSuffix = new Dictionary<string, int>(StringComparer.Ordinal);
        var renamed = new List<Renamed>();
        foreach (var heading in headings)
        {
            var attributes = heading.GetAttributes();
            var id = attributes.Id ?? Slug(InlineText.Of(heading.Inline));
            var unique = id;
            if (reserved.Contains(id) || !used.Add(id))
            {
                var n = nextSuffix.GetValueOrDefault(id, 2);
                do
                {
                    unique = $"{id}-{n++}";
                }
                while (reserved.Contains(unique) || !used.Add(unique));
                nextSuffix[id] = n;
                renamed.Add(new Renamed(heading, id, reserved.Contains(id)));
            }
            attributes.Id = unique;
        }
        return renamed;
    }

    public static string Slug(string text)
    {
        var slug = AccentFolding.Fold(text, separator: '-');
        return slug.Length > 0 ? slug : "section";
    }
}
