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
}
