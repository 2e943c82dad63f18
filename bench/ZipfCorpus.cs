using System.Text;

namespace FichesSite.Bench;

/// <summary>
/// Sheets whose words look like real writing to every per-word cost of the build: drawn from a large French
/// dictionary (Debian's wfrench, 346,000 forms) with Zipf's law (the word of rank r is used in proportion to 1/r), so
/// that a few words are everywhere and most are rare, long ones included; written in three authors' styles; from 1 to
/// 20 KB of text each. The front matter and the headings are those of a real procedure sheet, so the sheets pass its
/// contract. The text is word salad: it states no medical fact and is never published.
/// </summary>
/// <remarks>
/// The synthetic corpus (<see cref="Corpus"/>) repeats some 110 words, so that every per-word table of the build hits;
/// this one shows what a build costs when the vocabulary grows with the site, as it does in a hospital's.
/// </remarks>
public sealed class ZipfCorpus
{
    public const string Dictionary = "/usr/share/dict/french";

    // Ranked first, as in any French text: the words a Zipf law over a shuffled dictionary would otherwise leave rare.
    private static readonly string[] Common =
    [
        "de", "la", "le", "et", "les", "des", "en", "un", "du", "une", "que", "est", "pour", "qui", "dans", "a", "par",
        "plus", "pas", "au", "sur", "ne", "se", "ce", "il", "sont", "ou", "avec", "vous", "votre", "vos", "nous", "être",
        "peut", "cette", "aux", "mais", "si", "elle", "son", "sa", "ses", "on", "tout", "fait", "après", "avant", "lors",
        "l’intervention", "d’une", "d’un", "l’équipe", "qu’il", "s’il", "n’est", "c’est", "jusqu’à", "médecin", "douleur",
        "examen", "traitement", "soins", "jour", "heures", "semaines", "quelques", "souvent", "parfois", "rarement",
        "pendant", "ensuite", "puis", "très", "bien", "peu", "même", "autre", "comme", "sans", "sous", "entre", "chez",
    ];

    private static readonly string[] Frequencies = ["rare", "exceptionnel", "fréquent", "1 %", "5 %", "très rare", "0,5 %", "environ 10 %"];

    private readonly string[] _ranked;
    private readonly double[] _cumulative;

    private ZipfCorpus(string[] ranked)
    {
        _ranked = ranked;
        _cumulative = new double[ranked.Length];
        var sum = 0.0;
        for (var r = 0; r < ranked.Length; r++)
        {
            sum += 1.0 / (r + 1);
            _cumulative[r] = sum;
        }
    }

    /// <summary>The dictionary shuffled once with a fixed seed, behind the common words: the same ranks on every machine.</summary>
    public static ZipfCorpus Load()
    {
        if (!File.Exists(Dictionary))
        {
            throw new InvalidOperationException($"{Dictionary} is missing: apt-get install wfrench");
        }
        var words = File.ReadAllLines(Dictionary).Where(w => w.Length > 0 && !Common.Contains(w)).Order(StringComparer.Ordinal).ToArray();
        new Random(20261207).Shuffle(words);
        return new ZipfCorpus([.. Common, .. words]);
    }

    /// <summary>How many distinct forms the corpus may draw from.</summary>
    public int Vocabulary => _ranked.Length;

