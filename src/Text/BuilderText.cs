using System.Text;

namespace FichesSite.Text;

/// <summary>
/// The text of a StringBuilder read where it is. The stages that render page after page into one reused
/// builder per thread read it in place rather than copy it into a string: a cleared builder keeps its
/// capacity as one chunk, so after the first pages the whole text is nearly always one span.
/// </summary>
public static class BuilderText
{
    /// <summary>The builder's text as one span: in place when it is one chunk, else through a string.</summary>
    public static ReadOnlySpan<char> SpanOf(StringBuilder builder)
    {
        var chunks = builder.GetChunks();
        if (chunks.MoveNext() && chunks.Current.Length == builder.Length)
        {
            return chunks.Current.Span;
        }
        return builder.ToString();
    }
}
