using System.Text;
using CsCheck;
using FichesSite.Content;
using FichesSite.Tests.Paths;
using FichesSite.Text;
using Xunit.Abstractions;

namespace FichesSite.Tests;

/// <summary>
/// The names of content files become the site's folders and addresses (SourceNames): a name that gives no address,
/// that Windows refuses or changes, or that only case or the Unicode form of its accents tells from another, is an
/// error naming the file; a Markdown file under another extension is refused, not silently left out.
/// </summary>
public sealed class SourceNamesTests(ITestOutputHelper output)
{
    private const string Page = "---\ntitle: Essai\ndescription: Une page d’essai.\n---\n\n## Essai\n\nDu texte.\n";

    private static void AssertRefusedNaming(TestSite site, params string[] inputPaths)
    {
        var result = Confinement.BuildAndCheck(site);
        Assert.False(result.Succeeded, $"{string.Join(", ", inputPaths)} built");
        foreach (var inputPath in inputPaths)
        {
            Assert.Contains(result.Errors, e => e.File.EndsWith("/input/" + inputPath, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(".md")]            // wrote /index.html at the root of the disk
    [InlineData("..md")]
    [InlineData("...md")]
    [InlineData(" .md")]
    [InlineData(". .md")]
    [InlineData("-.md")]
    [InlineData("\u0301.md")]      // a lone combining accent: nothing to read
    [InlineData("😀.md")]
    [InlineData(".cache.md")]
    [InlineData("fin .md")]
    [InlineData("fin..md")]        // « fin. »: Windows drops the trailing dot
    [InlineData(" debut.md")]
    [InlineData("CON.md")]
    [InlineData("aux.md")]
    [InlineData("Com1.md")]
    [InlineData("lpt9.notes.md")]
    [InlineData("nul .md")]
    [InlineData("a<b.md")]
    [InlineData("a>b.md")]
    [InlineData("a:b.md")]
    [InlineData("javascript:alert(1).md")]
    [InlineData("a\"b.md")]
    [InlineData("a|b.md")]
    [InlineData("a?b.md")]
    [InlineData("a*b.md")]
    [InlineData("a#b.md")]         // « # » would start the address's fragment
    [InlineData("100%.md")]
    [InlineData("a\\b.md")]
    [InlineData("tab\tulation.md")]
    [InlineData("ligne\nnouvelle.md")]
    [InlineData("bidi\u202Etxt.md")]
    [InlineData("zero\u200Bwidth.md")]
    [InlineData("\u0085.md")]
    [InlineData("prive\uE000.md")]
    public void A_page_name_that_gives_no_address_or_breaks_on_windows_is_refused(string name)
    {
        using var site = new TestSite();
        File.WriteAllText(Path.Combine(site.Input, "pages", name), Page);

        AssertRefusedNaming(site, "pages/" + name);
    }

    [Theory]
    [InlineData("CON/x.md")]
    [InlineData(".cache/x.md")]
    [InlineData("dossier./x.md")]
    [InlineData("a:b/x.md")]
    public void A_folder_name_is_held_to_the_same_rule(string inputPath)
    {
        using var site = new TestSite();
        var path = Path.Combine(site.Input, "pages", inputPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, Page);

        AssertRefusedNaming(site, "pages/" + inputPath);
    }

    [Theory]
    [InlineData("x.MD")]
    [InlineData("x.Md")]
    [InlineData("x.mD")]
    [InlineData("x.markdown")]
    [InlineData("x.mdown")]
    [InlineData("x.MARKDOWN")]
    [InlineData("x.mkd")]
    public void A_markdown_file_under_another_extension_is_refused_not_ignored(string name)
    {
        using var site = new TestSite();
        File.WriteAllText(Path.Combine(site.Input, "pages", name), Page);

        var result = Confinement.BuildAndCheck(site);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.EndsWith("/input/pages/" + name, error.File);
        Assert.Contains("« x.md »", error.Fix);
    }

    [Theory]
    [InlineData("Cafe.md", "cafe.md")]
    [InlineData("caf\u00e9.md", "cafe\u0301.md")]          // é composed, and e + combining acute
    [InlineData("CAF\u00c9.md", "cafe\u0301.md")]          // both at once
    [InlineData("\u212Bngstrom.md", "\u00c5ngstrom.md")]  // the Ångström sign is canonically Å
    [InlineData("\uAC00.md", "\u1100\u1161.md")]           // a Hangul syllable and its letters
    [InlineData("q\u0323\u0307.md", "q\u0307\u0323.md")]   // the same two marks in the other order
    public void Names_that_differ_only_by_case_or_unicode_form_are_refused(string first, string second)
    {
        using var site = new TestSite();
        File.WriteAllText(Path.Combine(site.Input, "pages", first), Page);
        File.WriteAllText(Path.Combine(site.Input, "pages", second), Page);

        AssertRefusedNaming(site, "pages/" + first, "pages/" + second);
    }

    [Fact]
    public void Attachments_that_differ_only_by_case_are_refused()
    {
        using var site = new TestSite();
        site.AddFixture("images/schema.png", "fiches/images/schema.png");
        site.AddFixture("images/schema.png", "fiches/images/Schema.png");

        AssertRefusedNaming(site, "fiches/images/schema.png", "fiches/images/Schema.png");
    }

    [Fact]
    public void A_page_and_a_file_written_to_one_address_on_a_windows_share_are_refused()
    {
        using var site = new TestSite();
        File.WriteAllText(Path.Combine(site.Input, "pages", "guide.md"), Page);
        Directory.CreateDirectory(Path.Combine(site.Input, "Guide"));
        File.WriteAllText(Path.Combine(site.Input, "Guide", "index.html"), "<p>x</p>");

        AssertRefusedNaming(site, "pages/guide.md", "Guide/index.html");
    }

    [Fact]
    public void A_linked_attachment_with_a_reserved_name_is_refused_at_its_link()
    {
        using var site = new TestSite();
        site.AddFixture("images/schema.png", "pages/images/con.png");
        File.WriteAllText(Path.Combine(site.Input, "pages", "galerie.md"), Page + "\n![Schéma](images/con.png)\n");

        var result = Confinement.BuildAndCheck(site);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.EndsWith("/input/pages/galerie.md", error.File);
        Assert.Equal(10, error.Line);
        Assert.Contains("« con » est un nom réservé de Windows", error.Message);
    }

    [Theory]
    [InlineData("cimentoplastie.md")]
    [InlineData("fiche-été.md")]
    [InlineData("Fiche 2 (adulte).md")]
    [InlineData("a.b.md")]
    [InlineData("console.md")]
    [InlineData("connexion.md")]
    [InlineData("日本語.md")]
    public void Ordinary_names_build(string name)
    {
        using var site = new TestSite();
        File.WriteAllText(Path.Combine(site.Input, "pages", name), Page);

        var result = Confinement.BuildAndCheck(site);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.True(File.Exists(Path.Combine(site.Output, name[..^3], "index.html")));
    }

    // Pieces of file names as careless authors, other systems and hostile testers write them.
    private static readonly Gen<string> NamePiece = Gen.OneOf(
        Gen.OneOf("", ".", "..", " ", "  ", "\t", "fiche", "Fiche", "FICHE", "café", "cafe\u0301", "CAFÉ", "Å", "\u212B", "con", "CON", "aux",
            "Com1", "lpt²", "nul", "prn", "conin$", "-", "_", "é", "ß", "ǰ", "İ", "ı", "\uAC00", "\u1100\u1161", "日本", "😀"),
        Gen.OneOf('<', '>', ':', '#', '%', '"', '|', '?', '*', '\\', '\u0000', '\u0001', '\u001F', '\u007F', '\u0085', '\u200B', '\u202E', '\uFEFF', '\uE000', '\uFFFD', '\u2028')
            .Select(c => c.ToString()),
        Gen.Char.Select(c => char.IsSurrogate(c) ? "x" : c.ToString()),
        Gen.String[0, 6]);

    private static readonly Gen<string> FileName = NamePiece.Array[1, 4].Select(pieces => string.Concat(pieces) + ".md")
        .Where(name => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(name)) == name) // no unpaired surrogate: a file name is bytes
        .Where(name => !name.Contains('/', StringComparison.Ordinal) && !name.Contains('\0', StringComparison.Ordinal) && Encoding.UTF8.GetByteCount(name) < 250);

    private static readonly Gen<string[]> FileNames = Gen.OneOf(
        FileName.Select(name => new[] { name }),
        // A second name that only case or the Unicode form tells apart, as a file share would see it.
        FileName.Select(Gen.Int[0, 2], (name, how) => new[]
        {
            name,
            how switch
            {
                0 => name[..^3].ToUpperInvariant() + ".md",
                1 => name.Normalize(NormalizationForm.FormD),
                _ => name.Normalize(NormalizationForm.FormC).ToLowerInvariant(),
            },
        }));

    [Fact]
    public void Random_names_are_refused_by_name_or_give_valid_distinct_pages_inside_the_site()
    {
        var built = 0;
        FileNames.Sample(names =>
        {
            names = names.Distinct(StringComparer.Ordinal).ToArray();
            using var site = new TestSite();
            foreach (var name in names)
            {
                File.WriteAllText(Path.Combine(site.Input, "pages", name), Page);
            }

            var result = Confinement.BuildAndCheck(site);

            var problems = names.Where(n => Oracle(n[..^3]) is not null).ToList();
            var folded = names.Select(n => n[..^3].Normalize(NormalizationForm.FormC).ToUpperInvariant()).Distinct(StringComparer.Ordinal).Count();
            if (!result.Succeeded)
            {
                Assert.Contains(result.Errors, e => names.Any(n => e.File.EndsWith("/input/pages/" + n, StringComparison.Ordinal)));
                return;
            }
            Assert.True(problems.Count == 0, $"built with {string.Join(", ", problems.Select(n => $"« {n} »: {Oracle(n[..^3])}"))}");
            Assert.True(folded == names.Length, "names that a Windows share or a Mac takes for one were both published");
            foreach (var name in names)
            {
                var page = Path.GetFullPath(Path.Combine(site.Output, name[..^3], "index.html"));
                Assert.StartsWith(site.Output + Path.DirectorySeparatorChar, page);
                Assert.True(File.Exists(page), $"{name}: no page at {page}");
            }
            built++;
        }, iter: 60, threads: 1, print: names => string.Join(" | ", names.Select(n => string.Concat(n.Select(c => c < 128 && !char.IsControl(c) ? c.ToString() : $"\\u{(int)c:X4}")))));
        output.WriteLine($"{built} of 60 random name sets built; the others were refused by name.");
    }

    // The rule, written again independently of SourceNames: what a name must be to be published.
    private static string? Oracle(string name)
    {
        if (!name.EnumerateRunes().Any(Rune.IsLetterOrDigit) || name.StartsWith('.'))
        {
            return "empty, dots or hidden";
        }
        if (name != name.Trim() || name.EndsWith('.'))
        {
            return "edge space or dot";
        }
        if (name.Any(c => char.IsControl(c) || "<>:\"|?*\\#%\uFFFD".Contains(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format
                or System.Globalization.UnicodeCategory.PrivateUse or System.Globalization.UnicodeCategory.OtherNotAssigned
                or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator))
        {
            return "invisible or refused character";
        }
        string[] reserved = ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "COM¹", "COM²", "COM³", "LPT¹", "LPT²", "LPT³",
            .. Enumerable.Range(0, 10).SelectMany(n => new[] { $"COM{n}", $"LPT{n}" })];
        return reserved.Contains(name.Split('.')[0].TrimEnd(), StringComparer.OrdinalIgnoreCase) ? "reserved on Windows" : null;
    }

    [Fact]
    public void The_canonical_decomposition_is_unicodes()
    {
        // ICU's NFD (this test process has globalization; the generator has not) is the oracle.
        var text = Gen.OneOf(Gen.Char['\u0000', '\u2FFF'], Gen.Char['\uAC00', '\uD7A3'], Gen.Char['\uF900', '\uFAFF'],
                Gen.OneOf('\u0301', '\u0323', '\u0307', '\u0328', '\u031B', '\u0345'))
            .Where(c => !char.IsSurrogate(c)).Array[0, 12].Select(chars => new string(chars));
        text.Sample(s => Assert.Equal(s.Normalize(NormalizationForm.FormD), CanonicalDecomposition.Of(s)), iter: 20_000);
    }

    [Fact]
    public void The_clash_key_folds_case_and_unicode_form_only()
    {
        Assert.Equal(SourceNames.Key("pages/Café.md"), SourceNames.Key("pages/cafe\u0301.md"));
        Assert.NotEqual(SourceNames.Key("pages/café.md"), SourceNames.Key("pages/cafe.md"));
        Assert.NotEqual(SourceNames.Key("pages/ß.md"), SourceNames.Key("pages/ss.md"));
    }
}
