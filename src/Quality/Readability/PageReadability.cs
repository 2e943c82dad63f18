using FichesSite.Pipeline;

namespace FichesSite.Quality.Readability;

/// <summary>One h2 section of a sheet (or the text before the first h2, with an empty title) and its counts.</summary>
/// <param name="Line">The line of the section's heading in the source file (of its first text when it has none).</param>
public sealed record SectionReadability(string Title, string Anchor, int Line, ReadabilityCounts Counts);

/// <summary>The readability of one sheet, computed by <see cref="ReadabilityStage"/> and kept on its document.</summary>
public sealed record PageReadability(string SourcePath, string Title, IReadOnlyList<SectionReadability> Sections)
{
    public static readonly MetaKey<PageReadability> Key = new("readability");

    public ReadabilityCounts Total => Sections.Aggregate(default(ReadabilityCounts), (sum, s) => sum + s.Counts);
}
