namespace FichesSite.Content;

/// <summary>
/// A value of a page's YAML header, as the front matter stage reads it: text, a list or a group of fields,
/// each with its line in the page's file (not in the header). Its own small model rather than YamlDotNet's,
/// so that the header can be read by <see cref="SimpleHeaderParser"/> (most headers) or by YamlDotNet (the
/// rest) and read the same way after (<see cref="HeaderYaml"/>).
/// </summary>
public abstract record HeaderNode(int Line);

/// <summary>A one-line value: its text as YAML gives it (quotes and escapes resolved, not trimmed further).</summary>
public sealed record HeaderText(string Value, int Line) : HeaderNode(Line);

/// <summary>A list (« - item » lines, or « [a, b] »).</summary>
public sealed record HeaderList(IReadOnlyList<HeaderNode> Items, int Line) : HeaderNode(Line)
{
    public bool Equals(HeaderList? other) => other is not null && Line == other.Line && Items.SequenceEqual(other.Items);

    public override int GetHashCode() => HashCode.Combine(Line, Items.Count);
}

/// <summary>A group of fields (« name: value » lines, or « { name: value } »), in the order written.</summary>
public sealed record HeaderGroup(IReadOnlyList<HeaderField> Fields, int Line) : HeaderNode(Line)
{
    public bool Equals(HeaderGroup? other) => other is not null && Line == other.Line && Fields.SequenceEqual(other.Fields);

    public override int GetHashCode() => HashCode.Combine(Line, Fields.Count);
}

/// <summary>
/// One field of a group. <paramref name="Name"/> is null when YAML's key is not text (« [a]: b »),
/// which is never a field name.
/// </summary>
public sealed record HeaderField(string? Name, int Line, HeaderNode Value);
