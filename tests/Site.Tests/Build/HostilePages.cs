using System.Text;
using FichesSite.Markdown;

namespace FichesSite.Tests;

/// <summary>
/// Page bodies of many of one thing, n times: what a stage whose cost grows faster than the text pays for. Shared by
/// <see cref="BoundedResourcesTests"/>, which draws n with CsCheck and checks each build's budget, and by the
/// worst-case benchmark (<c>bench -- worst</c>, which compiles this file through a link in bench/Bench.csproj: the
/// bench references the generator only), which times the same pages at fixed sizes to show how the time grows.
/// Nothing here may use a test library.
/// </summary>
public static class HostilePages
{
    /// <summary>A page of <paramref name="body"/> under the front matter every page needs.</summary>
    public static string WithHeader(string body) => "---\ntitle: Essai\ndescription: Une page d’essai.\n---\n\n" + body + "\n";

    public static string Repeat(string text, int times) => new StringBuilder(text.Length * times).Insert(0, text, times).ToString();

    public static string Lines(int n, Func<int, string> line)
    {
        var text = new StringBuilder();
        for (var i = 0; i < n; i++)
        {
            text.Append(line(i));
        }
        return text.ToString();
    }

    public static string Headings(int n) => Lines(n, i => $"## t{i}\n");

    /// <summary>Links that resolve, to an anchor of the page and to another page, one a paragraph.</summary>
    public static string Links(int n) => "## T\n\n" + Lines(n, i => i % 2 == 0 ? "[a](#t)\n\n" : "[b](index.md)\n\n");

    public static string BrokenAnchors(int n) => Lines(n, i => $"[a](#{i})\n\n");

    public static string MissingFiles(int n) => Repeat("[a](x.md)\n\n", n);

    public static string ListItems(int n) => Repeat("- élément\n", n);

    /// <summary>One line of 3n words.</summary>
    public static string LongLine(int n) => Repeat("mot ", n * 3);

    /// <summary>The formatting signs <see cref="MarkdownLimits.MostFormattingSigns"/> counts.</summary>
    public const string FormattingSigns = "*_~`[]()<>!";

    /// <summary>
    /// Blocks each just under the limit of formatting signs, repeated <paramref name="unit"/> (« **a** », « [a](b) »…)
    /// making each, as many as fill about <paramref name="bytes"/>: the worst a page can cost Markdig.
    /// </summary>
    public static string SignBlocks(string unit, int bytes)
    {
        var block = Repeat(unit, (MarkdownLimits.MostFormattingSigns - 10) / unit.Count(c => FormattingSigns.Contains(c))) + "\n\n";
        return Repeat(block, bytes / block.Length);
    }

    private static readonly string[] Sentences =
    [
        "Le médecin vous explique le déroulement de l’intervention et répond à vos questions.",
        "Vous restez à jeun six heures avant l’examen ; prévenez l’équipe si vous prenez un traitement anticoagulant.",
        "L’anesthésie locale rend le geste peu douloureux, et une infirmière reste près de vous pendant toute la durée.",
        "Après le retour dans la chambre, la surveillance dure quelques heures : tension, pouls et point de ponction.",
        "Une fièvre au-delà de 38,5 °C, une douleur qui augmente ou un saignement doivent vous faire appeler le service.",
        "Les résultats sont transmis à votre médecin traitant, qui vous les commentera lors de la prochaine consultation.",
    ];

    /// <summary>
    /// Ordinary writing of about <paramref name="bytes"/> bytes of UTF-8: paragraphs of sentences with a word in bold
    /// now and then, a heading every twenty paragraphs (of level 3 when the text goes at the end of a sheet, under its
    /// last section). Nothing a limit refuses.
    /// </summary>
    public static string OrdinaryText(int bytes, bool oneParagraph = false, int headingLevel = 2)
    {
        var text = new StringBuilder();
        var size = 0;
        for (var i = 0; size < bytes; i++)
        {
            string piece;
            if (oneParagraph)
            {
                piece = Sentences[i % Sentences.Length] + "\n";
            }
            else if (i % 20 == 0)
            {
                piece = $"{new string('#', headingLevel)} Partie {i / 20 + 1}\n\n";
            }
            else
            {
                piece = $"{Sentences[i % Sentences.Length]} Point **{i}** : {Sentences[(i * 7 + 3) % Sentences.Length]}\n\n";
            }
            var pieceBytes = Encoding.UTF8.GetByteCount(piece);
            if (size + pieceBytes > bytes)
            {
                break;
            }
            text.Append(piece);
            size += pieceBytes;
        }
        return text.ToString();
    }
}
