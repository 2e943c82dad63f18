using System.Text.RegularExpressions;
using FichesSite.Pipeline;
using Markdig.Extensions.Alerts;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace FichesSite.Markdown;

/// <summary>
/// What authors may write between braces after a Markdown element (Markdig's generic attributes): an anchor on a
/// heading, « ## Les risques {#risques} », so that links to it survive a change of its words, and the language of a
/// passage, « *Advance care planning*{lang=en} », so that a screen reader pronounces it right. Nothing else: any
/// other attribute could run script (« onclick », « href=javascript:… »), style the page against the theme
/// (« style », « class ») or break it (an « id » on a paragraph). Each one refused is an error on its line rather
/// than dropped in silence, so the author learns what the page will not show.
/// </summary>
public static partial class AuthorAttributes
{
    public const string Rule =
        "Entre accolades, seuls {#ancre} à la fin d’un titre et {lang=en} pour un passage dans une autre langue sont permis : retirez le reste (l’apparence des pages vient du thème).";

    /// <summary>Checks the attributes of every node that has some; call it before the build adds its own.</summary>
    public static void Check(IEnumerable<MarkdownObject> attributed, string file, DiagnosticBag diagnostics)
    {
        foreach (var node in attributed)
        {
            var attributes = node.TryGetAttributes()!;
            var line = ParseMarkdownStage.FileLine(node.Line);
            if (attributes.Id is { } id && !(node is HeadingBlock && IsAnchor(id)))
            {
                diagnostics.Error(file, line, $"ancre « #{id} » refusée : une ancre se place à la fin d’un titre et s’écrit en lettres minuscules sans accent, chiffres et tirets.",
                    "Par exemple « ## Les risques {#risques} ». " + Rule);
            }
            foreach (var name in attributes.Classes ?? [])
            {
                if (!SetByMarkdig(node, name))
                {
                    diagnostics.Error(file, line, $"attribut « .{name} » refusé.", Rule);
                }
            }
            foreach (var (name, value) in attributes.Properties ?? [])
            {
                if (!name.Equals("lang", StringComparison.OrdinalIgnoreCase))
                {
                    diagnostics.Error(file, line, $"attribut « {name} » refusé.", Rule);
                }
                else if (value is null || !LanguageTag().IsMatch(value))
                {
                    diagnostics.Error(file, line, $"langue « {value} » refusée.",
                        "Écrivez le code de la langue du passage, par exemple {lang=en} pour l’anglais, {lang=es} pour l’espagnol, {lang=pt-BR} pour le portugais du Brésil.");
                }
            }
        }
    }

    /// <summary>The form of an anchor an author may write, the same as the ids the build makes from headings.</summary>
    public static bool IsAnchor(string id) => AnchorForm().IsMatch(id);

    // The classes Markdig's own extensions put while parsing: the callout's kind, the language of fenced code, the
    // name of a « ::: » block.
    private static bool SetByMarkdig(MarkdownObject node, string name) => node switch
    {
        AlertBlock alert => name == "markdown-alert" || name.Equals("markdown-alert-" + alert.Kind.ToString(), StringComparison.OrdinalIgnoreCase),
        FencedCodeBlock code => !string.IsNullOrEmpty(code.Info) && name == "language-" + code.Info,
        Markdig.Extensions.CustomContainers.CustomContainer block => name == block.Info, // « ::: interne »; InternalBlockRenderer writes its own
        _ => false,
    };

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex AnchorForm();

    // BCP 47 as people write it: a language, then optional subtags (region, script).
    [GeneratedRegex("^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")]
    private static partial Regex LanguageTag();
}
