using System.Text.RegularExpressions;
using FichesSite.Markdown;

namespace FichesSite.Tests;

/// <summary>
/// The preview's script finds its error overlay by id, and removes what it finds before showing new errors: with an
/// id a heading could take (« ## Aperçu erreurs » made "apercu-erreurs"), a failed build removed that heading from
/// the page. Its ids are outside what heading and glossary ids are made of (lower-case letters, digits, dashes).
/// </summary>
public sealed partial class ReloadScriptTests
{
    [GeneratedRegex("""(?:\.id\s*=\s*|Id\s*=\s*|getElementById\()\s*"([^"]+)"|var (\w*Id) = "([^"]+)";""")]
    private static partial Regex IdLiteral();

    [Fact]
    public void No_id_of_the_preview_script_can_be_a_heading_id()
    {
        using var stream = typeof(FichesSite.Serve.PreviewServer).Assembly.GetManifestResourceStream("FichesSite.Serve.reload.js")!;
        var script = new StreamReader(stream).ReadToEnd();
        var ids = IdLiteral().Matches(script).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[3].Value).ToList();

        Assert.NotEmpty(ids);
        foreach (var id in ids)
        {
            Assert.Contains(id, c => c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'));
        }
    }
}
