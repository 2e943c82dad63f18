namespace FichesSite.Content;

/// <summary>
/// The ids that theme/layouts and theme/partials write as they are, on the pages that include them: content must not
/// take them (a heading's id, a glossary term's), since two elements with one id break the page. Kept in one list,
/// which HeadingIdsTests checks against the theme's templates.
/// </summary>
public static class ThemeIds
{
    public static readonly IReadOnlyList<string> All =
    [
        "contenu",                                                      // base.liquid: main, the skip link's target
        "recherche-champ", "recherche-statut", "recherche-resultats",   // header.liquid: the search form
        "recherche-service",                                            // search.liquid: the filter by service
        "fiche-a-propos", "fiche-sources",                              // about.liquid: a sheet's « about » box
        "contact-titre",                                                // footer.liquid
        "service-contact-titre",                                        // service-contact.liquid: a sheet's service
        "fiches-liees-titre",                                           // related.liquid: a sheet's related sheets
        "accueil-services", "accueil-themes", "accueil-az", "accueil-recentes", // home.liquid: the collection
    ];
}
