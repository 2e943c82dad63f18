using AngleSharp.Html.Parser;
using CsCheck;
using FichesSite.Markdown;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;

namespace FichesSite.Tests;

/// <summary>
/// A Markdown table becomes a data table that RGAA 5.6 and 5.7 accept: its header cells are th with scope="col", its
/// other cells td without, and its alignment is a class (a style attribute would be blocked by the pages' CSP).
/// </summary>
public sealed class TableMarkupTests
{
    private static readonly string[] Alignments = ["---", ":---", "---:", ":---:"];

    // A table of 1 to 6 columns, each aligned one of the four ways, with 0 to 4 rows of words.
    private static readonly Gen<(string[] Align, int Rows)> Table =
        Gen.Int[0, 3].Select(i => Alignments[i]).Array[1, 6].Select(Gen.Int[0, 4], (align, rows) => (align, rows));

    private static string Markdown((string[] Align, int Rows) table)
    {
        var columns = table.Align.Length;
        var lines = new List<string>
        {
            "| " + string.Join(" | ", Enumerable.Range(1, columns).Select(c => $"En-tête {c}")) + " |",
            "|" + string.Join("|", table.Align) + "|",
        };
        lines.AddRange(Enumerable.Range(1, table.Rows).Select(r => "| " + string.Join(" | ", Enumerable.Range(1, columns).Select(c => $"case {r}.{c}")) + " |"));
        return string.Join('\n', lines) + "\n";
    }

    [Fact]
    public void Header_cells_head_their_column_and_each_cell_carries_its_column_s_alignment()
    {
        var pipeline = MarkdownSetup.Create(CalloutWords.Names);
        var parser = new HtmlParser();
        Table.Sample(table =>
        {
            var document = Markdig.Markdown.Parse(Markdown(table), pipeline);
            TableMarkup.Apply(document.Descendants<Table>());
            var html = parser.ParseDocument(document.ToHtml(pipeline));

            var headers = html.QuerySelectorAll("thead th");
            Assert.Equal(table.Align.Length, headers.Length);
            Assert.All(headers, th => Assert.Equal("col", th.GetAttribute("scope")));
            Assert.Equal(table.Align.Length * table.Rows, html.QuerySelectorAll("tbody td").Length);
            Assert.Empty(html.QuerySelectorAll("td[scope], [style]"));
            foreach (var row in html.QuerySelectorAll("tr"))
            {
                foreach (var (cell, column) in row.Children.Select((cell, column) => (cell, column)))
                {
                    var expected = table.Align[column] switch { ":---" => "align-left", "---:" => "align-right", ":---:" => "align-center", _ => "" };
                    Assert.Equal(expected, cell.ClassName ?? "");
                }
            }
        }, iter: 300);
    }

    [Fact]
    public void A_built_page_keeps_the_scope_of_its_header_cells()
    {
        using var site = new TestSite();
        File.WriteAllText(Path.Combine(site.Input, "pages", "tableau.md"),
            "---\ntitle: Tableau\ndescription: Une page d’essai avec un tableau.\n---\n\n" + Markdown((["---", ":---:"], 2)));

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var headers = site.Page("tableau/index.html").QuerySelectorAll("main table thead th");
        Assert.Equal(["col", "col"], headers.Select(th => th.GetAttribute("scope")));
    }
}
