using FichesSite.Content;
using FichesSite.Pipeline;

namespace FichesSite.StructuredData;

/// <summary>
/// Gives each sheet, and each page whose type declares a schema.org procedure type, its JSON-LD (see
/// <see cref="MedicalWebPageJsonLd"/>), for base.liquid to put in the page head. After the risk
/// figures, so that the structured data read as the page does.
/// </summary>
/// <param name="publisher">The organisation that publishes the site (site.yml), named as each page's publisher.</param>
/// <param name="catalog">The services, whose schema.org specialty a sheet of theirs carries.</param>
public sealed class StructuredDataStage(IReadOnlyDictionary<string, ContentContract> contracts, string language, string? baseUrl, string publisher, SiteCatalog catalog) : IDocumentStage
{
    /// <summary>The JSON-LD as UTF-8: it waits for the layout pass, and half the size of a string.</summary>
    public static readonly MetaKey<byte[]> JsonLd = new("json-ld");

    public string Name => "structured data";

    public Document Run(Document document, SiteProducts site, DiagnosticBag diagnostics)
    {
        var frontMatter = document.Get(FrontMatter.Key);
        var specialty = frontMatter.Service is { } service ? catalog.Service(service)?.Specialty : null;
        return contracts.TryGetValue(frontMatter.Type, out var contract)
            && MedicalWebPageJsonLd.For(document, contract, new PageContext(language, baseUrl, publisher, specialty)) is { } json
            ? document.With(JsonLd, json)
            : document;
    }
}
