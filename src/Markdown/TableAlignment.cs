using Markdig.Extensions.Tables;
using Markdig.Renderers.Html;

namespace FichesSite.Markdown;

/// <summary>
/// Column alignment (« |:---:| ») as classes instead of Markdig's style attributes, which a
/// strict Content-Security-Policy (no inline styles) would block.
/// </summary>
public static class TableAlignment
{
    public static void UseClasses(IEnumerable<Table> tables)
    {
        foreach (var table in tables)
        {
            foreach (var row in table.OfType<TableRow>())
            {
                foreach (var cell in row.OfType<TableCell>())
                {
                    var column = cell.ColumnIndex;
                    var alignment = column >= 0 && column < table.ColumnDefinitions.Count ? table.ColumnDefinitions[column].Alignment : null;
                    if (alignment is { } align)
                    {
                        cell.GetAttributes().AddClass("align-" + align.ToString().ToLowerInvariant());
                    }
                }
            }
            foreach (var column in table.ColumnDefinitions)
            {
                column.Alignment = null;
            }
        }
    }
}
