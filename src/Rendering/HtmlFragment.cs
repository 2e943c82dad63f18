using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Fluid;
using Fluid.Values;

namespace FichesSite.Rendering;

/// <summary>
/// HTML given to a layout without first becoming a string of its own: the inner layout read from the buffer it was
/// rendered into (« content » in base.liquid), or the JSON-LD kept as UTF-8 (StructuredDataStage). Page-sized strings
/// were the largest allocation of the layout stage.
/// To a template it is a string like any other: « {{ content | raw }} » (see <see cref="Raw"/>) writes it
/// as it is; everything else (« {{ content }} », « size », « contains », other filters) goes through the
/// string Fluid's own value would hold, so it behaves exactly as a string does.
/// </summary>
public sealed class HtmlFragment : FluidValue
{
    private readonly StringBuilder? _buffer;
    private readonly byte[]? _utf8;
    private readonly bool _encode;

    private HtmlFragment(StringBuilder? buffer, byte[]? utf8, bool encode)
    {
        (_buffer, _utf8, _encode) = (buffer, utf8, encode);
    }

    /// <summary>HTML in a buffer that stays unchanged while the layout is rendered.</summary>
    public static HtmlFragment Of(StringBuilder buffer) => new(buffer, null, encode: true);

    /// <summary>HTML held as UTF-8.</summary>
    public static HtmlFragment OfUtf8(byte[] utf8) => new(null, utf8, encode: true);

    /// <summary>The « raw » filter: a fragment written unencoded from where it is, any other value as Fluid's own filter does.</summary>
    public static ValueTask<FluidValue> Raw(FluidValue input, FilterArguments arguments, TemplateContext context) =>
        input is HtmlFragment fragment
            ? new HtmlFragment(fragment._buffer, fragment._utf8, encode: false)
            : new StringValue(input.ToStringValue(), false);

    // What this value is to everything but the raw write: Fluid's string value of the same text.
    private StringValue AsString() => new(ToStringValue(), _encode);

    public override FluidValues Type => FluidValues.String;

    public override bool Equals(FluidValue other) => AsString().Equals(other);

    public override int GetHashCode() => AsString().GetHashCode();

    // As Fluid's string value: in Liquid every string is true, even an empty one (and no string need be made to say so).
    public override bool ToBooleanValue() => true;

    public override decimal ToNumberValue() => AsString().ToNumberValue();

    public override string ToStringValue() => _buffer?.ToString() ?? Encoding.UTF8.GetString(_utf8!);

    public override object ToObjectValue() => ToStringValue();

    public override bool Contains(FluidValue value) => AsString().Contains(value);

    public override IEnumerable<FluidValue> Enumerate(TemplateContext context) => AsString().Enumerate(context);

    public override ValueTask<FluidValue> GetValueAsync(string name, TemplateContext context) => AsString().GetValueAsync(name, context);

    public override ValueTask<FluidValue> GetIndexAsync(FluidValue index, TemplateContext context) => AsString().GetIndexAsync(index, context);

    [Obsolete("WriteTo is obsolete, prefer the WriteToAsync method.")]
    public override void WriteTo(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo)
    {
        if (_encode)
        {
            encoder.Encode(writer, ToStringValue());
        }
        else if (_buffer is not null)
        {
            foreach (var chunk in _buffer.GetChunks())
            {
                writer.Write(chunk.Span);
            }
        }
        else
        {
            WriteUtf8(writer, _utf8!);
        }
    }

    public override ValueTask WriteToAsync(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo)
    {
#pragma warning disable CS0618 // the HTML is in memory: writing it never waits
        WriteTo(writer, encoder, cultureInfo);
#pragma warning restore CS0618
        return ValueTask.CompletedTask;
    }

    // Decoded piece by piece through a stack buffer; a character cut at the end of a piece waits for the next one.
    private static void WriteUtf8(TextWriter writer, ReadOnlySpan<byte> utf8)
    {
        Span<char> chars = stackalloc char[2048];
        while (!utf8.IsEmpty)
        {
            System.Text.Unicode.Utf8.ToUtf16(utf8, chars, out var read, out var written, replaceInvalidSequences: true, isFinalBlock: true);
            writer.Write(chars[..written]);
            utf8 = utf8[read..];
        }
    }
}
