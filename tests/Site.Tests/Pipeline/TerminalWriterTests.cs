using CsCheck;
using FichesSite.Pipeline;

namespace FichesSite.Tests;

/// <summary>
/// Authors' text reaches the terminal of whoever runs the build (error messages echo front-matter values, the
/// readability table prints headings): no control character, escape sequence or bidirectional override gets through
/// as such, whatever the text and however it is written; text without them is written as it is.
/// </summary>
public sealed class TerminalWriterTests
{
    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.Char[(char)0, (char)0x40], Gen.Char[(char)0x7F, (char)0xA0], Gen.Char["\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C"],
        Gen.Char['a', 'z'], Gen.Char["éà’«»\u00A0\u202F\u200D"]).Array[0, 40].Select(chars => new string(chars));

    [Fact]
    public void No_control_or_bidirectional_character_is_written_whichever_way_the_text_is_written() =>
        Text.Sample(text =>
        {
            var written = new StringWriter { NewLine = "\n" };
            var writer = new TerminalWriter(written);
            writer.Write(text);
            writer.WriteLine(text);
            writer.Write(text.ToCharArray(), 0, text.Length);
            writer.Write(text.AsSpan());
            foreach (var c in text)
            {
                writer.Write(c);
            }
            writer.WriteLine((object)text);

            var safe = TerminalWriter.Safe(text);
            Assert.Equal(safe + safe + "\n" + safe + safe + safe + safe + "\n", written.ToString());
            Assert.DoesNotContain(safe, TerminalWriter.IsUnsafe);
            if (!text.Any(TerminalWriter.IsUnsafe))
            {
                Assert.Same(text, safe);
            }
        }, iter: 20_000);

    [Fact]
    public void A_page_with_escape_sequences_reaches_the_terminal_inert()
    {
        using var site = new TestSite();
        File.WriteAllText(Path.Combine(site.Input, "pages", "essai.md"),
            "---\ntitle: Essai\ndescription: Une page d’essai.\n\"page\\e]52;c;cm0gLXJmIH4=\\a\\e[2J\\u202E\": x\n---\n\n## Titre\n\nTexte.\n");
        var captured = new StringWriter();
        var before = Console.Error;
        Console.SetError(captured);
        try
        {
            Assert.Equal(1, site.Run());
        }
        finally
        {
            Console.SetError(before);
        }

        var output = captured.ToString();
        Assert.Contains("page\\u001B]52;c;cm0gLXJmIH4=\\u0007\\u001B[2J\\u202E", output, StringComparison.Ordinal);
        Assert.DoesNotContain(output, c => c != '\n' && TerminalWriter.IsUnsafe(c) && c != '\r');
    }
}
