using System.Buffers;

namespace FichesSite.Content;

/// <summary>
/// Reads a page's YAML header when it keeps to the forms the authoring guide shows, and declines (null) anything
/// else, which <see cref="HeaderYaml"/> then gives to YamlDotNet: what it reads, it reads as YAML does; what it
/// does not fully know, it never guesses. Accepted:
/// <list type="bullet">
/// <item>blank lines, and comment lines starting at the line's first column;</item>
/// <item>« name: value » at the start of a line, the name made of ASCII letters, digits, « _ » and « - », each
/// name once;</item>
/// <item>a value on its line: "double quotes" without a backslash, 'single quotes' (« '' » is a quote), or plain
/// text that cannot mean more than text (no YAML sign first, no « : » before a space or at the end, no « # »
/// after a space, no [ ] { });</item>
/// <item>{ name: value, … } on one line, its values quoted or plain without « : » or « , »;</item>
/// <item>[ a, b, … ] on one line, its items short names (lower-case ASCII letters, digits and « - », as
/// « themes: » takes them), none a word YAML may read otherwise (null, true, yes…);</item>
/// <item>« name: » alone, then a list: « - » lines at one indentation, each item a value as above, or a group of
/// « name: value » lines aligned under the first.</item>
/// </list>
/// Declined, among others: tabs, a backslash in double quotes, a value over several lines, anchors and tags,
/// « | » and « &gt; » blocks, an empty value, nesting deeper than a list of groups, characters YAML treats apart
/// (other control characters, line and paragraph separators, byte-order marks, surrogates).
/// </summary>
public static class SimpleHeaderParser
{
    // Characters that make a header the simple parser's business no longer. '\r' is allowed only before '\n'.
    private static readonly SearchValues<char> Declined = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Where(c => c is not '\n' and not '\r').Select(c => (char)c),
         .. Enumerable.Range(0x7F, 0x21).Select(c => (char)c), '\u2028', '\u2029', '\uFEFF', '\uFFFE', '\uFFFF',
         .. Enumerable.Range(0xD800, 0x800).Select(c => (char)c)]);

    // YAML's indicators: a plain value cannot start with one.
    private static readonly SearchValues<char> Indicators = SearchValues.Create("-?:,[]{}#&*!|>'\"%@`");

    // Characters that could end or change a plain value in a one-line group (flow context).
    private static readonly SearchValues<char> FlowSpecial = SearchValues.Create(",[]{}#:");

    private const int LongestName = 64;

    public static HeaderGroup? TryParse(string yaml, int firstLine)
    {
        if (yaml.AsSpan().ContainsAny(Declined))
        {
            return null;
        }
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].EndsWith('\r'))
            {
                lines[i] = lines[i][..^1];
            }
            if (lines[i].Contains('\r'))
            {
                return null;
            }
        }
        var fields = new List<HeaderField>();
        var names = new HashSet<string>(StringComparer.Ordinal); // a header of 80,000 fields must not take 80,000² comparisons
        var index = 0;
        while (index < lines.Length)
        {
            var line = lines[index];
            if (IsBlankOrComment(line))
            {
                index++;
                continue;
            }
            var fileLine = firstLine + index;
            var rest = Name(line, 0, out var name);
            if (name is null || !names.Add(name))
            {
                return null; // not a field, an indented line where nothing is open, or a name given twice
            }
            HeaderNode? value;
            if (IsSpaces(rest))
            {
                value = List(lines, ref index, firstLine);
            }
            else
            {
                value = rest[0] == ' ' ? Value(rest.TrimStart(' '), fileLine) : null;
                index++;
            }
            if (value is null)
            {
                return null;
            }
            fields.Add(new HeaderField(name, fileLine, value));
        }
        return fields.Count == 0 ? null : new HeaderGroup(fields, fields[0].Line);
    }

    // A list under « name: » on line `index`; on return, `index` is the first line after it.
    private static HeaderList? List(string[] lines, ref int index, int firstLine)
    {
        var next = SkipBlank(lines, index + 1);
        if (next == lines.Length || DashIndent(lines[next]) is not (>= 0 and var indent))
        {
            return null; // an empty value, or a group under the name: YamlDotNet's
        }
        var items = new List<HeaderNode>();
        var listLine = firstLine + next;
        while (next < lines.Length)
        {
            var line = lines[next];
            if (DashIndent(line) != indent)
            {
                // The list ends at the next field; anything else at another indentation is not ours.
                if (Indent(line) > 0)
                {
                    return null;
                }
                break;
            }
            var contentStart = indent + 1;
            while (contentStart < line.Length && line[contentStart] == ' ')
            {
                contentStart++;
            }
            if (contentStart == line.Length)
            {
                return null; // « - » alone: its item is on the lines below
            }
            var itemLine = firstLine + next;
            HeaderNode? item;
            var afterName = Name(line, contentStart, out var name);
            if (name is not null && !IsSpaces(afterName))
            {
                item = Group(lines, ref next, contentStart, indent, firstLine);
            }
            else
            {
                item = name is null ? Value(line.AsSpan(contentStart), itemLine) : null;
                next++;
            }
            if (item is null)
            {
                return null;
            }
            items.Add(item);
            next = SkipBlank(lines, next);
        }
        index = next;
        return new HeaderList(items, listLine);
    }

    // A list item that is a group of « name: value » lines, the first after the dash, the others aligned under it.
    private static HeaderGroup? Group(string[] lines, ref int index, int column, int dashIndent, int firstLine)
    {
        var fields = new List<HeaderField>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var groupLine = firstLine + index;
        while (true)
        {
            var fileLine = firstLine + index;
            var rest = Name(lines[index], column, out var name);
            if (name is null || !names.Add(name) || rest.IsEmpty || rest[0] != ' ' || IsSpaces(rest))
            {
                return null;
            }
            if (Value(rest.TrimStart(' '), fileLine) is not { } value)
            {
                return null;
            }
            fields.Add(new HeaderField(name, fileLine, value));
            index = SkipBlank(lines, index + 1);
            if (index == lines.Length || Indent(lines[index]) <= dashIndent)
            {
                return new HeaderGroup(fields, groupLine);
            }
            if (Indent(lines[index]) != column)
            {
                return null;
            }
        }
    }

    // A value written on its line: quoted, plain, or a one-line group.
    private static HeaderNode? Value(ReadOnlySpan<char> text, int line)
    {
        if (text.IsEmpty)
        {
            return null;
        }
        switch (text[0])
        {
            case '"' or '\'':
            {
                var value = Quoted(text, out var length);
                return value is not null && IsSpaces(text[length..]) ? new HeaderText(value, line) : null;
            }
            case '{':
                return OneLineGroup(text, line);
            case '[':
                return OneLineList(text, line);
        }
        var plain = text.TrimEnd(' ');
        if (Indicators.Contains(plain[0]) || plain[^1] == ':' || plain.Contains(": ", StringComparison.Ordinal)
            || plain.Contains(" #", StringComparison.Ordinal) || plain.ContainsAny("[]{}"))
        {
            return null;
        }
        return new HeaderText(plain.ToString(), line);
    }

    // A quoted value at the start of text: its content, and how many characters it took with its quotes.
    private static string? Quoted(ReadOnlySpan<char> text, out int length)
    {
        length = 0;
        var quote = text[0];
        if (quote == '"')
        {
            var close = text[1..].IndexOfAny('"', '\\');
            if (close < 0 || text[1 + close] == '\\')
            {
                return null; // escapes are YamlDotNet's
            }
            length = close + 2;
            return text.Slice(1, close).ToString();
        }
        var value = new System.Text.StringBuilder();
        for (var i = 1; i < text.Length; i++)
        {
            if (text[i] != '\'')
            {
                value.Append(text[i]);
            }
            else if (i + 1 < text.Length && text[i + 1] == '\'')
            {
                value.Append('\'');
                i++;
            }
            else
            {
                length = i + 1;
                return value.ToString();
            }
        }
        return null;
    }

    // Words a YAML reader may take for something other than text, in any case.
    private static readonly HashSet<string> SpecialWords = new(["null", "true", "false", "yes", "no", "on", "off", "y", "n"], StringComparer.OrdinalIgnoreCase);

    // « [a, b] » on one line, its items short names.
    private static HeaderList? OneLineList(ReadOnlySpan<char> text, int line)
    {
        var close = text.IndexOf(']');
        if (close < 0 || !IsSpaces(text[(close + 1)..]))
        {
            return null;
        }
        var inside = text[1..close];
        var items = new List<HeaderNode>();
        if (IsSpaces(inside))
        {
            return new HeaderList(items, line);
        }
        foreach (var range in inside.Split(','))
        {
            var item = inside[range].Trim(' ');
            if (item.IsEmpty || !IsShortName(item) || SpecialWords.Contains(item.ToString()))
            {
                return null;
            }
            items.Add(new HeaderText(item.ToString(), line));
        }
        return new HeaderList(items, line);
    }

    private static bool IsShortName(ReadOnlySpan<char> item)
    {
        foreach (var c in item)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                return false;
            }
        }
        return item[0] != '-';
    }

    // « { name: value, … } » on one line.
    private static HeaderGroup? OneLineGroup(ReadOnlySpan<char> text, int line)
    {
        var fields = new List<HeaderField>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var i = 1;
        while (true)
        {
            while (i < text.Length && text[i] == ' ')
            {
                i++;
            }
            var rest = Name(text, i, out var name);
            if (name is null || !names.Add(name) || rest.IsEmpty || rest[0] != ' ')
            {
                return null;
            }
            i = text.Length - rest.TrimStart(' ').Length;
            if (i == text.Length)
            {
                return null;
            }
            string? value;
            if (text[i] is '"' or '\'')
            {
                value = Quoted(text[i..], out var length);
                i += length;
            }
            else
            {
                var end = text[i..].IndexOfAny(FlowSpecial) is var found and >= 0 ? i + found : text.Length;
                if (end == text.Length || text[end] is not (',' or '}') || Indicators.Contains(text[i]))
                {
                    return null;
                }
                value = text[i..end].TrimEnd(' ').ToString();
                i = end;
            }
            if (value is null)
            {
                return null;
            }
            fields.Add(new HeaderField(name, line, new HeaderText(value, line)));
            while (i < text.Length && text[i] == ' ')
            {
                i++;
            }
            if (i == text.Length)
            {
                return null;
            }
            if (text[i] == '}')
            {
                return IsSpaces(text[(i + 1)..]) ? new HeaderGroup(fields, line) : null;
            }
            if (text[i] != ',')
            {
                return null;
            }
            i++;
        }
    }

    // A field name at `start` followed by « : » and a space or the end of the line: the name, and what follows the colon.
    private static ReadOnlySpan<char> Name(ReadOnlySpan<char> line, int start, out string? name)
    {
        name = null;
        var end = start;
        while (end < line.Length && end - start <= LongestName && (char.IsAsciiLetterOrDigit(line[end]) || line[end] is '_' or '-'))
        {
            end++;
        }
        if (end == start || end - start > LongestName || !(char.IsAsciiLetter(line[start]) || line[start] == '_')
            || end == line.Length || line[end] != ':' || (end + 1 < line.Length && line[end + 1] != ' '))
        {
            return default;
        }
        name = line[start..end].ToString();
        return line[(end + 1)..];
    }

    // YAML's white space in a line is the space (tabs are declined): not every character .NET calls white space.
    private static bool IsSpaces(ReadOnlySpan<char> text) => text.TrimStart(' ').IsEmpty;

    private static bool IsBlankOrComment(string line) => IsSpaces(line) || line[0] == '#';

    private static int SkipBlank(string[] lines, int index)
    {
        while (index < lines.Length && IsBlankOrComment(lines[index]))
        {
            index++;
        }
        return index;
    }

    private static int Indent(string line)
    {
        var indent = 0;
        while (indent < line.Length && line[indent] == ' ')
        {
            indent++;
        }
        return indent;
    }

    // Where a « - » item line has its dash, or -1 when the line is not one.
    private static int DashIndent(string line)
    {
        var indent = Indent(line);
        return indent < line.Length && line[indent] == '-' && (indent + 1 == line.Length || line[indent + 1] == ' ') ? indent : -1;
    }
}
