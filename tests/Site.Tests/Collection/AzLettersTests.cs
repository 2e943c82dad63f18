using CsCheck;
using FichesSite.Collection;
using FichesSite.Content;

namespace FichesSite.Tests.Collection;

/// <summary>
/// The A–Z files a sheet under the first letter a reader sees in its title. AccentFolding drops the letters it cannot
/// fold to ASCII (Latin ligatures, which copy-pasting from a PDF leaves in « ﬁbroscopie »; Ĳ, ǅ; Greek, Cyrillic) as if
/// they were punctuation, so the title was filed under its second letter: « ﬁbroscopie » under B, « Ĳssel » under S,
/// « Ωméga » under M, where no reader looks, and sorted there in every list.
/// </summary>
public sealed class AzLettersTests
{
    // First letters AccentFolding does not fold, with the letter a reader files them under (null: none of a–z, so « 0-9 »).
    private static readonly (string First, string? Letter)[] Firsts =
    [
        ("ﬁ", "f"), ("ﬂ", "f"), ("ﬀ", "f"), ("ﬃ", "f"), ("ﬆ", "s"), ("Ĳ", "i"), ("ĳ", "i"), ("ǅ", "d"), ("Ǉ", "l"), ("ǌ", "n"),
        ("Ω", null), ("α", null), ("Ж", null), ("я", null),
    ];

    [Fact(Skip = "defect: AzLetters.Of reads the folded title, from which AccentFolding has dropped a first letter it cannot fold: "
        + "« ﬁbroscopie » under B. Fix: fold Latin ligatures and digraphs (U+FB00–FB06, U+0132–0133, U+01C4–01CC, U+01F1–01F3) in "
        + "AccentFolding, and file under « 0-9 » a title whose first letter or digit does not fold to a–z")]
    public void A_title_is_filed_under_the_letter_it_starts_with_or_under_0_9()
    {
        var gen =
            from first in Gen.Int[0, Firsts.Length - 1]
            from rest in Gen.OneOf(Gen.Const("broscopie"), Gen.Const("méga"), Gen.Const("ssel"), Gen.Const("zona"), Gen.Const("e"))
            from lead in Gen.OneOf(Gen.Const(""), Gen.Const("« "), Gen.Const("¿"))
            select (title: lead + Firsts[first].First + rest, expected: Firsts[first].Letter ?? AzLetters.Other);
        gen.Sample(c =>
        {
            var sheet = new SheetSummary("fiches/x/index.html", c.title, "", "radiologie", [], null);
            var index = new CollectionIndex(SiteCatalog.Empty, [sheet]);

            var filed = AzLetters.All.Single(letter => index.OfLetter(letter).Count == 1);

            Assert.True(filed == c.expected, $"« {c.title} » filed under {AzLetters.Label(filed)}, not {AzLetters.Label(c.expected)}");
        }, iter: 300);
    }
}
