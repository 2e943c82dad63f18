using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using CsCheck;
using FichesSite.Pipeline;

namespace FichesSite.Tests;

/// <summary>
/// The host rule (Pipeline/PunycodeLabels): a label « xn--… » that is no internationalised name's punycode is found
/// wherever it stands in an address (web, « // », mailto:, an e-mail address), in any case, and UrlPolicy refuses its
/// address; the punycode of a real name, and everything that is no host, passes. The generator runs with
/// InvariantGlobalization, where IdnMapping decodes punycode alone, while this process has ICU: the last test runs the
/// generator itself.
/// </summary>
public sealed class PunycodeLabelsTests
{
    // A browser percent-decodes the host, maps full-width forms to ASCII and drops the characters UTS 46 ignores before
    // it reads the labels: each of these is « xn--zz », which it refuses (checked against a WHATWG URL parser).
    [Theory]
    [InlineData("https://xn%2D%2Dzz.invalid/")]           // percent-encoded hyphens
    [InlineData("https://%78n--zz.invalid/")]             // percent-encoded x
    [InlineData("https://www%2Exn--zz.invalid/")]         // percent-encoded full stop
    [InlineData("https://www%E3%80%82xn--zz.invalid/")]   // percent-encoded ideographic full stop
    [InlineData("https://\uFF58\uFF4E--zz.invalid/")]     // full-width « ｘｎ »
    [InlineData("https://xn\uFF0D\uFF0Dzz.invalid/")]     // full-width hyphen-minus
    [InlineData("https://x\u00ADn--zz.invalid/")]         // soft hyphen
    [InlineData("https://x%C2%ADn--zz.invalid/")]         // the same, percent-encoded
    [InlineData("//xn%2D%2Dzz.invalid/")]                 // protocol-relative
    public void A_host_the_browser_reads_as_an_invalid_xn_label_is_refused(string address) =>
        Assert.Equal(UrlPolicy.Verdict.InvalidPunycode, UrlPolicy.Judge(address));

    // The addresses a mail program reads from a mailto: query (RFC 6068 « to », « cc », « bcc ») or percent-decodes.
    [Theory]
    [InlineData("mailto:?to=avis@xn--zz.invalid")]
    [InlineData("mailto:accueil@exemple.invalid?cc=avis@xn--zz.invalid")]
    [InlineData("mailto:accueil@exemple.invalid?subject=Avis&BCC=avis@xn--zz.invalid")]
    [InlineData("mailto:avis%40xn--zz.invalid")]
    public void A_mail_address_the_mail_program_reads_with_an_invalid_xn_label_is_refused(string address) =>
        Assert.Equal(UrlPolicy.Verdict.InvalidPunycode, UrlPolicy.Judge(address));

    // Written the same ways, a real accented name (« hôpital ») and plain addresses stay allowed.
    [Theory]
    [InlineData("https://www%2Exn--hpital-ixa.invalid/")]
    [InlineData("https://\uFF58\uFF4E--hpital-ixa.invalid/")]
    [InlineData("mailto:?to=avis@xn--hpital-ixa.invalid&subject=xn--zz")]
    [InlineData("https://exemple.invalid/recherche?q=100%25")]
    [InlineData("https://exemple.invalid/h%C3%B4pital")]
    public void The_same_writings_of_a_valid_name_are_allowed(string address) =>
        Assert.Equal(UrlPolicy.Verdict.Allowed, UrlPolicy.Judge(address));

    [Theory]
    [InlineData("https://www.xn--hpital-exemple-0ob9.invalid/", "xn--hpital-exemple-0ob9")] // a number never ended
    [InlineData("https://xn--zz.invalid", "xn--zz")]
    [InlineData("https://xn--.invalid", "xn--")]
    [InlineData("https://xn--hopital-exemple-.invalid", "xn--hopital-exemple-")] // plain ASCII: no need of xn--
    [InlineData("https://xn--a.invalid", "xn--a")]      // U+0080, a control character
    [InlineData("https://xn--ab.invalid", "xn--ab")]    // U+0081 U+0080
    [InlineData("https://xn--dca.invalid", "xn--dca")]  // « É »: a browser lowers a host before encoding it
    [InlineData("HTTPS://WWW.XN--ZZ.INVALID/", "XN--ZZ")]
    [InlineData("https://nom:secret@fiches.xn--zz.invalid:8443/a?b=c#d", "xn--zz")]
    [InlineData("http:\\\\xn--zz.invalid", "xn--zz")]
    [InlineData("https:xn--zz.invalid", "xn--zz")]
    [InlineData("//xn--zz.invalid/page", "xn--zz")]
    [InlineData("mailto:avis@exemple.invalid,accueil@xn--zz.invalid?subject=x", "xn--zz")]
    [InlineData("https://www\u3002xn--zz\u3002invalid/", "xn--zz")]
    public void A_label_that_is_no_punycode_is_found_and_its_address_refused(string address, string label)
    {
        Assert.Equal(label, PunycodeLabels.InAddress(address));
        Assert.Equal(UrlPolicy.Verdict.InvalidPunycode, UrlPolicy.Judge(address));
    }

