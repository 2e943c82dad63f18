using FichesSite.Text;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace FichesSite.Markdown;

/// <summary>
/// Gives every heading an id that stays readable in French: « Type d’anesthésie » becomes
/// "type-d-anesthesie" (Markdig's own ids glue the elided word: "type-danesthesie").
/// An id written by the author with {#id} is kept.
/// </summary>
public static class HeadingIds
{
    /// <summary>Sets the ids; returns the headings whose wanted id was taken, with that id (they get "-2", "-3"…).</summary>
    public static IReadOnlyList<(HeadingBlock Heading, string WantedId)> Assign(IEnumerable<HeadingBlock> headings)
    {
        var used = new HashSet<string>(StringComparer.Ordinal) { "contenu" }; // the layout's id for main
        var renamed = new List<(HeadingBlock, string)>();
        foreach (var heading in headings)
        {
            var attributes = heading.GetAttributes();
            var id = attributes.Id ?? Slug(InlineText.Of(heading.Inline));
            var unique = id;
            for (var n = 2; !used.Add(unique); n++)
            {
                unique = $"{id}-{n}";
            }
            if (unique != id)
            {
                renamed.Add((heading, id));
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
