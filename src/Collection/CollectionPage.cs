using FichesSite.Pipeline;

namespace FichesSite.Collection;

/// <summary>What a page of the collection lists, carried by its document to the layout (the site model reads it).</summary>
/// <param name="Subject">The service's or theme's slug, or the letter's key; null for the lists of every service, theme or letter.</param>
/// <param name="Sheets">The sheets of this page of the list (a slice of at most <see cref="CollectionPages.PageSize"/>).</param>
/// <param name="Number">This page's number in its list, from 1.</param>
/// <param name="Count">How many pages the list has (1 when it fits one page, or lists no sheet).</param>
/// <param name="FirstPage">The address of the list's first page, from which the others' are made (PageAddresses.ListPage).</param>
public sealed record CollectionPage(CollectionPageKind Kind, string? Subject, IReadOnlyList<SheetSummary> Sheets, int Number, int Count, string FirstPage)
{
    /// <summary>On a page of the list of services or themes, the slugs of those it shows (a slice, like <see cref="Sheets"/>).</summary>
    public IReadOnlyList<string> Entries { get; init; } = [];

    public static readonly MetaKey<CollectionPage> Key = new("collection-page");
}

public enum CollectionPageKind
{
    Services,
    Service,
    Themes,
    Theme,
    Az,
    Letter,
}
