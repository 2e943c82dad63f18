using FichesSite.Content;
using FichesSite.Markdown.Sections;
using FichesSite.Pipeline;

namespace FichesSite.Quality.Readability;

/// <summary>
/// Scores each sheet's readability, section by section, in the parallel page stages, and keeps the
/// result on the document for the build's report (<see cref="ReadabilityReport"/>). Runs before the
/// glossary marks terms, on the tree as the author wrote it. Other pages are not scored: the formulas
/// are meant for the sheets patients read, not for the accessibility statement.
/// </summary>
public sealed class ReadabilityStage(ReadabilityScorer scorer) : IDocumentStage
{
    public string Name => "readability";

    public Document Run(Document document, SiteProducts site, DiagnosticBag diagnostics)
    {
        if (!PageAddresses.IsFiche(document.OutputPath))
        {
            return document;
        }
        var scores = scorer.Score(document.Get(PageSectionModel.Key), document.SourcePath, document.Get(FrontMatter.Key).Title);
        return document.With(PageReadability.Key, scores);
    }
}
