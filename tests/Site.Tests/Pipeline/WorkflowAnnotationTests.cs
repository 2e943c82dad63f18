using System.Text.RegularExpressions;
using CsCheck;
using FichesSite.Pipeline;

namespace FichesSite.Tests;

/// <summary>
/// A diagnostic as a GitHub Actions annotation: « ::error file=…,line=…::message », its path from the workspace, and
/// GitHub's escaping, so that no file name or message (a « : », a « , », a line end, a « % ») can end it early.
/// </summary>
public sealed partial class WorkflowAnnotationTests
{
    private static readonly string Workspace = Path.Combine(Path.GetTempPath(), "depot");

    [Fact]
    public void An_error_on_a_line_of_a_sheet_names_the_file_from_the_workspace()
    {
        var diagnostic = new Diagnostic(Severity.Error, Path.Combine(Workspace, "input", "fiches", "x.md"), 12, "lien cassé.", "Corrigez l’adresse.");

        Assert.Equal("::error file=input/fiches/x.md,line=12::lien cassé.%0A→ Corrigez l’adresse.", WorkflowAnnotation.For(diagnostic, Workspace));
    }

    [Fact]
    public void A_warning_and_a_notice_keep_their_level_and_a_whole_file_message_has_no_line()
    {
        var file = Path.Combine(Workspace, "input", "site.yml");
        Assert.StartsWith("::warning file=input/site.yml::", WorkflowAnnotation.For(new Diagnostic(Severity.Warning, file, 0, "m", "f"), Workspace));
        Assert.StartsWith("::notice file=input/site.yml,line=3::", WorkflowAnnotation.For(new Diagnostic(Severity.Notice, file, 3, "m", "f"), Workspace));
        Assert.StartsWith("::error::", WorkflowAnnotation.For(new Diagnostic(Severity.Error, "", 0, "m", "f"), Workspace));
    }

    private static readonly Gen<string> Text = Gen.OneOf(Gen.String, Gen.String[Gen.Char["%:,\r\n→ aé"], 0, 30]);

    [Fact]
    public void Any_file_name_and_message_read_back_as_they_were_in_one_line()
    {
        Gen.Select(Text.Where(t => t.Length > 0 && !t.Contains('/') && !t.Contains('\0')), Gen.Int[0, 5000], Text, Text).Sample((name, line, message, fix) =>
        {
            var annotation = WorkflowAnnotation.For(new Diagnostic(Severity.Error, Path.Combine(Workspace, name), line, message, fix), Workspace);

            Assert.DoesNotContain('\n', annotation);
            Assert.DoesNotContain('\r', annotation);
            var parsed = Command().Match(annotation);
            Assert.True(parsed.Success, annotation);
            var properties = parsed.Groups["properties"].Value.Split(',');
            Assert.Equal("file=" + name, Unescape(properties[0]));
            Assert.Equal(line > 0 ? ["line=" + line] : [], properties.Skip(1));
            Assert.Equal(message + "\n→ " + fix, Unescape(parsed.Groups["data"].Value));
        });
    }

    // As the runner reads a command: its properties end at the first « :: », each at a « , ».
    [GeneratedRegex("^::error (?<properties>[^:]*)::(?<data>.*)$", RegexOptions.Singleline)]
    private static partial Regex Command();

    private static string Unescape(string text) =>
        text.Replace("%0D", "\r").Replace("%0A", "\n").Replace("%3A", ":").Replace("%2C", ",").Replace("%25", "%");
}
