using Markdig.Extensions.Tables;
using Markdig.Renderers.Html;

namespace FichesSite.Markdown;

/// <summary>
/// What the theme needs of a Markdown table that Markdig does not write: column alignment (« |:---:| ») as classes
/// instead of style attributes, which a strict Content-Security-Policy (no inline styles) would block; and header
/// cells that say which cells they head (scope="col"), as RGAA 5.7 asks, so a screen reader reads each cell with
/// its column's header. A Markdown table has one header row, so « col » is always the right scope.
/// </summary>
public static class TableMarkup
{
    public static void Apply(IEnumerable<Table> tables)
    {
        foreach (var table in tables)
        {
            foreach (var row in table.OfType<TableRow>())
            {
                // A cell's column is its place in its row: Markdig leaves TableCell.ColumnIndex at -1 in pipe tables.
                var column = 0;
                foreach (var cell in row.OfType<TableCell>())
                {
                    var attributes = cell.GetAttributes();
                    if (row.IsHeader)
                    {
                        attributes.AddPropertyIfNotExist("scope", "col");
                    }
                    var alignment = column >= 0 && column < table.ColumnDefinitions.Count ? table.ColumnDefinitions[column].Alignment : null;
                    if (alignment is { } align)
                    {
                        attributes.AddClass("align-" + align.ToString().ToLowerInvariant());
                    }
                    column += Math.Max(1, cell.ColumnSpan);
                }
            }
            foreach (var column in table.ColumnDefinitions)
            {
                column.Alignment = null;
            }
        }
    }
}
