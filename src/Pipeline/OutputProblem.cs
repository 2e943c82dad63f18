namespace FichesSite.Pipeline;

/// <summary>
/// A French message and what to do, for a path given on the command line that is refused or cannot be written (the
/// site, a report, the pdf folder); <paramref name="Option"/> names the option at fault.
/// </summary>
public sealed record OutputProblem(string Message, string Fix, string Option = "--output");
