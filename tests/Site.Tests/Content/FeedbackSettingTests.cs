using CsCheck;
using FichesSite.Content;
using FichesSite.Pipeline;

namespace FichesSite.Tests.Content;

/// <summary>
/// « feedback: » in site.yml: the hospital's e-mail address or its own https form, nothing else. Each class of bad value
/// (another scheme, http:, mailto:, a malformed address, credentials or a fragment, hidden characters) is a French
/// error on its line, and generated members of those classes are all refused. Whatever a page's title or address holds
/// (quotes, &amp;, &lt;, line breaks, any Unicode), the link is one well-formed address whose subject or « page »
/// parameter reads back as the text on one line.
/// </summary>
public sealed class FeedbackSettingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fiches-feedback-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // site.yml with feedback on its third line, read as the build reads it.
    private (SiteConfig? Site, DiagnosticBag Diagnostics) Read(string yamlValue)
    {
        var path = Path.Combine(_folder, "site.yml");
        File.WriteAllText(path, $"name: Exemple\nlanguage: fr\nfeedback: {yamlValue}\n");
        var diagnostics = new DiagnosticBag(warningsAreErrors: false);
        return (SiteConfigFile.Read(path, "input/site.yml", diagnostics), diagnostics);
    }

    private static string Quoted(string value) =>
        "\"" + string.Concat(value.Select(c => c switch
        {
            '"' => "\\\"",
            '\\' => "\\\\",
            < ' ' or '\u007f' => $"\\x{(int)c:X2}",
            _ => c.ToString(),
        })) + "\"";

    [Theory]
    [InlineData("avis@hopital-exemple.invalid", true, "avis@hopital-exemple.invalid")]
    [InlineData("qualite.usagers+fiches@chu-exemple.fr", true, "qualite.usagers+fiches@chu-exemple.fr")]
    [InlineData("https://www.hopital-exemple.invalid/avis", false, "https://www.hopital-exemple.invalid/avis")]
    [InlineData("https://www.hopital-exemple.invalid/avis?source=fiches", false, "https://www.hopital-exemple.invalid/avis?source=fiches")]
    [InlineData("HTTPS://Hopital-Exemple.invalid", false, "https://hopital-exemple.invalid/")]
    public void An_address_or_an_https_form_is_read(string value, bool isMail, string target)
    {
        var (site, diagnostics) = Read(Quoted(value));

        Assert.Empty(diagnostics.All);
        Assert.NotNull(site!.Feedback);
        Assert.Equal((isMail, target), (site.Feedback.IsMail, site.Feedback.Target));
    }

    [Theory]
    [InlineData("~")]
    [InlineData("")]
    public void Without_a_value_nothing_is_set(string yamlValue)
    {
        var (site, diagnostics) = Read(yamlValue);

        Assert.Empty(diagnostics.All);
        Assert.Null(site!.Feedback);
    }

    [Theory]
    [InlineData("javascript:alert(1)", "n’est ni l’une ni l’autre", "javascript:")]
    [InlineData("data:text/html,<script>alert(1)</script>", "n’est ni l’une ni l’autre", "javascript:")]
    [InlineData("tel:0100000000", "n’est ni l’une ni l’autre", "https://www.hopital-exemple.fr/avis")]
    [InlineData("http://www.hopital-exemple.invalid/avis", "n’est pas chiffrée (http:)", "https:")]
    [InlineData("mailto:avis@hopital-exemple.invalid?subject=x", "sans « mailto: »", "Retirez « mailto: »")]
    [InlineData("avis@hopital-exemple", "n’est pas une adresse e-mail valable", "nom@domaine.fr")]
    [InlineData("avis.@hopital-exemple.invalid", "n’est pas une adresse e-mail valable", "nom@domaine.fr")]
    [InlineData("avis@@hopital-exemple.invalid", "n’est pas une adresse e-mail valable", "nom@domaine.fr")]
    [InlineData("\"avis\"@hopital-exemple.invalid", "n’est pas une adresse e-mail valable", "nom@domaine.fr")]
    [InlineData("avis@hôpital-exemple.invalid", "n’est pas une adresse e-mail valable", "sans accent")]
    [InlineData("https://jean:secret@hopital-exemple.invalid/avis", "n’est pas une adresse https complète", "sans identifiant")]
    [InlineData("https://hopital-exemple.invalid/avis#form", "n’est pas une adresse https complète", "ni « # »")]
    [InlineData("https:avis", "n’est pas une adresse https complète", "https://www.hopital-exemple.fr/avis")]
    [InlineData("avis@hopital-exemple.invalid\n", "caractère invisible", "sans espace")]
    [InlineData(" avis@hopital-exemple.invalid", "caractère invisible", "sans espace")]
    [InlineData("https://hopital-exemple.invalid/a b", "caractère invisible", "sans espace")]
    public void Anything_else_is_a_french_error_on_its_line_with_the_fix(string value, string message, string fix)
    {
        var (site, diagnostics) = Read(Quoted(value));

        Assert.Null(site);
        var error = Assert.Single(diagnostics.All);
        Assert.Equal(("input/site.yml", 3), (error.File, error.Line));
        Assert.Contains("(feedback)", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains(fix, error.Fix, StringComparison.Ordinal);
    }

    // Values that must never become a link: other schemes however written, http:, mailto:, broken addresses, forms with
    // credentials or a fragment, and any of them with a hidden character somewhere.
    private static readonly Gen<string> Scheme =
        Gen.OneOf(Gen.Const("javascript"), Gen.Const("data"), Gen.Const("vbscript"), Gen.Const("file"), Gen.Const("http"), Gen.Const("mailto"),
                Gen.Const("tel"), Gen.Const("ftp"), Gen.Const("blob"))
            .SelectMany(s => Gen.Bool.Array[s.Length].Select(upper => string.Concat(s.Select((c, i) => upper[i] ? char.ToUpperInvariant(c) : c))));

    private static readonly Gen<string> Junk = Gen.String[Gen.Char["abz09.-_@:/?#%&=<>\"' \t\n\\é()"], 0, 20];

    private static readonly Gen<string> Hostile = Gen.OneOf(
        Gen.Select(Scheme, Junk, (scheme, rest) => scheme + ":" + rest),
        Gen.Select(Junk, Junk, (local, domain) => local + "@" + domain).Where(v => !FeedbackSetting.IsMailAddress(v)),
        Junk.Where(v => !FeedbackSetting.IsMailAddress(v) && UrlPolicy.SchemeOf(v) is not "https"),
        Gen.Select(Gen.String[Gen.Char["abc:"], 1, 6], Junk, (user, path) => "https://" + user + "@hopital-exemple.invalid/" + path),
        Gen.Select(Junk, path => "https://hopital-exemple.invalid/" + path + "#" + path),
        Gen.Select(Gen.OneOf(Gen.Const("avis@hopital-exemple.invalid"), Gen.Const("https://hopital-exemple.invalid/avis")),
            Gen.Char["\0\t\n\r\u000b\u001f\u007f "], Gen.Int[0, 28],
            (good, hidden, at) => good.Insert(Math.Min(at, good.Length), hidden.ToString())));

    [Fact]
    public void Generated_hostile_values_are_all_refused_on_their_line() =>
        Hostile.Sample(value =>
        {
            var diagnostics = new DiagnosticBag(warningsAreErrors: false);
            Assert.Null(FeedbackSetting.Read(value, "input/site.yml", 7, diagnostics));
            var error = Assert.Single(diagnostics.All);
            Assert.Equal(7, error.Line);
            Assert.Contains("feedback", error.Message, StringComparison.Ordinal);
        }, iter: 3000);

    // Page titles and addresses as authors and hostile input may write them.
    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.String,
        Gen.String[Gen.Char["aé « »’\"'&<>/\\?#%+=;:\r\n\t\u2028\u00a0œ"], 0, 40],
        Gen.Select(Gen.String, Gen.Char[(char)0xD800, (char)0xDFFF], Gen.String, (a, surrogate, b) => a + surrogate + b),
        Gen.Const("</a><script>alert(1)</script>"),
        Gen.Const("Ligne 1\r\nBcc: tous@exemple.invalid"),
        Gen.Const("👩‍⚕️ Soins « à domicile » & suivi"));

    private static readonly FeedbackSetting Mail = FeedbackSetting.Read("avis@hopital-exemple.invalid", "site.yml", 1, new DiagnosticBag(false))!;
    private static readonly FeedbackSetting Form = FeedbackSetting.Read("https://hopital-exemple.invalid/avis?source=fiches", "site.yml", 1, new DiagnosticBag(false))!;

    // What an address may hold once written: RFC 3986's unreserved characters, percent escapes and the few delimiters
    // the link's frame puts there itself. Nothing that ends an attribute, a tag, a header or the address.
    private static void AssertWellFormed(string href)
    {
        Assert.All(href, c => Assert.True(char.IsAsciiLetterOrDigit(c) || "-._~%:/?=&@".Contains(c), $"« {c} » in {href}"));
        Assert.True(Uri.TryCreate(href, UriKind.Absolute, out _), href);
        Assert.True(UrlPolicy.IsAllowed(href), href);
    }

    // A text as the link carries it: on one line, a lone surrogate (which UTF-8 cannot hold) as U+FFFD.
    private static string OneLine(string text)
    {
        var valid = new System.Text.StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsSurrogatePair(text, i))
            {
                valid.Append(text, i++, 2);
            }
            else
            {
                valid.Append(char.IsSurrogate(text[i]) ? '\uFFFD' : char.IsWhiteSpace(text[i]) || char.IsControl(text[i]) ? ' ' : text[i]);
            }
        }
        return string.Join(' ', valid.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_mail_link_is_well_formed_and_its_subject_reads_back_on_one_line_whatever_the_title() =>
        Text.Sample(title =>
        {
            var href = Mail.Href(title, "fiches/x/index.html");
            AssertWellFormed(href);
            Assert.StartsWith("mailto:avis@hopital-exemple.invalid?subject=", href, StringComparison.Ordinal);
            var subject = href["mailto:avis@hopital-exemple.invalid?subject=".Length..];
            Assert.DoesNotContain('&', subject); // no second header
            Assert.Equal(OneLine(title), Uri.UnescapeDataString(subject));
        }, iter: 3000);

    [Fact]
    public void A_form_link_is_well_formed_and_carries_the_page_s_address_whatever_it_holds() =>
        Text.Sample(address =>
        {
            var href = Form.Href("titre", address);
            AssertWellFormed(href);
            Assert.StartsWith("https://hopital-exemple.invalid/avis?source=fiches&page=", href, StringComparison.Ordinal);
            var page = href["https://hopital-exemple.invalid/avis?source=fiches&page=".Length..];
            Assert.DoesNotContain('&', page); // no second parameter
            Assert.Equal(OneLine(address), Uri.UnescapeDataString(page));
        }, iter: 3000);

    [Theory]
    [InlineData("https://hopital-exemple.invalid/avis", "https://hopital-exemple.invalid/avis?page=fiches%2Fx%2Findex.html")]
    [InlineData("https://hopital-exemple.invalid/avis?", "https://hopital-exemple.invalid/avis?page=fiches%2Fx%2Findex.html")]
    [InlineData("https://hopital-exemple.invalid/avis?a=1&", "https://hopital-exemple.invalid/avis?a=1&page=fiches%2Fx%2Findex.html")]
    public void The_page_s_address_is_one_more_parameter_of_the_form(string form, string href)
    {
        var setting = FeedbackSetting.Read(form, "site.yml", 1, new DiagnosticBag(false))!;
        Assert.Equal(href, setting.Href("titre", "fiches/x/index.html"));
    }
}
