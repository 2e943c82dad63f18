using CsCheck;
using FichesSite.Collection;

namespace FichesSite.Tests.Collection;

/// <summary>
/// The related sheets, on generated collections: at most three, never the sheet itself, each sharing its service or
/// a theme, the same sheets whatever the order the sheets came in, and none left out of its neighbours'
/// suggestions when its group is large enough.
/// </summary>
public sealed class RelatedSheetsTests
{
    private static readonly Gen<List<SheetSummary>> Sheets =
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, 15], Gen.Char["abcdeéœ"].Array[1, 6].Select(c => new string(c))).Array[1, 80].Select(items => items
            .Select((item, i) => new SheetSummary($"fiches/f{i}/index.html", item.Item3, "", item.Item1 == 3 ? null : "s" + item.Item1,
                Enumerable.Range(0, 4).Where(t => (item.Item2 & (1 << t)) != 0).Select(t => "t" + t).ToList(), null))
            .Order(SheetSummary.ByTitle)
            .ToList());

    [Fact]
    public void Suggestions_are_few_others_of_the_same_service_or_theme_and_do_not_depend_on_order()
    {
        Gen.Select(Sheets, Gen.Int).Sample((sheets, seed) =>
        {
            var related = RelatedSheets.Of(sheets);
            var shuffled = sheets.OrderBy(_ => new Random(seed).Next()).ToList().Order(SheetSummary.ByTitle).ToList();
            var again = RelatedSheets.Of(shuffled);
            foreach (var sheet in sheets)
            {
                var chosen = related[sheet.Path];
                Assert.InRange(chosen.Count, 0, RelatedSheets.Most);
                Assert.DoesNotContain(sheet, chosen);
                Assert.Equal(chosen.Count, chosen.Distinct().Count());
                Assert.All(chosen, other => Assert.True(
                    (sheet.Service is not null && other.Service == sheet.Service) || other.Themes.Intersect(sheet.Themes).Any(),
                    $"{other.Path} shares neither service nor theme with {sheet.Path}"));
                Assert.Equal(chosen.Select(c => c.Path), again[sheet.Path].Select(c => c.Path));
                // As many as its groups allow: three when its service or themes hold three others.
                var candidates = sheets.Count(o => o != sheet && ((sheet.Service is not null && o.Service == sheet.Service) || o.Themes.Intersect(sheet.Themes).Any()));
                Assert.Equal(Math.Min(RelatedSheets.Most, candidates), chosen.Count);
            }
        });
    }
}
