using System.Collections.Frozen;

namespace FichesSite.Text;

/// <summary>
/// The base letter of each precomposed Latin letter (« é » → e, « Ç » → C), as a table rather than
/// through Unicode normalisation: .NET normalises through ICU, which is missing under invariant
/// globalisation, and the same input must give the same site on every machine.
/// The table holds every letter of U+00C0–U+024F and U+1E00–U+1EFF whose canonical decomposition
/// starts with an ASCII letter (generated once from Python's unicodedata).
/// </summary>
public static class LatinLetters
{
    private static readonly (string Letters, char Base)[] Groups =
    [
        ("ÀÁÂÃÄÅĀĂĄǍǞǠǺȀȂȦḀẠẢẤẦẨẪẬẮẰẲẴẶ", 'A'),
        ("ḂḄḆ", 'B'),
        ("ÇĆĈĊČḈ", 'C'),
        ("ĎḊḌḎḐḒ", 'D'),
        ("ÈÉÊËĒĔĖĘĚȄȆȨḔḖḘḚḜẸẺẼẾỀỂỄỆ", 'E'),
        ("Ḟ", 'F'),
        ("ĜĞĠĢǦǴḠ", 'G'),
        ("ĤȞḢḤḦḨḪ", 'H'),
        ("ÌÍÎÏĨĪĬĮİǏȈȊḬḮỈỊ", 'I'),
        ("Ĵ", 'J'),
        ("ĶǨḰḲḴ", 'K'),
        ("ĹĻĽḶḸḺḼ", 'L'),
        ("ḾṀṂ", 'M'),
        ("ÑŃŅŇǸṄṆṈṊ", 'N'),
        ("ÒÓÔÕÖŌŎŐƠǑǪǬȌȎȪȬȮȰṌṎṐṒỌỎỐỒỔỖỘỚỜỞỠỢ", 'O'),
        ("ṔṖ", 'P'),
        ("ŔŖŘȐȒṘṚṜṞ", 'R'),
        ("ŚŜŞŠȘṠṢṤṦṨ", 'S'),
        ("ŢŤȚṪṬṮṰ", 'T'),
        ("ÙÚÛÜŨŪŬŮŰŲƯǓǕǗǙǛȔȖṲṴṶṸṺỤỦỨỪỬỮỰ", 'U'),
        ("ṼṾ", 'V'),
        ("ŴẀẂẄẆẈ", 'W'),
        ("ẊẌ", 'X'),
        ("ÝŶŸȲẎỲỴỶỸ", 'Y'),
        ("ŹŻŽẐẒẔ", 'Z'),
        ("àáâãäåāăąǎǟǡǻȁȃȧḁạảấầẩẫậắằẳẵặ", 'a'),
        ("ḃḅḇ", 'b'),
        ("çćĉċčḉ", 'c'),
        ("ďḋḍḏḑḓ", 'd'),
        ("èéêëēĕėęěȅȇȩḕḗḙḛḝẹẻẽếềểễệ", 'e'),
        ("ḟ", 'f'),
        ("ĝğġģǧǵḡ", 'g'),
        ("ĥȟḣḥḧḩḫẖ", 'h'),
        ("ìíîïĩīĭįǐȉȋḭḯỉị", 'i'),
        ("ĵǰ", 'j'),
        ("ķǩḱḳḵ", 'k'),
        ("ĺļľḷḹḻḽ", 'l'),
        ("ḿṁṃ", 'm'),
        ("ñńņňǹṅṇṉṋ", 'n'),
        ("òóôõöōŏőơǒǫǭȍȏȫȭȯȱṍṏṑṓọỏốồổỗộớờởỡợ", 'o'),
        ("ṕṗ", 'p'),
        ("ŕŗřȑȓṙṛṝṟ", 'r'),
        ("śŝşšșṡṣṥṧṩ", 's'),
        ("ţťțṫṭṯṱẗ", 't'),
        ("ùúûüũūŭůűųưǔǖǘǚǜȕȗṳṵṷṹṻụủứừửữự", 'u'),
        ("ṽṿ", 'v'),
        ("ŵẁẃẅẇẉẘ", 'w'),
        ("ẋẍ", 'x'),
        ("ýÿŷȳẏẙỳỵỷỹ", 'y'),
        ("źżžẑẓẕ", 'z'),    ];

    private static readonly FrozenDictionary<char, char> BaseOf = Groups
        .SelectMany(g => g.Letters.Select(letter => (letter, g.Base)))
        .ToFrozenDictionary(p => p.letter, p => p.Base);

    /// <summary>The letter without its diacritics, or the character itself.</summary>
    public static char Base(char c) => BaseOf.TryGetValue(c, out var b) ? b : c;
}
