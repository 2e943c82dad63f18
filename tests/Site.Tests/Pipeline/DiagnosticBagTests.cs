using CsCheck;
using FichesSite.Pipeline;

namespace FichesSite.Tests;

/// <summary>
/// The bag keeps the first <see cref="DiagnosticBag.KeptPerFile"/> diagnostics of each file and says how many more
/// there were, so that a page with 80,000 problems costs no more than one with a hundred; which files have errors,
/// and whether the build has any, never depends on what was left out.
/// </summary>
public sealed class DiagnosticBagTests
{
    [Fact]
    public void Each_file_keeps_its_first_diagnostics_and_one_line_counts_the_others() =>
        Gen.Select(Gen.Int[0, 400], Gen.Int[0, 400], Gen.Bool, Gen.Bool).Sample((inA, inB, errorsLast, throughSibling) =>
        {
            var bag = new DiagnosticBag();
            var target = throughSibling ? bag.Sibling() : bag;
            for (var i = 0; i < Math.Max(inA, inB); i++)
            {
                if (i < inA)
                {
                    Add(target, "a.md", i, error: errorsLast && i == inA - 1);
                }
                if (i < inB)
                {
                    Add(target, "b.md", i, error: false);
                }
            }
            if (throughSibling)
            {
                bag.AddRange(target);
            }

            var all = bag.All;
            foreach (var (file, count) in new[] { ("a.md", inA), ("b.md", inB) })
            {
                var ofFile = all.Where(d => d.File == file).ToList();
                var leftOut = count - DiagnosticBag.KeptPerFile;
                Assert.Equal(Math.Min(count, DiagnosticBag.KeptPerFile) + (leftOut > 0 ? 1 : 0), ofFile.Count);
                Assert.Equal(Enumerable.Range(0, Math.Min(count, DiagnosticBag.KeptPerFile)), ofFile.Where(d => d.Line > 0).Select(d => d.Line - 1));
                if (leftOut > 0)
                {
                    Assert.Equal(ofFile[^1], ofFile.Single(d => d.Line == 0));
                    Assert.StartsWith($"{leftOut} autre(s) problème(s) dans ce fichier", ofFile[^1].Message, StringComparison.Ordinal);
                }
            }
            // An error among those left out still fails the page and the build.
            Assert.Equal(errorsLast && inA > 0, bag.HasErrorsFor("a.md"));
            Assert.Equal(errorsLast && inA > 0, bag.HasErrors);
            Assert.Equal(errorsLast && inA > 0, all.Any(d => d.Severity == Severity.Error));
        }, iter: 100);

    private static void Add(DiagnosticBag bag, string file, int i, bool error)
    {
        if (error)
        {
            bag.Error(file, i + 1, $"problème {i}", "…");
        }
        else
        {
            bag.Warning(file, i + 1, $"problème {i}", "…");
        }
    }
}

/// <summary>The preview reuses an unchanged page's diagnostics: what was left out is counted the same the second time.</summary>
public sealed class CachedDiagnosticsTests
{
    private sealed class ManyProblems : IDocumentStage
    {
        public string Name => "many problems";

        public Document Run(Document document, SiteProducts site, DiagnosticBag diagnostics)
        {
            for (var line = 1; line <= 250; line++)
            {
                diagnostics.Warning(document.SourcePath, line, "problème", "…");
            }
            return document;
        }
    }

    [Fact]
    public void A_reused_page_reports_the_same_count_of_problems_left_out()
    {
        var stages = new CachedDocumentStages([new ManyProblems()], new CachedDocumentStages.Memory(), CachedDocumentStages.Match.SourceText);
        var page = new Document("input/pages/a.md", "a/index.html", "texte");
        var first = new DiagnosticBag();
        stages.Run(page, SiteProducts.None, first);
        var second = new DiagnosticBag();
        stages.Run(new Document("input/pages/a.md", "a/index.html", "texte"), SiteProducts.None, second);

        Assert.Equal(first.All, second.All);
        Assert.StartsWith("150 autre(s) problème(s)", second.All[^1].Message, StringComparison.Ordinal);
    }
}
