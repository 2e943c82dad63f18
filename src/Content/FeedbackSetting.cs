using System.Text;
using System.Text.RegularExpressions;
using FichesSite.Pipeline;

namespace FichesSite.Content;

/// <summary>
/// « feedback » in site.yml: where a reader answers « Cette page vous a-t-elle été utile ? », with no third party in
/// between. Either the hospital's own e-mail address (the page links to it by mailto:, the page's title in the
/// subject) or the address of a form on the hospital's own https server (the page links to it with its own address
/// in a « page » query parameter, so the form knows which page is meant). The one place that reads the setting
/// and writes the link.
/// </summary>
/// <remarks>
/// A link, not a &lt;form method="get"&gt;: the pages' Content-Security-Policy says « form-action 'self' », and a
/// hospital's form lives on another host. Strict on purpose: a bare address of plain letters (no « % », « ? » or
/// « / » that mailto: would have to encode) and an https address without credentials or fragment, so that what
/// the build writes is always a well-formed address and never anything that could run.
/// </remarks>
public sealed partial class FeedbackSetting
{
    /// <summary>What a message shows as a good value.</summary>
    private const string Examples = "« feedback: avis@hopital-exemple.fr » (une adresse e-mail de l’établissement) ou « feedback: https://www.hopital-exemple.fr/avis » (son propre formulaire)";

    private FeedbackSetting(bool isMail, string target)
    {
        IsMail = isMail;
        Target = target;
    }

    /// <summary>True for an e-mail address, false for a form's address.</summary>
    public bool IsMail { get; }

    /// <summary>The e-mail address, or the form's absolute https address as a URL parser writes it.</summary>
    public string Target { get; }

    /// <summary>The setting, or null after an error naming the line (reported in <paramref name="diagnostics"/>).</summary>
    public static FeedbackSetting? Read(string value, string displayPath, int line, DiagnosticBag diagnostics)
    {
        if (value.AsSpan().IndexOfAnyInRange('\0', ' ') >= 0 || value.Contains('\u007f'))
        {
            diagnostics.Error(displayPath, line, $"l’adresse de l’avis des lecteurs (feedback) contient une espace ou un caractère invisible : « {value.Trim()} ».",
                $"Écrivez l’adresse seule, sans espace, entre guillemets : {Examples}.");
            return null;
        }
        switch (UrlPolicy.SchemeOf(value))
        {
            case null when IsMailAddress(value):
                if (PunycodeLabels.InMailAddress(value) is { } domainLabel)
                {
                    PunycodeLabels.Report(value, domainLabel, displayPath, line, diagnostics);
                    return null;
                }
                return new FeedbackSetting(isMail: true, value);
            case null:
                diagnostics.Error(displayPath, line, $"« {value} » n’est pas une adresse e-mail valable pour l’avis des lecteurs (feedback).",
                    $"Écrivez une adresse complète, « nom@domaine.fr », en lettres sans accent, chiffres, points, tirets, « _ » ou « + » : {Examples}.");
                return null;
            case "mailto":
                diagnostics.Error(displayPath, line, $"l’avis des lecteurs (feedback) attend l’adresse e-mail seule, sans « mailto: » : « {value} ».",
                    $"Retirez « mailto: » et ce qui suit « ? » : {Examples}.");
                return null;
            case "http":
                diagnostics.Error(displayPath, line, $"l’adresse du formulaire d’avis (feedback) « {value} » n’est pas chiffrée (http:).",
                    "Écrivez l’adresse https: du formulaire (le même avec « s ») : un lecteur y écrit peut-être sur sa santé.");
                return null;
            case "https" when PunycodeLabels.InAddress(value) is { } hostLabel:
                PunycodeLabels.Report(value, hostLabel, displayPath, line, diagnostics);
                return null;
            case "https" when value.StartsWith("https://", StringComparison.OrdinalIgnoreCase) && Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.Host.Length > 0
                              && uri.UserInfo.Length == 0 && uri.Fragment.Length == 0 && !value.Contains('#'):
                return new FeedbackSetting(isMail: false, uri.AbsoluteUri);
            case "https":
                diagnostics.Error(displayPath, line, $"l’adresse du formulaire d’avis (feedback) « {value} » n’est pas une adresse https complète.",
                    "Écrivez l’adresse du formulaire telle que le navigateur l’affiche, « https://www.hopital-exemple.fr/avis », sans identifiant (« nom@ ») ni « # ».");
                return null;
            default:
                diagnostics.Error(displayPath, line, $"l’avis des lecteurs (feedback) doit être une adresse e-mail ou l’adresse https d’un formulaire : « {value} » n’est ni l’une ni l’autre.",
                    $"Écrivez {Examples} ; les adresses en javascript:, data:, file: ou tel: ne sont pas acceptées.");
                return null;
        }
    }

    /// <summary>
    /// The link of one page: a mailto: address with <paramref name="subject"/> in its subject, or the form's address with
    /// <paramref name="pageAddress"/> in its « page » parameter. Every character outside RFC 3986's unreserved set is
    /// percent-encoded (UTF-8), line breaks and control characters first become spaces, so no text can end the
    /// address, add a header to the mail or a parameter to the form.
    /// </summary>
    public string Href(string subject, string pageAddress)
    {
        if (IsMail)
        {
            return "mailto:" + Target + "?subject=" + Uri.EscapeDataString(OneLine(subject));
        }
        var separator = Target.EndsWith('?') || Target.EndsWith('&') ? "" : Target.Contains('?') ? "&" : "?";
        return Target + separator + "page=" + Uri.EscapeDataString(OneLine(pageAddress));
    }

    // Runs of spaces, line breaks and control characters as one space; a lone surrogate, which UTF-8 cannot encode, as U+FFFD.
    private static string OneLine(string text)
    {
        var line = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                if (line.Length > 0 && line[^1] != ' ')
                {
                    line.Append(' ');
                }
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                line.Append(c).Append(text[++i]);
            }
            else
            {
                line.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return line.ToString().Trim();
    }

    /// <summary>
    /// « nom@domaine.fr »: a local part of ASCII letters, digits, « . _ + - » (no dot at either end or twice), and a domain
    /// of at least two labels of letters, digits and inner hyphens, ending with letters; 254 characters at most.
    /// Stricter than RFC 5322, which allows what mail programs read differently (quotes, comments, « % »).
    /// </summary>
    public static bool IsMailAddress(string text) => text.Length <= 254 && MailAddress().IsMatch(text);

    [GeneratedRegex(@"^[A-Za-z0-9_+-]+(\.[A-Za-z0-9_+-]+)*@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex MailAddress();
}
