using CsCheck;

namespace FichesSite.Tests.Collection;

/// <summary>
/// The folders services/, themes/ and a-z/ are the collection's. The site is also copied to Windows shares and Macs,
/// where names differ by case only are one file (SourceNames.Key, which ReadSources applies between sources): a page
/// pages/Services.md is published at Services/index.html, the same file there as the list of services, and one of the
/// two pages silently replaces the other. A source published in those folders, in any case, is refused.
/// </summary>
public sealed class ReservedFoldersTests
{
    [Fact]
    public void A_page_in_a_reserved_folder_in_any_case_is_refused()
    {
        var gen =
            from folder in Gen.OneOf(Gen.Const("services"), Gen.Const("themes"), Gen.Const("a-z"))
            from upper in Gen.Bool.Array[folder.Length]
            from place in Gen.Int[0, 2]
            where upper.Any(u => u)
            select (name: new string(folder.Select((ch, i) => upper[i] ? char.ToUpperInvariant(ch) : ch).ToArray()), place);
        gen.Sample(c =>
        {
            using var site = new TestSite();
            var source = c.place switch
            {
                0 => $"pages/{c.name}.md",
                1 => $"pages/{c.name}/liste.md",
                _ => $"{c.name}/liste.md",
            };
            var path = Path.Combine(site.Input, source);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "---\ntitle: \"Nos services\"\ndescription: \"Une page.\"\n---\n\nTexte.\n");

            var result = site.Build();

            Assert.False(result.Succeeded, $"{source} was published beside the collection's pages");
            Assert.Contains(result.Errors, e => e.File.EndsWith("input/" + source, StringComparison.Ordinal) && e.Message.Contains("réservée aux pages que le site fait lui-même"));
        }, iter: 6, threads: 1);
    }
}
