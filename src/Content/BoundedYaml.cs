using FichesSite.Pipeline;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace FichesSite.Content;

/// <summary>
/// The one way the generator loads YAML with YamlDotNet (headers, site.yml, contracts.yml, the glossary, the theme's
/// words), so that no file can make a build exhaust the machine:
/// <list type="bullet">
/// <item>anchors and aliases (« &amp;nom », « *nom ») are refused: an alias repeats a whole value, and a few lines of
/// aliases of aliases make a value of billions of items (YamlDotNet also hashes an alias used as a key by walking
/// all of it); no file of the site needs them;</item>
/// <item>lists and groups nest at most <see cref="DeepestNesting"/> levels: YamlDotNet builds its tree by recursion,
/// and 100,000 « [ » ended the process with a stack overflow, which nothing can catch;</item>
/// <item>a file holds at most <see cref="LongestText"/> characters, like a page: YamlDotNet's tree takes about a
/// hundred times the size of its text.</item>
/// </list>
/// The first two are checked on YamlDotNet's stream of events, which its parser makes without recursion, before the
/// tree is built from them: the error comes before any cost.
/// </summary>
public static class BoundedYaml
{
    /// <summary>How many lists and groups may hold each other; the site's files use four at most.</summary>
    public const int DeepestNesting = 32;

    /// <summary>A site's glossary of a thousand terms takes some 60,000.</summary>
    public const int LongestText = 1 << 20;

    /// <summary>Throws <see cref="YamlLimitException"/> for a limit, and YamlDotNet's exceptions for YAML it cannot read.</summary>
    public static YamlStream Load(string text)
    {
        if (text.Length > LongestText)
        {
            throw new YamlLimitException(Mark.Empty, $"fichier trop long ({text.Length / 1024} Ko ; au plus {LongestText / 1024}).",
                "Vérifiez qu’il ne s’agit pas d’un fichier collé par erreur ; sinon, raccourcissez-le.");
        }
        var stream = new YamlStream();
        var parser = new CheckedParser(new Parser(new StringReader(text)));
        try
        {
            stream.Load(parser);
        }
        catch (Exception e) when (e is not YamlException and not OutOfMemoryException)
        {
            // YamlDotNet's tree builder throws plain exceptions on some events it does not take (« ? : » gives an
            // ArgumentException, a flow list never closed as in « title: [ a » an InvalidOperationException with no
            // words of its own): they are YAML it cannot read, said like the others, at the event where it stopped.
            var at = parser.Current?.Start ?? Mark.Empty;
            var message = e is InvalidOperationException ? UnclosedFlow : e.Message;
            throw new YamlException(at, parser.Current?.End ?? at, message, e);
        }
        return stream;
    }

    /// <summary>
    /// The file's YAML, or null after an error at its line, said as « <paramref name="what"/> : reason », with the
    /// limit's own fix or <paramref name="fix"/>: how every data file is loaded (the header has its own line count).
    /// </summary>
    public static YamlStream? TryLoad(string text, string displayPath, string what, string fix, DiagnosticBag diagnostics)
    {
        try
        {
            return Load(text);
        }
        catch (YamlLimitException e)
        {
            diagnostics.Error(displayPath, e.Line, $"{what} : {e.Reason}", e.Fix);
        }
        catch (YamlException e)
        {
            diagnostics.Error(displayPath, (int)e.Start.Line, $"{what} : {Reason(e)}.", fix);
        }
        return null;
    }

    private const string UnclosedFlow = "Unclosed flow collection.";

    // YamlDotNet's messages, in English, by the words that tell them apart; the first that matches gives the French.
    private static readonly (string English, string French)[] Reasons =
    [
        (UnclosedFlow, "crochet « [ » ou accolade « { » jamais fermé"),
        ("could not find expected ':'", "il manque « : » après un nom de champ"),
        ("did not find expected key", "une ligne n’est pas un champ « nom: valeur » à sa place (indentation ?)"),
        ("did not find expected '-' indicator", "un élément de liste ne commence pas par « - » à sa place (indentation ?)"),
        ("did not find expected ',' or ']'", "un crochet « [ » n’est jamais fermé"),
        ("did not find expected ',' or '}'", "une accolade « { » n’est jamais fermée"),
        ("quoted scalar", "des guillemets ne sont jamais fermés"),
        ("Mapping values are not allowed", "« : » suivi d’une espace au milieu d’une valeur : mettez la valeur entre guillemets"),
        ("tab character", "une tabulation sert d’indentation : indentez avec des espaces"),
        ("Duplicate key", "un même champ est écrit deux fois"),
        ("tag", "une étiquette YAML (« ! ») n’est pas acceptée"),
    ];

    /// <summary>
    /// Why YamlDotNet could not read a file, in French for the authors and web teams who read it: YamlDotNet's own
    /// text is English. What no known reason matches is said in general words, with the column.
    /// </summary>
    public static string Reason(YamlException e)
    {
        if (e is YamlLimitException limit)
        {
            return limit.Reason.TrimEnd('.');
        }
        var english = e.Message + " " + e.InnerException?.Message;
        foreach (var (words, french) in Reasons)
        {
            if (english.Contains(words, StringComparison.OrdinalIgnoreCase))
            {
                return french;
            }
        }
        return $"la structure YAML est incorrecte à cet endroit (colonne {e.Start.Column})";
    }

    private sealed class CheckedParser(IParser inner) : IParser
    {
        private int _depth;

        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            if (!inner.MoveNext())
            {
                return false;
            }
            switch (inner.Current)
            {
                case AnchorAlias alias:
                    throw Aliases(alias.Start);
                case NodeEvent { Anchor.IsEmpty: false } anchored:
                    throw Aliases(anchored.Start);
                case SequenceStart or MappingStart when ++_depth > DeepestNesting:
                    throw new YamlLimitException(inner.Current.Start,
                        $"valeurs imbriquées sur plus de {DeepestNesting} niveaux (listes ou groupes les uns dans les autres).",
                        "Simplifiez cette valeur ; un texte qui commence par [ ou { s’écrit entre guillemets, par exemple « title: \"[Brouillon] Ma fiche\" ».");
                case SequenceEnd or MappingEnd:
                    _depth--;
                    break;
            }
            return true;
        }

        private static YamlLimitException Aliases(Mark start) => new(start,
            "les ancres et alias YAML (« &nom », « *nom ») ne sont pas acceptés.",
            "Écrivez la valeur en entier à chaque endroit où elle sert ; un texte qui commence par & ou * s’écrit entre guillemets.");
    }
}

/// <summary>
/// A YAML file that goes past a limit of <see cref="BoundedYaml"/>: a French message and what to do. A
/// <see cref="YamlException"/>, so that a reader that catches only those still reports it.
/// </summary>
public sealed class YamlLimitException(Mark start, string message, string fix) : YamlException(start, start, message)
{
    /// <summary>The line of the file, counted from 1 as YamlDotNet counts them.</summary>
    public int Line => (int)Start.Line;

    public string Reason { get; } = message;

    public string Fix { get; } = fix;
}
