using FichesSite.Content;
using FichesSite.Pipeline;

namespace FichesSite.StructuredData;

/// <summary>
/// Gives each page whose type declares a schema.org procedure type its JSON-LD (see
/// <see cref="MedicalWebPageJsonLd"/>), for base.liquid to put in the page head. After the risk
/// figures, so that the structured data read as the page does.
/// </summary>
public sealed class StructuredDataStage(IReadOnlyDictionary<string, ContentContract> contracts, string language, string? baseUrl) : IDocumentStage
{
    /// <summary>The JSON-LD as UTF-8: it waits for the layout pass, and half the size of a string.</summary>
    public static readonly MetaKey<byte[]> JsonLd = new("json-ld");

    public string Name => "structured data";

    public Document Run(Document document, SiteProducts site, DiagnosticBag diagnostics)
    {
        var type = document.Get(FrontMatter.Key).Type;
        return contracts.TryGetValue(type, out var contract) && MedicalWebPageJsonLd.For(document, contract, language, baseUrl) is { } json
            ? document.With(JsonLd, json)
            : document;
    }
}
