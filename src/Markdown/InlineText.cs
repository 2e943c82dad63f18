using System.Text;
using Markdig.Syntax.Inlines;

namespace FichesSite.Markdown;

/// <summary>The plain text of a run of inlines (a heading's words without emphasis or link markup).</summary>
public static class InlineText
{
    /// <remarks>Each thread reuses one builder: this runs for every heading and paragraph of every page.</remarks>
    public static string Of(ContainerInline? container)
    {
        var text = (t_builder ??= new StringBuilder()).Clear();
        Append(container, text);
        var start = 0;
        var end = text.Length;
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }
        return text.ToString(start, end - start);
    }

    [ThreadStatic]
    private static StringBuilder? t_builder;

    /// <summary>Appends the plain text of <paramref name="inline"/> to <paramref name="text"/>, untrimmed, without a string of its own.</summary>
    public static void Append(Inline? inline, StringBuilder text)
    {
        switch (inline)
        {
            case LiteralInline literal:
                text.Append(literal.Content.AsSpan());
                break;
            case HtmlEntityInline entity:
                text.Append(entity.Transcoded.AsSpan());
                break;
            case CodeInline code:
                text.Append(code.Content);
                break;
            case LineBreakInline:
                text.Append(' ');
                break;
            case ContainerInline container:
                for (var child = container.FirstChild; child is not null; child = child.NextSibling)
                {
                    Append(child, text);
                }
                break;
        }
    }
}