    [Theory]
    [InlineData("https://www.xn--hpital-exemple-0ob.invalid/")]  // hôpital-exemple
    [InlineData("https://WWW.XN--HPITAL-EXEMPLE-0OB.INVALID/")]
    [InlineData("https://xn--mnchen-3ya.invalid:8443/a")]          // münchen
    [InlineData("https://xn--fiq228c.invalid")]                    // 中文
    [InlineData("https://xn--80a.invalid")]                        // а, Cyrillic
    [InlineData("mailto:avis@xn--chu-rhne-93a.invalid")]            // chu-rhône
    [InlineData("https://[::1]:8080/xn--zz")]
    [InlineData("https://exemple.invalid/xn--zz?q=xn--zz#xn--zz")]   // not the host
    [InlineData("../xn--zz/index.html")]                           // a page of the site: no host
    [InlineData("xn--zz.pdf")]
    [InlineData("tel:xn--zz")]
    public void A_real_names_punycode_and_what_is_no_host_pass(string address)
    {
        Assert.Null(PunycodeLabels.InAddress(address));
        Assert.Equal(UrlPolicy.Verdict.Allowed, UrlPolicy.Judge(address));
    }

    [Fact]
    public void An_e_mail_address_is_judged_by_its_domain()
    {
        Assert.Equal("xn--zz", PunycodeLabels.InMailAddress("avis@xn--zz.hopital-exemple.invalid"));
        Assert.Null(PunycodeLabels.InMailAddress("xn--zz@xn--hpital-exemple-0ob.invalid"));
    }

    // Names a hospital's domain may hold: French letters, a few others, digits, single inner hyphens; at least one
    // letter beyond ASCII. ICU (this process) and the invariant mode (the generator) read their punycode alike.
    private static readonly Gen<string> Name =
        Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789éèêëàâäçîïôöùûüÿœæ"], 1, 8].Array[1, 3]
            .Select(parts => string.Join("-", parts))
            .Where(name => name.Any(c => c > '\u007f') && name.Length <= 20); // its punycode within a label's 63 characters

    // The punycode of a name, and ways to break it that no implementation can read: a 9 after the last number (its
    // digit never ends it), the numbers cut off (what is left is plain ASCII), nothing after « xn-- ».
    private static readonly Gen<(string Label, bool Valid)> Label = Gen.Select(Name, Gen.Int[0, 3], (name, how) =>
    {
        var punycode = new IdnMapping().GetAscii(name);
        var basic = punycode[4..].LastIndexOf('-') is var dash and >= 0 ? punycode[4..][..dash] : "";
        return how switch
        {
            0 => (punycode, true),
            1 => (punycode + "9", false),
            2 => ("xn--" + basic + "-", false),
            _ => ("xn--", false),
        };
    });

    private static readonly Gen<string> Plain = Gen.OneOf(Gen.Const("www"), Gen.Const("fiches"), Gen.Const("chu-exemple"), Gen.Const("xn--hpital-ixa"));

    // How a browser may find each character of a label written (it reads them all as the character itself): as it
    // is, percent-encoded, in its full-width form, or after a soft hyphen.
    private static string Written(string label, int[] ways) => string.Concat(label.Select((c, i) => ways[i % ways.Length] switch
    {
        1 => $"%{(int)c:X2}",
        2 => ((char)(c + 0xFEE0)).ToString(),
        3 => "\u00AD" + c,
        _ => c.ToString(),
    }));

