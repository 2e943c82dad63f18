using System.Text;
using CsCheck;
using FichesSite.Build;
using Xunit.Abstractions;

namespace FichesSite.Tests.Build;

/// <summary>
/// Random folder trees that are not this generator's — random names, hidden files, nested folders, links inside and
/// out, a fake mark — at the output path, as a link there, beside it under leftover names, or none; then a build that
/// succeeds or fails. Whatever happens, every entry of every foreign tree is there afterwards, byte for byte, and
/// what their links point to too.
/// </summary>
public sealed class ForeignTreeTests(ITestOutputHelper output)
{
    private sealed record Node(string Name, byte[]? Bytes, Node[]? Children, string? Link)
    {
        public override string ToString() =>
            Link is not null ? $"{Name} → {Link}" : Children is null ? $"{Name} ({Bytes!.Length} o)" : $"{Name}/[{string.Join(", ", Children.Select(c => c.ToString()))}]";
    }

    private enum AtOutput { Nothing, EmptyFolder, ForeignTree, LinkToForeignTree, LinkToEmptyFolder, File }

    private sealed record Case(AtOutput AtOutput, Node[] Tree, (string Name, Node[] Tree)[] Siblings, bool BrokenInput)
    {
        public override string ToString() =>
            $"{AtOutput}, broken input: {BrokenInput}\n  tree: [{string.Join(", ", Tree.Select(n => n.ToString()))}]\n  siblings: "
            + string.Join("; ", Siblings.Select(s => $"{s.Name}/[{string.Join(", ", s.Tree.Select(n => n.ToString()))}]"));
    }

    private static readonly Gen<string> Name = Gen.OneOf(
        Gen.Char["abcdezé.-_ ~#\u0301\u00A0"].Array[1, 10].Select(c => new string(c)).Where(n => n is not ("." or "..")),
        Gen.OneOf(Gen.Const(".hidden"), Gen.Const(".git"), Gen.Const("index.html"), Gen.Const("README.md"), Gen.Const(SiteMark.FileName), Gen.Const("fiches")));

    // Inside the trees: the folder outside all of them (the victim), a file in it, a real mark and its site, nothing,
    // the parent, the root.
    private static readonly Gen<string> LinkTarget = Gen.OneOf(Gen.Const("{victim}"), Gen.Const("{victim}/secret.txt"), Gen.Const("{victim}/site-marque/" + SiteMark.FileName), Gen.Const("{victim}/site-marque"), Gen.Const("absent"), Gen.Const(".."), Gen.Const("/"));

    private static readonly Gen<Node> File = Name.Select(Gen.Byte.Array[0, 64], (n, b) => new Node(n, b, null, null));

    private static readonly Gen<Node> Link = Name.Select(LinkTarget, (n, t) => new Node(n, null, null, t));

    private static Gen<Node> Tree(int depth) => depth == 0
        ? Gen.OneOf(File, Link)
        : Gen.OneOf(File, File, Link, Name.Select(Tree(depth - 1).Array[0, 4], (n, c) => new Node(n, null, c, null)));

    // Never empty: an empty folder is the allowed case, generated apart.
    private static readonly Gen<Node[]> ForeignTree = Tree(3).Array[1, 5];

    private static readonly Gen<string> LeftoverName = Gen.OneOf(Gen.Const("_site.building-"), Gen.Const("_site.old-"))
        .Select(Gen.Char["0123456789abcdef"].Array[8], (infix, hex) => infix + new string(hex));

    private static readonly Gen<Case> Cases = Gen.Select(
        Gen.Enum<AtOutput>(), ForeignTree, LeftoverName.Select(ForeignTree).Array[0, 3], Gen.Bool,
        (at, tree, siblings, broken) => new Case(at, tree, siblings, broken));

    [Fact]
    public void Every_file_of_a_foreign_tree_is_untouched_by_any_build()
    {
        using var good = new TestSite();
        using var broken = new TestSite();
        broken.AddFiche("lien-casse.md");
        var iteration = 0;
        var published = 0;
        Cases.Sample(sample =>
        {
            var site = sample.BrokenInput ? broken : good;
            var parent = Directory.CreateDirectory(Path.Combine(site.Root, "essai-" + iteration++)).FullName;
            var victim = Directory.CreateDirectory(Path.Combine(parent, "victime")).FullName;
            System.IO.File.WriteAllText(Path.Combine(victim, "secret.txt"), "à ne pas toucher");
            SiteMark.WriteInto(Directory.CreateDirectory(Path.Combine(victim, "site-marque")).FullName); // a link to it is still not ours
            var outputPath = Path.Combine(parent, "_site");
            var elsewhere = Path.Combine(parent, "arbre");
            switch (sample.AtOutput)
            {
                case AtOutput.EmptyFolder:
                    Directory.CreateDirectory(outputPath);
                    break;
                case AtOutput.ForeignTree:
                    Make(outputPath, sample.Tree, victim);
                    break;
                case AtOutput.LinkToForeignTree:
                    Make(elsewhere, sample.Tree, victim);
                    Directory.CreateSymbolicLink(outputPath, elsewhere);
                    break;
                case AtOutput.LinkToEmptyFolder:
                    Directory.CreateDirectory(elsewhere);
                    Directory.CreateSymbolicLink(outputPath, elsewhere);
                    break;
                case AtOutput.File:
                    System.IO.File.WriteAllText(outputPath, "un fichier");
                    break;
            }
            foreach (var (name, tree) in sample.Siblings)
            {
                Make(Path.Combine(parent, name), tree, victim);
            }
            var before = FolderSnapshot.Of(parent);

            var result = SiteBuilder.Build(new BuildOptions(site.Input, site.Theme, outputPath, Today: TestSite.Today));

            var after = FolderSnapshot.Of(parent);
            var mayBePublished = sample.AtOutput is AtOutput.Nothing or AtOutput.EmptyFolder && !sample.BrokenInput;
            Assert.Equal(mayBePublished, result.Succeeded);
            foreach (var (path, entry) in before)
            {
                if (mayBePublished && path == "_site")
                {
                    continue; // the empty folder, replaced by the site
                }
                Assert.True(after.TryGetValue(path, out var now) && now == entry, $"{path} was {entry}, is now {now ?? "gone"}");
            }
            if (result.Succeeded)
            {
                published++;
                Assert.True(SiteMark.IsOn(outputPath));
            }
            Directory.Delete(parent, recursive: true);
        }, iter: 80, threads: 1, print: sample => sample.ToString());
        output.WriteLine($"{published} of 80 builds published a site; every foreign entry stayed as it was.");
        Assert.True(published > 0, "no build published: the leftover clean-up was never exercised");
    }

    private static void Make(string folder, Node[] tree, string victim)
    {
        Directory.CreateDirectory(folder);
        foreach (var node in tree)
        {
            var path = Path.Combine(folder, node.Name);
            if (Path.Exists(path) || new FileInfo(path).LinkTarget is not null)
            {
                continue; // two nodes of the same name: the first stays
            }
            if (node.Link is { } link)
            {
                System.IO.File.CreateSymbolicLink(path, link.Replace("{victim}", victim, StringComparison.Ordinal));
            }
            else if (node.Children is { } children)
            {
                Make(path, children, victim);
            }
            else
            {
                System.IO.File.WriteAllBytes(path, node.Bytes!);
            }
        }
    }
}