    public string Sheet(int index, int count, Random random)
    {
        var style = Styles[index % Styles.Length];
        // Log-uniform between 1 and 20 KB: many short sheets, a few long ones, as a hospital's collection has.
        var targetBytes = (int)(Math.Exp(random.NextDouble() * Math.Log(20)) * 1024) - 700; // less the headings and links
        var text = new StringBuilder();
        text.Append("---\n")
            .Append($"title: \"{Capitalised(Words(random, 3, 7))} (essai {index})\"\n")
            .Append($"description: \"{Description(random)}\"\n")
            .Append("type: fiche-procedure\n")
            .Append(Corpus.CollectionHeader(index, count))
            .Append("last_reviewed: 2026-01-15\nnext_review: 2030-01-15\n")
            .Append("reviewed_by: \"Relecteur d’essai\"\nversion: \"1\"\nsources:\n  - { title: \"Corpus de mesure selon la loi de Zipf\", publisher: \"Banc d’essai\", year: 2026 }\n---\n\n");
        var share = targetBytes / 4; // each of the four required sections takes about a quarter of the text
        text.Append("## Qu’est-ce que c’est ?\n\n");
        Fill(text, random, style, share);
        text.Append($"## En quoi consiste la {Words(random, 1, 2)} ?\n\n### {Capitalised(Words(random, 2, 4))}\n\n");
        Fill(text, random, style, share / 2);
        text.Append($"### {Capitalised(Words(random, 2, 4))}\n\n");
        Fill(text, random, style, share / 2);
        text.Append("## Quelles sont les suites ?\n\n");
        Fill(text, random, style, share);
        var other = Corpus.Name((index + 1 + random.Next(count - 1)) % count);
        text.Append($"Voir aussi [une autre fiche]({other}.md#quels-sont-les-risques) et le [plan du site](../pages/plan-du-site.md).\n\n");
        text.Append("## Quels sont les risques ?\n\n");
        var risks = 1 + random.Next(6);
        for (var i = 0; i < risks; i++)
        {
            text.Append($"### {Capitalised(Words(random, 1, 4))} ({Frequencies[random.Next(Frequencies.Length)]})\n\n");
            Fill(text, random, style, share / risks);
        }
        return text.ToString();
    }

    // How an author writes: sentence lengths, commas and parentheses, lists, figures and abbreviations.
    private sealed record Style(int MinWords, int MaxWords, bool Commas, double ListShare, double FigureShare);

    private static readonly Style[] Styles =
    [
        new(5, 12, Commas: false, ListShare: 0.5, FigureShare: 0.05), // short sentences, many lists
        new(16, 34, Commas: true, ListShare: 0.1, FigureShare: 0.02), // long sentences with clauses
        new(9, 20, Commas: true, ListShare: 0.25, FigureShare: 0.2),  // figures, percentages and abbreviations
    ];

    // Paragraphs and lists until the section holds about its share of the sheet (at least one sentence).
    private void Fill(StringBuilder text, Random random, Style style, int bytes)
    {
        var end = text.Length + bytes;
        do
        {
            var list = random.NextDouble() < style.ListShare;
            var sentences = list ? 2 + random.Next(5) : 1 + random.Next(5);
            for (var i = 0; i < sentences && (i == 0 || text.Length < end); i++)
            {
                text.Append(list ? "- " : "").Append(Sentence(random, style)).Append(list || i % 3 == 2 ? '\n' : ' ');
            }
            text.Append(list ? "\n" : "\n\n");
        }
        while (text.Length < end);
    }

    private string Sentence(Random random, Style style)
    {
        var count = random.Next(style.MinWords, style.MaxWords + 1);
        var sentence = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                sentence.Append(style.Commas && random.NextDouble() < 0.08 ? ", " : " ");
            }
            if (random.NextDouble() < style.FigureShare / 4)
            {
                sentence.Append(random.Next(4) switch
                {
                    0 => $"{random.Next(1, 60)} %",
                    1 => $"{random.Next(2, 48)} heures",
                    2 => random.Next(2) == 0 ? "env." : "p. ex.",
                    _ => $"({Word(random)})",
                });
                continue;
            }
            sentence.Append(Word(random));
        }
        return Capitalised(sentence.ToString()) + (random.Next(12) == 0 ? " ?" : ".");
    }

    // Under the 160 characters search engines show, as the build requires.
    private string Description(Random random)
    {
        var words = new List<string>();
        while (words.Count < 14 && string.Join(' ', words.Append("x")).Length + 20 < 150)
        {
            words.Add(Word(random));
        }
        return Capitalised(string.Join(' ', words)) + ".";
    }

    private string Words(Random random, int min, int max) =>
        string.Join(' ', Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => Word(random)));

    // The word of rank r comes with probability (1/r) / H(V): a binary search of the cumulative weights.
    private string Word(Random random)
    {
        var target = random.NextDouble() * _cumulative[^1];
        var at = Array.BinarySearch(_cumulative, target);
        return _ranked[at < 0 ? ~at : at];
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
