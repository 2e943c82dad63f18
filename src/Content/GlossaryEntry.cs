namespace FichesSite.Content;

/// <summary>
/// One term of input/data/glossaire.yml: the term as the glossary page shows it, the other forms it takes
/// in the sheets (plurals, feminine), a one-sentence definition, and whether a reviewer has checked it.
/// </summary>
/// <param name="Id">The anchor of the term on the glossary page (« anesthesie-generale »).</param>
/// <param name="Forms">The term and its listed forms, folded (lower case, no accents), each split into words.</param>
/// <param name="Reviewed">« relu » in the file: false until a reviewer sets it, and the site says so.</param>
/// <param name="Line">Line of the entry in the file, for messages.</param>
public sealed record GlossaryEntry(string Term, string Id, IReadOnlyList<string[]> Forms, string Definition, bool Reviewed, int Line);
