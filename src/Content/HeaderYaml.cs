using YamlDotNet.RepresentationModel;

namespace FichesSite.Content;

/// <summary>
/// Reads a page's YAML header into <see cref="HeaderNode"/>s: with <see cref="SimpleHeaderParser"/> when the header
/// keeps to the plain forms authors write (nearly every header), with YamlDotNet otherwise: YamlDotNet, run on every
/// header, was the largest part of the front matter stage (docs/benchmarks.md). The simple parser declines
/// anything it does not fully know, so YAML keeps its meaning and YamlDotNet its error messages;
/// HeaderYamlTests holds the two to the same result.
/// </summary>
public static class HeaderYaml
{
    /// <summary>The page's header line that the YAML's first line is (the opening « --- » is line 1).</summary>
    public const int FirstLine = 2;

    /// <summary>
    /// The header's fields, or null when the header is valid YAML but not a group of fields (a list, a text, nothing).
    /// Throws YamlDotNet's exceptions for YAML it cannot read, and <see cref="YamlLimitException"/> past a limit of
    /// <see cref="BoundedYaml"/>, with positions counted inside the header.
    /// </summary>
    public static HeaderGroup? Load(string yaml) => SimpleHeaderParser.TryParse(yaml, FirstLine) ?? LoadWithYamlDotNet(yaml);

    /// <summary>The same, always through YamlDotNet (public for the tests that compare the two).</summary>
    public static HeaderGroup? LoadWithYamlDotNet(string yaml)
    {
        var stream = BoundedYaml.Load(yaml);
        return stream.Documents.Count == 1 && stream.Documents[0].RootNode is YamlMappingNode mapping
            ? (HeaderGroup)Convert(mapping, depth: 0)
            : null;
    }

    // The readers look at most three levels down (sources → a source → its fields). Deeper lists and groups are
    // kept empty, of their kind (aliases, which could make a list hold itself, never reach here: BoundedYaml).
    private const int DeepestLevel = 4;

    private static HeaderNode Convert(YamlNode node, int depth)
    {
        var line = (int)node.Start.Line + FirstLine - 1; // YamlDotNet counts lines from 1 inside the header
        return node switch
        {
            YamlSequenceNode list => new HeaderList(
                depth < DeepestLevel ? list.Children.Select(item => Convert(item, depth + 1)).ToList() : [], line),
            YamlMappingNode group => new HeaderGroup(
                depth < DeepestLevel
                    ? group.Children.Select(field => new HeaderField(
                        (field.Key as YamlScalarNode)?.Value, (int)field.Key.Start.Line + FirstLine - 1, Convert(field.Value, depth + 1))).ToList()
                    : [],
                line),
            // A scalar; anything else YamlDotNet may hand (an unresolved alias) reads as an empty value.
            _ => new HeaderText((node as YamlScalarNode)?.Value ?? "", line),
        };
    }
}
