using System.Text;
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
    public static void Assign(MarkdownDocument document)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            var attributes = heading.GetAttributes();
            var id = attributes.Id ?? Slug(InlineText.Of(heading.Inline));
            var unique = id;
            for (var n = 2; !used.Add(unique); n++)
            {
                unique = $"{id}-{n}";
            }
            attributes.Id = unique;
        }
    }

    public static string Slug(string text)
    {
        var folded = AccentFolding.Fold(text);
        var slug = new StringBuilder(folded.Length).Append(folded).Replace(' ', '-').ToString();
        return slug.Length > 0 ? slug : "section";
    }
}
