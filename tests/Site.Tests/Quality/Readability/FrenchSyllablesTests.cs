using FichesSite.Quality.Readability;

namespace FichesSite.Tests.Quality;

/// <summary>
/// The syllable counter on words whose spoken count is known (standard French, final mute « e » silent,
/// inner « e » said), each chosen for the rule of <see cref="FrenchSyllables"/> it exercises.
/// </summary>
public sealed class FrenchSyllablesTests
{
    public static TheoryData<string, int> Words => new()
    {
        // vowel groups: one syllable each
        { "os", 1 }, { "douleur", 2 }, { "oiseau", 2 }, { "rachis", 2 }, { "trocart", 2 }, { "hôpital", 3 },
        { "cimentoplastie", 5 }, { "perfusion", 3 }, { "intervention", 4 }, { "consolidation", 5 },
        { "infiltration", 4 }, { "radiothérapie", 5 }, { "cœur", 1 }, { "œdème", 2 }, { "patient", 2 },
        { "patients", 2 }, { "survient", 2 }, { "science", 1 }, { "spécialisée", 4 }, { "société", 3 },
        // silent final e, es, ent
        { "le", 1 }, { "les", 1 }, { "être", 1 }, { "fracture", 2 }, { "fractures", 2 }, { "métastase", 3 },
        { "métastases", 3 }, { "hématome", 3 }, { "embolie", 3 }, { "lytique", 2 }, { "anesthésie", 4 },
        { "asymptomatiques", 5 }, { "morphiniques", 3 }, { "peuvent", 1 }, { "présentent", 2 },
        // « ent » said
        { "souvent", 2 }, { "accident", 3 }, { "ciment", 2 }, { "traitement", 3 }, { "rapidement", 4 },
        // u after q and g
        { "que", 1 }, { "quelques", 1 }, { "antalgique", 3 }, { "radiofréquence", 4 }, { "guérison", 3 },
        { "longue", 1 }, { "aigu", 2 },
        // diaeresis, é, y between vowels
        { "naïf", 2 }, { "Noël", 2 }, { "poésie", 3 }, { "visée", 2 }, { "réalisée", 4 }, { "créé", 2 },
        { "payer", 2 }, { "moyen", 2 }, { "essayer", 3 }, { "yeux", 1 },
        // no glide after a consonant and l or r, but « ui » glides
        { "client", 2 }, { "cryothérapie", 5 }, { "ouvrière", 3 }, { "oublient", 2 }, { "pluie", 1 },
        // capitals and a word without a vowel
        { "MÉTASTASE", 3 }, { "Énorme", 2 }, { "h", 1 },
    };

    [Theory]
    [MemberData(nameof(Words))]
    public void Counts_the_syllables_of_a_known_word(string word, int syllables) =>
        Assert.Equal(syllables, FrenchSyllables.Count(word));

    [Fact]
    public void The_list_holds_at_least_forty_words() => Assert.True(Words.Count() >= 40);
}
