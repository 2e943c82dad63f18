namespace FichesSite.Pipeline;

/// <summary>A step of the build. Its name appears in timings and in the build's table of contents.</summary>
public interface IStage
{
    string Name { get; }
}

/// <summary>
/// A stage that looks at one document at a time. The runner runs it over all documents in
/// parallel, so it must not depend on the others; what earlier site stages made for the whole
/// site (the template model) comes in <c>site</c>.
/// </summary>
public interface IDocumentStage : IStage
{
    Document Run(Document document, SiteProducts site, DiagnosticBag diagnostics);
}

/// <summary>
/// A stage that needs the whole set of documents (reading files, site-wide checks). Pages that
/// already failed stay in the list, so that links to them are not reported as broken; the stage
/// must not process them (<see cref="DiagnosticBag.HasErrorsFor"/>). What it makes for the whole
/// site it adds to the products it hands on (<see cref="BuildState.With"/>), for later stages.
/// </summary>
public interface ISiteStage : IStage
{
    BuildState Run(BuildState build, DiagnosticBag diagnostics);
}
