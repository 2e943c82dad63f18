using System.Text.RegularExpressions;

namespace FichesSite.Content;

/// <summary>
/// A phone number a page offers to call (a service's, the organisation's): one number as it is dialled, so that its
/// « appeler » link, which keeps the digits, calls the number shown. « poste 12 », a second number or the « (0) » of
/// « +33 (0)1… » would make the link dial another number.
/// </summary>
public static partial class PhoneNumber
{
    /// <summary>The fix for a number refused, for the messages of the files that hold one.</summary>
    public const string Fix =
        "Écrivez seulement le numéro, en chiffres séparés par des espaces, des points ou des tirets, « + » au début pour l’international (« 01 00 00 00 00 », « +33 1 00 00 00 00 », sans « (0) ») ; "
        + "un poste, un second numéro ou une précision vont à côté (« hours: », « phone_hours: »).";

    /// <summary>Whether the text is one number as dialled: digits in groups, each separated by one space, dot or hyphen; « + » first.</summary>
    public static bool IsDialled(string text) => Dialled().IsMatch(text.Trim());

    /// <summary>The tel: address of a number: its digits, and « + » for an international one.</summary>
    public static string Href(string text) => "tel:" + new string(text.Where(c => char.IsAsciiDigit(c) || c == '+').ToArray());

    [GeneratedRegex("^\\+?[0-9]+(?:[ .\\-\u00A0\u202F][0-9]+)*$")]
    private static partial Regex Dialled();
}
