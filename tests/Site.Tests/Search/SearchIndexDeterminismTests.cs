using FichesSite.Search;

namespace FichesSite.Tests.Search;

/// <summary>The index is part of the site: same pages, same bytes, whatever order the pages arrive in.</summary>
public sealed class SearchIndexDeterminismTests
{
    private static readonly IndexedPage[] Pages =
    [
        new("Zona", "fiches/zona/index.html", [new("", "", "Une éruption douloureuse."), new("Traitement", "traitement", "Des antiviraux.")]),
        new("Arthroscopie du genou", "fiches/arthroscopie/index.html", [new("Risques", "risques", "Une infection, rare.")]),
        new("Biopsie", "fiches/biopsie/index.html", [new("Déroulement", "deroulement", "Sous anesthésie locale.")]),
    ];

    // The index in one script, as a site under the split threshold has it.
    private static string Whole(IEnumerable<IndexedPage> pages) =>
        System.Text.Encoding.UTF8.GetString(new SearchIndex(pages).ToFiles(long.MaxValue)[SearchIndexStage.ScriptPath]);

    [Fact]
    public void The_index_script_does_not_depend_on_page_order()
    {
        var forward = Whole(Pages);
        var backward = Whole(Pages.Reverse());
        Assert.Equal(forward, backward);
        Assert.Equal(forward, Whole(Pages));
        Assert.DoesNotContain(DateTime.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), forward);
    }

    // Two whole builds giving the same bytes, index included: DeterminismTests.Two_builds_are_byte_identical.
}