    // A host with the label among plain ones, each letter in either case and written in any of the ways a browser reads
    // alike, and an address of every kind around it.
    private static readonly Gen<(string Address, string Label, bool Valid, bool IsMail)> Address = Gen.Select(
        Label, Plain.Array[0, 2], Plain.Array[0, 2], Gen.Bool.Array[80], Gen.Int[0, 4], Gen.Bool, Gen.Frequency((3, Gen.Const(0)), (1, Gen.Int[0, 3])).Array[80],
        (label, before, after, upper, kind, tail, ways) =>
        {
            var cased = new string(label.Label.Select((c, i) => upper[i % upper.Length] ? char.ToUpperInvariant(c) : c).ToArray());
            var host = string.Join(".", before.Append(Written(cased, ways)).Concat(after).Append("invalid"));
            var address = kind switch
            {
                0 => "https://" + host + (tail ? "/avis?page=xn--zz#xn--zz" : ""),
                1 => "http://nom@" + host + (tail ? ":8443" : "") + "/",
                2 => "//" + host + (tail ? "/xn--zz/index.html" : ""),
                3 => "mailto:accueil@exemple.invalid,avis@" + host + (tail ? "?subject=xn--zz" : ""),
                _ => "avis@" + host,
            };
            return (address, cased, label.Valid, kind == 4);
        });

    [Fact]
    public void Generated_labels_are_refused_exactly_when_they_are_no_punycode_wherever_they_stand() =>
        Address.Sample(generated =>
        {
            var (address, label, valid, isMail) = generated;
            var found = isMail ? PunycodeLabels.InMailAddress(address) : PunycodeLabels.InAddress(address);
            Assert.Equal(valid ? null : label, found);
            if (!isMail)
            {
                Assert.Equal(valid ? UrlPolicy.Verdict.Allowed : UrlPolicy.Verdict.InvalidPunycode, UrlPolicy.Judge(address));
            }
        }, iter: 2000);

    /// <summary>
    /// The generator as it runs (Site.dll beside the tests, its runtimeconfig sets InvariantGlobalization), on a page
    /// linking to one host a line: IdnMapping decodes there, and the rule refuses exactly the lines it should, those
    /// whose punycode decodes into a control character or a capital included (which ICU refuses by itself).
    /// </summary>
    [Fact]
    public void The_generator_refuses_the_same_labels_under_invariant_globalization()
    {
        Assert.Contains("\"System.Globalization.Invariant\": true", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Site.runtimeconfig.json")));
        (string Host, bool Valid)[] hosts =
        [
            ("xn--hpital-exemple-0ob", true), ("XN--HPITAL-EXEMPLE-0OB", true), ("xn--mnchen-3ya", true), ("xn--fiq228c", true),
            ("xn--hpital-exemple-0ob9", false), ("xn--zz", false), ("xn--", false), ("xn--hopital-exemple-", false),
            ("xn--a", false), ("xn--ab", false), ("xn--dca", false),
        ];
        using var site = new TestSite();
        var header = new[] { "---", "title: \"Liens\"", "description: \"Des liens vers des domaines.\"", "---", "" };
        var lines = header.Concat(hosts.Select(h => $"[Lien](https://www.{h.Host}.invalid/)\n")).ToList();
        File.WriteAllLines(Path.Combine(site.Input, "pages", "liens.md"), lines);

        var (exitCode, output) = RunGenerator("check", "--input", site.Input, "--theme", site.Theme);

        Assert.Equal(1, exitCode);
        var refused = output.Split('\n')
            .Where(l => l.Contains("(punycode)", StringComparison.Ordinal))
            .Select(l => Regex.Match(l, @"pages/liens\.md:(\d+):"))
            .Select(m => m.Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0)
            .ToList();
        var expected = hosts.Select((h, i) => (h.Valid, Line: header.Length + 1 + 2 * i)).Where(h => !h.Valid).Select(h => h.Line).ToList();
        Assert.True(expected.SequenceEqual(refused), $"expected lines {string.Join(", ", expected)}, refused {string.Join(", ", refused)}:\n{output}");
    }

    // Site.dll beside the tests, run by dotnet as the command line runs it: its exit code, and what it printed.
    private static (int ExitCode, string Output) RunGenerator(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Site.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "the generator did not finish");
        return (process.ExitCode, stderr + stdout.Result);
    }
}
