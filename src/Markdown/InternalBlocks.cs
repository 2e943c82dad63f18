using FichesSite.Text;
using FichesSite.Pipeline;
using Markdig.Extensions.Alerts;
using Markdig.Extensions.CustomContainers;
using Markdig.Syntax;

namespace FichesSite.Markdown;

/// <summary>
/// « ::: interne » … « ::: »: what only the hospital's staff may read. The one place that decides where such a block
/// goes. Every page is checked whole, blocks included, on both sites, so that a page is refused or built the same on
/// each; then the public build takes the blocks out of the syntax tree (<see cref="Remove"/>) before any stage after
/// the parse reads it, so their text reaches no page, search index, structured data, print sheet nor report of the
/// public site. The intranet build keeps them, and <see cref="InternalBlockRenderer"/> writes each with its label.
/// </summary>
/// <remarks>
/// What a block may hold, and where it may stand, is limited so that taking it out changes nothing else of the page:
/// no heading (the sections, their anchors and the contract would differ between the two sites), no callout and no
/// block inside a callout (the page's components are checked once, the same for both), no block inside a block, no
/// « [nom]: adresse » definition (a link outside the block could use it, and carry the block's address into the
/// public page), no empty block, and no page made only of blocks (it would be empty on the public site). And any
/// « ::: » that Markdig did not read as a block's first or last line (indented too far, in a paragraph, a table, code,
/// behind an invisible character, with look-alike colons) is refused: it would be published as plain text.
/// </remarks>
public static partial class InternalBlocks
{
    /// <summary>The one name a « ::: » block may have.</summary>
    public const string Name = "interne";

    /// <summary>
    /// Checks every « ::: » of the page. Returns its blocks (the outermost ones, empty when it has none), or null after
    /// an error: the page is then published on neither site.
    /// </summary>
    /// <param name="bodyStart">Where the Markdown starts in <paramref name="source"/>, after the page's header.</param>
    public static IReadOnlyList<CustomContainer>? Check(MarkdownDocument tree, SyntaxNodes nodes, string source, int bodyStart, string file, DiagnosticBag diagnostics)
    {
        var blocks = nodes.Containers;
        var valid = true;
        void Refuse(int fileLine, string message, string fix)
        {
            diagnostics.Error(file, fileLine, message, fix);
            valid = false;
        }
        SourceLines? made = null;
        SourceLines Lines() => made ??= new SourceLines(source);
        var fenceLines = new HashSet<int>();
        foreach (var block in blocks)
        {
            var line = ParseMarkdownStage.FileLine(block.Line);
            fenceLines.Add(line);
            if (block.ClosingFencedCharCount > 0)
            {
                fenceLines.Add(Lines().LineOf(Math.Max(block.Span.Start, block.Span.End)));
            }
            CheckBlock(block, line, source, Refuse);
        }
        if (blocks.Count > 0)
        {
            foreach (var block in blocks)
            {
                // Definitions are gathered at the document's level, wherever they were written: found by their place in the text.
                foreach (var definition in nodes.Definitions.Where(d => d.Span.Start >= block.Span.Start && d.Span.Start <= block.Span.End))
                {
                    Refuse(ParseMarkdownStage.FileLine(definition.Line), $"définition de lien « [{definition.Label}]: … » dans un bloc « ::: interne » : un lien hors du bloc pourrait s’en servir et publier son adresse.",
                        "Écrivez l’adresse dans le lien lui-même, « [texte](adresse) », ou la définition hors du bloc.");
                }
            }
            var shown = tree.Where(b => b is not LinkReferenceDefinitionGroup).ToList();
            if (shown.Count > 0 && shown.All(b => b is CustomContainer))
            {
                Refuse(ParseMarkdownStage.FileLine(shown[0].Line), "la page ne contient que des blocs « ::: interne » : elle serait vide sur le site public.",
                    "Écrivez hors des blocs au moins le texte que le public doit lire ; une page réservée au personnel n’a pas sa place dans les sources du site public.");
            }
        }
        foreach (var (line, found) in StrayFences(source, bodyStart, Lines, fenceLines))
        {
            Refuse(line, $"« {found} » hors d’une ligne qui ouvre ou ferme un bloc interne : ce texte serait publié tel quel sur le site public.",
                "Un bloc s’ouvre par une ligne « ::: interne » et se ferme par une ligne « ::: », chacune en début de ligne (après « > » dans une citation, au retrait du texte dans une liste), "
                + "sans caractère invisible ; pas dans un tableau, un paragraphe ni un bloc de code. Pour écrire ces deux-points dans le texte, écrivez « \\:\\:\\: ».");
        }
        foreach (var line in EscapedOpenings(source, bodyStart, Lines))
        {
            Refuse(line, "« ::: interne » écrit avec des barres obliques « \\ » : la ligne n’ouvre pas de bloc, et le texte interne qui la suit serait publié sur le site public.",
                "Écrivez la ligne « ::: interne » sans « \\ » (un éditeur de texte enrichi peut les avoir ajoutées : passez-le en mode Markdown), et fermez le bloc par une ligne « ::: ».");
        }
        return valid ? blocks.Where(b => !HasInternalAncestor(b)).ToList() : null;
    }

