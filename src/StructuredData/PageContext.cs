namespace FichesSite.StructuredData;

/// <summary>What a page's structured data says beyond the page itself: the site's language and address, its publisher, and the specialty of the sheet's service.</summary>
/// <param name="Specialty">A member of schema.org's MedicalSpecialty (checked where services.yml is read), or null.</param>
public sealed record PageContext(string Language, string? BaseUrl, string Publisher, string? Specialty);
