namespace FichesSite.Content;

/// <summary>
/// A hospital service, from input/data/services.yml: the contact a sheet of this service shows, and its own page.
/// </summary>
/// <param name="Slug">Its key in services.yml, as sheets name it (« service: ») and as its page's address.</param>
/// <param name="Specialty">The schema.org medical specialty, for the sheets' structured data; null when not given.</param>
/// <param name="Line">The line of its key in services.yml, for messages about it.</param>
public sealed record Service(
    string Slug,
    string Name,
    string Phone,
    string? Hours,
    string? Address,
    string? Intro,
    string? Specialty,
    int Line)
{
    /// <summary>The phone number as a tel: address (digits and « + » only).</summary>
    public string PhoneHref => PhoneNumber.Href(Phone);

    /// <summary>What only the intranet site shows of the service (fields ending in « _internal »).</summary>
    public ServiceInternalFields Internal { get; init; } = ServiceInternalFields.None;
}

/// <summary>
/// A service's fields for staff only, in services.yml beside the public ones. The site model gives them to the templates
/// of the intranet build only, so no page, list or data file of the public site can hold them.
/// </summary>
/// <param name="Phone">« phone_internal »: the number staff dial inside the hospital (often a short extension).</param>
/// <param name="Note">« note_internal »: one sentence for staff (how the service takes requests, who to ask).</param>
public sealed record ServiceInternalFields(string? Phone, string? Note)
{
    public static readonly ServiceInternalFields None = new(null, null);

    /// <summary>The fields' names in services.yml, in the order the guide lists them.</summary>
    public static readonly IReadOnlyList<string> Keys = ["phone_internal", "note_internal"];

    /// <summary>The internal number as a tel: address, or null when it has none.</summary>
    public string? PhoneHref => Phone is null ? null : PhoneNumber.Href(Phone);
}
