namespace FichesSite.Tests.Collection;

/// <summary>
/// The collection's pages are made by the build, with a header of title, description and layout and no body, under the
/// type « page » (FrontMatter.DefaultType). That type's contract is the web team's, in input/contracts.yml (« l’équipe
/// web peut les adapter »): once it asks for a section or a field of the authors' pages, every page of services,
/// themes and letters fails it, with errors at « (page générée) services/index.html:1 » that tell the author to add a
/// section to a file that does not exist, and nothing is published.
/// </summary>
public sealed class GeneratedPagesContractTests
{
    [Theory(Skip = "defect: the collection's pages are held to the « page » contract of contracts.yml; they should have no contract "
        + "(ContentContractStage passing over documents with a CollectionPage) or a type of their own that contracts.yml cannot change")]
    [InlineData("  sections:\n    - heading: \"Contact\"\n", "\n## Contact\n\nTexte.\n", null)]
    [InlineData("  required_fields: [title, description, reviewed_by]\n", null, "reviewed_by: \"Équipe web\"\n")]
    public void A_stricter_page_contract_that_every_author_page_meets_still_builds(string contract, string? body, string? field)
    {
        using var site = new TestSite();
        var contracts = Path.Combine(site.Input, "contracts.yml");
        var text = File.ReadAllText(contracts);
        const string page = "page:\n  layout: page\n  required_fields: [title, description]\n";
        Assert.Contains(page, text);
        File.WriteAllText(contracts, text.Replace(page, contract.StartsWith("  required_fields", StringComparison.Ordinal) ? "page:\n  layout: page\n" + contract : page + contract, StringComparison.Ordinal));
        foreach (var source in Directory.GetFiles(Path.Combine(site.Input, "pages"), "*.md"))
        {
            var markdown = File.ReadAllText(source);
            if (field is not null)
            {
                markdown = "---\n" + field + markdown["---\n".Length..];
            }
            File.WriteAllText(source, markdown + body);
        }

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Take(5)));
    }
}
