using FichesSite.Content;

namespace FichesSite.Rendering;

/// <summary>
/// The glossary as templates see it (<c>glossary.letters</c>): the terms A to Z, grouped by their first
/// letter without its accent (« é » files under E), each letter with an anchor for the letter list.
/// </summary>
public static class GlossaryModel
{
    public static Dictionary<string, object?> Of(GlossaryTerms glossary) => new()
    {
        ["letters"] = glossary.Entries
            .GroupBy(e => e.Id[0])
            .Select(letter => new Dictionary<string, object?>
            {
                ["letter"] = char.ToUpperInvariant(letter.Key).ToString(),
                ["id"] = GlossaryTerms.LetterId(letter.Key),
                ["entries"] = letter.Select(e => new Dictionary<string, object?>
                {
                    ["term"] = e.Term,
                    ["id"] = e.Id,
                    ["definition"] = e.Definition,
                    ["reviewed"] = e.Reviewed,
                }).ToList(),
            })
            .ToList(),
    };
}
