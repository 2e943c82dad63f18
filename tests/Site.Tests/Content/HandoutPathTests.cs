using System.Text;
using CsCheck;
using FichesSite.Content;

namespace FichesSite.Tests.Content;

/// <summary>
/// Where a sheet's PDF goes (Content/HandoutPath), for any page the site may hold under fiches/: always one file
/// name directly in pdf/, at most 255 bytes, never hidden, the same every time, never shared by two pages, and
/// unchanged for a sheet with a plain name.
/// </summary>
public sealed class HandoutPathTests
{
    [Theory]
    [InlineData("fiches/cimentoplastie-metastases-osseuses/index.html", "pdf/cimentoplastie-metastases-osseuses.pdf")]
    [InlineData("fiches/Fiche_2.v3/index.html", "pdf/Fiche_2.v3.pdf")]
    [InlineData("fiches/anesthésie/index.html", "pdf/anesthésie.pdf")]
    public void A_sheet_with_a_plain_name_keeps_it(string page, string pdf) => Assert.Equal(pdf, HandoutPath.For(page));

    [Theory]
    [InlineData("fiches/index.html")] // pages/fiches.md: the slice of the old rule threw on it, and the build with it
    [InlineData("fiches/a/b/index.html")] // used to take pdf/a-b.pdf, the name of fiches/a-b
    [InlineData("fiches/con/index.html")]
    [InlineData("fiches/.cache/index.html")]
    [InlineData("fiches/x~1/index.html")]
    [InlineData("fiches/a b#c?d%e/index.html")]
    public void Any_other_page_gets_a_marked_name_in_the_pdf_folder(string page)
    {
        var pdf = HandoutPath.For(page);
        AssertSafe(pdf);
        Assert.Contains('~', pdf);
    }

    [Fact]
    public void A_nested_sheet_and_its_dashed_twin_do_not_share_a_pdf() =>
        Assert.NotEqual(HandoutPath.For("fiches/a/b/index.html"), HandoutPath.For("fiches/a-b/index.html"));

    [Fact]
    public void A_name_too_long_for_a_file_is_cut_and_stays_unique()
    {
        var stem = new string('é', 126); // 252 bytes: the longest Markdown file name (« .md » included) Linux allows
        var first = HandoutPath.For($"fiches/{stem}/index.html");
        var second = HandoutPath.For($"fiches/{stem[..^1]}a/index.html");
        AssertSafe(first);
        AssertSafe(second);
        Assert.NotEqual(first, second);
    }

    // Page folders as a careless or hostile author could name them: plain, dotted, marked, spaced, URL-significant,
    // Windows devices, every script, very long, nested, empty.
    private static readonly Gen<string> Segment = Gen.OneOf(
        Gen.String[Gen.Char["a-z0-9-"], 1, 40],
        Gen.OneOf(Gen.Const("con"), Gen.Const("LPT1"), Gen.Const("."), Gen.Const(".."), Gen.Const("~"), Gen.Const("a~b"), Gen.Const(".x"), Gen.Const("x.")),
        Gen.String[Gen.Char["aé-~. #?%:\\"], 1, 30],
        Gen.String[Gen.Char.AlphaNumeric, 1, 300],
        Gen.Int[1, 400].Select(n => new string('é', n)),
        Gen.Int[1, 200].Select(n => string.Concat(Enumerable.Repeat("😀", n))),
        Gen.String.Select(s => s.Replace("/", "")).Where(s => s.Length > 0));

    private static readonly Gen<string> Folder = Gen.OneOf(
        Segment,
        Segment.Array[2, 4].Select(parts => string.Join('/', parts)),
        Gen.Const(""));

    private static string Page(string folder) => folder.Length == 0 ? "fiches/index.html" : $"fiches/{folder}/index.html";

    [Fact]
    public void Every_generated_page_gets_a_safe_name_of_its_own() =>
        Folder.HashSet[1, 60].Sample(folders =>
        {
            var pdfs = folders.Select(f => HandoutPath.For(Page(f))).ToList();
            Assert.All(pdfs, AssertSafe);
            Assert.Equal(folders.Count, pdfs.Distinct(StringComparer.Ordinal).Count());
        }, iter: 2000);

    [Fact]
    public void Plain_names_are_kept_as_they_are() =>
        Gen.String[Gen.Char["a-z0-9"], 1, 1].Select(Gen.String[Gen.Char["a-z0-9-"], 0, 150], (first, rest) => first + rest).Sample(name =>
            Assert.Equal($"pdf/{name}.pdf", HandoutPath.For(Page(name))), iter: 2000);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static void AssertSafe(string pdf)
    {
        Assert.StartsWith("pdf/", pdf);
        Assert.EndsWith(".pdf", pdf);
        var name = pdf["pdf/".Length..];
        Assert.DoesNotContain('/', name);
        Assert.DoesNotContain('\\', name);
        Assert.False(name.StartsWith('.'), pdf);
        Assert.InRange(StrictUtf8.GetByteCount(name), 5, 255); // throws on a lone surrogate, which no file system takes
    }
}
