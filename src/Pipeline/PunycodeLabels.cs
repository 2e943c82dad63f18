using System.Globalization;
using System.Text;

namespace FichesSite.Pipeline;

/// <summary>
/// The rule for the host of every address the content or the configuration gives (links, sources, base_url,
/// feedback, the web editor's instance): a label that starts with « xn-- » (any case) is the ASCII form of an
/// internationalised name (« xn--hpital-exemple-0ob » for « hôpital-exemple ») and must be one, else no browser opens
/// the address. <see cref="UrlPolicy.Judge"/> applies it to every address content puts in a page; the settings'
/// own checks call it too, and every field reports it with <see cref="Report"/>, its one message.
/// </summary>
/// <remarks>
/// Such a label must decode as punycode (RFC 3492, <see cref="IdnMapping.GetUnicode(string)"/>) into a name that is
/// not plain ASCII (or it would need no « xn-- ») and holds only what a host name may show: no control, format,
/// space, private or unassigned character, no capital (a browser would have lowered it before encoding it). The
/// generator runs with InvariantGlobalization, where IdnMapping decodes punycode alone and so reads « xn--a » as
/// U+0080, a control character: the character rules are written here for that reason. Under ICU (the tests' process)
/// IdnMapping checks more (UTS 46: right-to-left labels, a mark at a label's start, what its table maps or
/// disallows), which this rule does not attempt.
/// </remarks>
public static class PunycodeLabels
{
    private const string Prefix = "xn--";

    // Where a label ends in a host, as the URL Standard reads it: the full stop and its ideographic and full-width forms.
    private static readonly char[] LabelSeparators = ['.', '\u3002', '\uFF0E', '\uFF61'];

    /// <summary>
    /// The first label of the host of <paramref name="address"/> that starts with « xn-- » and is not an
    /// internationalised name's punycode form, or null. The host is the one a browser reads: after « https:// » or
    /// « http:// » (slashes of either kind, any number), or « // » without a scheme, up to the path, without
    /// credentials and port; after « @ » in each address of a mailto:. An address without a host (a page of the site,
    /// tel:) has none.
    /// </summary>
    public static string? InAddress(string address)
    {
        // Plain ASCII without « xn-- » and without « % » holds no such label, however a browser reads it.
        if (!address.Contains(Prefix, StringComparison.OrdinalIgnoreCase) && !address.Contains('%') && Ascii.IsValid(address))
        {
            return null;
        }
        var text = UrlPolicy.AsBrowserReads(address);
        switch (UrlPolicy.SchemeOf(text))
        {
            case "mailto":
                // The addresses before « ? », and those of the query's « to », « cc » and « bcc » (RFC 6068).
                var body = text[(text.IndexOf(':') + 1)..];
                var mark = body.IndexOf('?');
                var query = mark >= 0 ? body[(mark + 1)..] : "";
                var fields = query.Split('&')
                    .Select(field => field.Split('=', 2))
                    .Where(pair => pair.Length == 2 && pair[0].ToLowerInvariant() is "to" or "cc" or "bcc")
                    .Select(pair => pair[1]);
                return fields.Prepend(body[..(mark >= 0 ? mark : body.Length)])
                    .SelectMany(list => PercentDecoded(list).Split(','))
                    .Select(one => InMailAddress(one)).FirstOrDefault(label => label is not null);
            case "https" or "http":
                return InAuthority(text[(text.IndexOf(':') + 1)..].TrimStart(['/', '\\']));
            case null when text.Length >= 2 && text[0] is '/' or '\\' && text[1] is '/' or '\\':
                return InAuthority(text.TrimStart(['/', '\\']));
            default:
                return null;
        }
    }

    /// <summary>The first label of the domain of an e-mail address (after its last « @ ») that breaks the rule, or null.</summary>
    public static string? InMailAddress(string address) => InHost(address[(address.LastIndexOf('@') + 1)..]);

    /// <summary>The first label of a host name (« www.xn--hpital-exemple-0ob.fr ») that breaks the rule, or null.</summary>
    public static string? InHost(string host)
    {
        foreach (var label in AsBrowserReads(host).Split(LabelSeparators))
        {
            if (label.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && !IsPunycodeName(label))
            {
                return label;
            }
        }
        return null;
    }

    /// <summary>
    /// Reports <paramref name="address"/>, whose host holds <paramref name="label"/> (found by <see cref="InAddress"/>,
    /// <see cref="InMailAddress"/> or <see cref="InHost"/>), at <paramref name="file"/>:<paramref name="line"/>: the one
    /// message of the rule, for every field.
    /// </summary>
    public static void Report(string address, string label, string file, int line, DiagnosticBag diagnostics) =>
        diagnostics.Error(file, line,
            $"adresse refusée « {address} » : son nom de domaine contient « {label} », qui commence par « xn-- » sans être la forme codée (punycode) d’un nom accentué ; aucun navigateur ne l’ouvrirait.",
            "Recopiez le nom de domaine exact depuis la barre d’adresse du navigateur ou le registre du domaine : la forme « xn--… » d’un nom accentué (« xn--hpital-exemple-0ob » pour « hôpital-exemple ») se calcule, elle ne s’écrit pas à la main.");

    // The host of an authority and what follows it (« nom@hôte:443/chemin »).
    private static string? InAuthority(string rest)
    {
        var authority = rest[..(rest.IndexOfAny(['/', '\\', '?', '#']) is var end and >= 0 ? end : rest.Length)];
        var host = authority[(authority.LastIndexOf('@') + 1)..];
        if (host.StartsWith('['))
        {
            return null; // an IPv6 address: no label
        }
        return InHost(host.LastIndexOf(':') is var colon and >= 0 ? host[..colon] : host);
    }

    // The host as a browser reads it before it looks at its labels: percent-decoded (as UTF-8), full-width forms mapped
    // to ASCII and the characters UTS 46 ignores dropped (the soft hyphen, the zero-width space and joiners of words, the
    // byte order mark), so that « xn%2D%2Dzz », « ｘｎ--zz » or « x\u00ADn--zz » are read as « xn--zz », as it reads them.
    private static string AsBrowserReads(string host)
    {
        var decoded = PercentDecoded(host);
        var read = new StringBuilder(decoded.Length);
        foreach (var c in decoded)
        {
            if (c is '\u00AD' or '\u200B' or '\u2060' or '\uFEFF')
            {
                continue;
            }
            read.Append(c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c);
        }
        return read.ToString();
    }

    // « %2D » and the like, decoded as UTF-8; a « % » that starts no valid sequence stays as it is.
    private static string PercentDecoded(string text) => text.Contains('%') ? Uri.UnescapeDataString(text) : text;

    // A label « xn--… » that decodes into a name a host may have (see the class's remarks).
    private static bool IsPunycodeName(string label)
    {
        string name;
        try
        {
            // Lowered first, as a browser lowers a host's ASCII letters before it reads a label's punycode.
            name = new IdnMapping().GetUnicode(label.ToLowerInvariant());
        }
        catch (ArgumentException)
        {
            return false;
        }
        var beyondAscii = false;
        foreach (var rune in name.EnumerateRunes())
        {
            beyondAscii |= !rune.IsAscii;
            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.SpaceSeparator
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.UppercaseLetter or UnicodeCategory.TitlecaseLetter)
            {
                return false;
            }
        }
        return beyondAscii;
    }
}