    // A line that would open a block but for backslashes before its colons (« \::: interne », « \:\:\: interne »): what an
    // editor that escapes what it does not know writes. Its text, and the internal text after it, would be published.
    // Literal colons remain possible elsewhere; only a line naming the block is refused. From backslash-colon to
    // backslash-colon: they are rare in French text.
    private static IEnumerable<int> EscapedOpenings(string source, int bodyStart, Func<SourceLines> lines)
    {
        var found = new List<int>();
        for (var at = source.IndexOf("\\:", bodyStart, StringComparison.Ordinal); at >= 0; at = source.IndexOf("\\:", at + 2, StringComparison.Ordinal))
        {
            var start = source.LastIndexOf('\n', Math.Max(bodyStart, at - 1)) + 1;
            var end = source.IndexOf('\n', at) is var newline and >= 0 ? newline : source.Length;
            var unescaped = source[Math.Max(start, bodyStart)..end].Replace("\\", "", StringComparison.Ordinal);
            if (EscapedOpening().IsMatch(unescaped) && lines().LineOf(at) is var line && !found.Contains(line))
            {
                found.Add(line);
            }
        }
        return found;
    }

    // After quote marks and a list item's mark, as Markdig would have read an opening line there.
    [System.Text.RegularExpressions.GeneratedRegex(@"^[ \t>]*(?:(?:[-*+]|[0-9]{1,9}[.)])[ \t]+)?:{3,}\s*interne\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex EscapedOpening();

    private static void CheckBlock(CustomContainer block, int line, string source, Action<int, string, string> refuse)
    {
        var name = block.Info ?? "";
        if (!name.Equals(Name, StringComparison.OrdinalIgnoreCase))
        {
            var latin = name.All(c => c < 'ʰ');
            var nearest = latin ? NearestName.Find(AccentFolding.Fold(name, '-'), [Name]) : null;
            refuse(line, name.Length == 0
                    ? "bloc « ::: » sans nom : le seul bloc possible est « ::: interne »."
                    : $"bloc « ::: {name} » inconnu : le seul bloc possible est « ::: interne »{(nearest is null ? "" : " (vouliez-vous écrire « ::: interne » ?)")}{(latin ? "" : " ; son nom contient une lettre qui n’est pas latine, même si elle en a l’air")}.",
                "Écrivez « ::: interne » pour un texte réservé au personnel (il ne paraît que sur le site interne), ou retirez les « ::: ».");
            return;
        }
        if (!string.IsNullOrWhiteSpace(block.Arguments))
        {
            refuse(line, $"texte « {block.Arguments} » après « ::: interne » : il ne serait affiché nulle part.",
                "Laissez « ::: interne » seul sur sa ligne et écrivez le texte interne sur les lignes suivantes, jusqu’à la ligne « ::: » qui ferme le bloc.");
        }
        if (block.ClosingFencedCharCount == 0)
        {
            refuse(line, "bloc « ::: interne » jamais fermé : tout le reste de la page serait réservé au personnel, et absent du site public.",
                "Fermez le bloc par une ligne « ::: » seule, juste après le texte réservé au personnel.");
        }
        else if (block.All(b => b is LinkReferenceDefinitionGroup))
        {
            refuse(line, "bloc « ::: interne » vide.", "Écrivez le texte réservé au personnel entre « ::: interne » et « ::: », ou retirez ces deux lignes.");
        }
        if (HasInternalAncestor(block))
        {
            refuse(line, "bloc « ::: interne » dans un autre bloc « ::: interne ».",
                "Écrivez un seul bloc : tout ce qu’il contient est déjà réservé au personnel.");
        }
        for (var parent = block.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is AlertBlock)
            {
                refuse(line, "bloc « ::: interne » dans un encadré (« > [!…] ») : l’encadré doit être le même sur le site public et sur le site interne.",
                    "Placez le bloc juste après l’encadré, hors de lui (sans « > » au début de ses lignes).");
                break;
            }
        }
        foreach (var inside in block.Descendants())
        {
            switch (inside)
            {
                case HeadingBlock heading:
                    refuse(ParseMarkdownStage.FileLine(heading.Line), "titre dans un bloc « ::: interne » : les sections de la fiche doivent être les mêmes sur le site public et sur le site interne.",
                        "Écrivez le titre hors du bloc, ou remplacez-le dans le bloc par une phrase en **gras**.");
                    break;
                // Markdig reads « > [!…] » as a callout only at the top of the page: inside a block it is a quote
                // that looks like one.
                case QuoteBlock quote when quote is AlertBlock || (quote.Count > 0 && quote[0] is ParagraphBlock first
                    && source.AsSpan(first.Span.Start).StartsWith("[!", StringComparison.Ordinal)):
                    refuse(ParseMarkdownStage.FileLine(quote.Line), "encadré (« > [!…] ») dans un bloc « ::: interne » : les encadrés de la fiche sont les mêmes sur les deux sites.",
                        "Écrivez l’encadré hors du bloc, ou son texte dans le bloc sans « > [!…] ».");
                    break;
            }
        }
    }

    /// <summary>True when <paramref name="node"/> stands in one of <paramref name="blocks"/> (by its place in the text).</summary>
    public static bool Holds(IReadOnlyList<CustomContainer> blocks, MarkdownObject node)
    {
        foreach (var block in blocks)
        {
            if (node.Span.Start >= block.Span.Start && node.Span.Start <= block.Span.End)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Takes the blocks out of the tree, for the public site; a list item or a quote that held nothing else goes with
    /// its block, and a list left without items with it, so no empty element is published.
    /// </summary>
    public static void Remove(IReadOnlyList<CustomContainer> blocks)
    {
        foreach (var block in blocks)
        {
            ContainerBlock? parent = block.Parent;
            parent?.Remove(block);
            while (parent is ListItemBlock or QuoteBlock or ListBlock && parent.Count == 0 && parent.Parent is { } above)
            {
                above.Remove(parent);
                parent = above;
            }
        }
    }

    private static bool HasInternalAncestor(Block block)
    {
        for (var parent = block.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is CustomContainer)
            {
                return true;
            }
        }
        return false;
    }

    // Colons and what looks like them: the ASCII one, the full-width, small and vertical forms, the ratio sign and the
    // modifier letter colon.
    private static readonly System.Buffers.SearchValues<char> Colons = System.Buffers.SearchValues.Create(":\uFF1A\uFE55\uFE13\u2236\uA789");

    // Three colons or more in a row (invisible format characters between them do not part them; a backslash does),
    // outside the lines that open or close a block as Markdig read them: a fence that is not one. From colon to colon,
    // not character by character: French text has a colon on most lines.
    private static IEnumerable<(int Line, string Found)> StrayFences(string source, int bodyStart, Func<SourceLines> lines, HashSet<int> fenceLines)
    {
        var found = new List<(int, string)>();
        // The look-alikes all lie between U+2236 and U+FF1A, which French text hardly uses: without any, the search is
        // for the ASCII colon alone, a much faster search in the published (native) generator than one for six.
        var lookalikes = source.AsSpan(bodyStart).IndexOfAnyInRange('\u2236', '\uFF1A') >= 0;
        for (var at = bodyStart; at < source.Length;)
        {
            var next = lookalikes ? source.AsSpan(at).IndexOfAny(Colons) : source.AsSpan(at).IndexOf(':');
            if (next < 0)
            {
                break;
            }
            var start = at + next;
            var end = start;
            var count = 0;
            while (end < source.Length && (Colons.Contains(source[end]) && (end == 0 || source[end - 1] != '\\')
                || count > 0 && source[end] != '\n' && char.GetUnicodeCategory(source[end]) == System.Globalization.UnicodeCategory.Format))
            {
                count += Colons.Contains(source[end]) ? 1 : 0;
                end++;
            }
            if (count >= 3)
            {
                var line = lines().LineOf(start);
                var run = source[start..end];
                if (!fenceLines.Contains(line) || run.Any(c => c != ':'))
                {
                    found.Add((line, run));
                }
            }
            at = Math.Max(end, start + 1);
        }
        return found;
    }

    // The 1-based line of an offset of the source.
    private sealed class SourceLines(string source)
    {
        private readonly List<int> _starts = Starts(source);

        private static List<int> Starts(string source)
        {
            var starts = new List<int> { 0 };
            for (var i = source.IndexOf('\n'); i >= 0; i = source.IndexOf('\n', i + 1))
            {
                starts.Add(i + 1);
            }
            return starts;
        }

        public int LineOf(int offset)
        {
            var found = _starts.BinarySearch(offset);
            return (found >= 0 ? found : ~found - 1) + 1;
        }
    }
}
