using System.Globalization;
using System.Text;

namespace FichesSite.Pipeline;

/// <summary>
/// What the commands print goes to a terminal or a CI log, and much of it is authors' text: a value echoed by an
/// error message, a heading in the readability table. A control character there is an instruction to the terminal
/// (an escape sequence can retitle the window, rewrite earlier lines, or on some terminals set the clipboard), and a
/// bidirectional override can make a line read as another. Every such character is written as its code, « \u001B »;
/// line ends stay, they are the output's own structure.
/// </summary>
public sealed class TerminalWriter(TextWriter inner) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    public override IFormatProvider FormatProvider => inner.FormatProvider;

    /// <summary>Puts the filter in front of the console's output and error, once.</summary>
    public static void Install()
    {
        lock (Gate)
        {
            // Console.SetOut wraps what it is given in a synchronised writer: what it hands back is remembered, so
            // that a second command in one process (the tests) does not filter twice, and a writer set since is filtered.
            if (!ReferenceEquals(Console.Out, s_out))
            {
                Console.SetOut(new TerminalWriter(Console.Out));
                s_out = Console.Out;
            }
            if (!ReferenceEquals(Console.Error, s_error))
            {
                Console.SetError(new TerminalWriter(Console.Error));
                s_error = Console.Error;
            }
        }
    }

    private static readonly Lock Gate = new();
    private static TextWriter? s_out;
    private static TextWriter? s_error;

    /// <summary>True for a character a terminal may act on: C0 and C1 controls but the line end, DEL, bidirectional controls.</summary>
    public static bool IsUnsafe(char c) =>
        (char.IsControl(c) && c != '\n') || c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>The text with every unsafe character written as its code.</summary>
    public static string Safe(string text)
    {
        if (!text.AsSpan().ContainsAny(UnsafeChars))
        {
            return text;
        }
        var safe = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (IsUnsafe(c))
            {
                safe.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                safe.Append(c);
            }
        }
        return safe.ToString();
    }

    private static readonly System.Buffers.SearchValues<char> UnsafeChars =
        System.Buffers.SearchValues.Create(Enumerable.Range(0, 0x2070).Select(i => (char)i).Where(IsUnsafe).ToArray());

    public override void Write(char value)
    {
        if (IsUnsafe(value))
        {
            inner.Write(Safe(value.ToString()));
        }
        else
        {
            inner.Write(value);
        }
    }

    public override void Write(string? value) => inner.Write(value is null ? null : Safe(value));

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Write(ReadOnlySpan<char> buffer) => Write(buffer.ToString());

    public override void WriteLine(string? value) => inner.WriteLine(value is null ? null : Safe(value));

    public override void WriteLine() => inner.WriteLine();

    public override void Flush() => inner.Flush();
}
