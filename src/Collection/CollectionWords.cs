namespace FichesSite.Collection;

/// <summary>
/// The words of the collection's page titles and descriptions, from the theme's words (theme/i18n/fr.yml,
/// « collection: »). « {name} », « {letter} », « {n} » and « {count} » are replaced.
/// </summary>
public sealed record CollectionWords(
    string ServicesTitle,
    string ServicesDescription,
    string ServiceDescription,
    string ThemesTitle,
    string ThemesDescription,
    string ThemeDescription,
    string AzTitle,
    string AzDescription,
    string LetterTitle,
    string LetterDescription,
    string PageOf)
{
    /// <summary>The title of page <paramref name="number"/> of a list of <paramref name="count"/> pages.</summary>
    public string Paged(string title, int number, int count) =>
        number == 1 ? title : title + " – " + Fill(PageOf, ("n", number.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("count", count.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public static string Fill(string text, params (string Name, string Value)[] values)
    {
        foreach (var (name, value) in values)
        {
            text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }
        return text;
    }
}
