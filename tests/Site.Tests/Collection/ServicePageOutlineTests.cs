using AngleSharp.Dom;

namespace FichesSite.Tests.Collection;

/// <summary>
/// A screen reader user moves through a page by its headings. A service's page showed its h1, then the section
/// « Contacter le service » (h2), then the list of the service's sheets with no heading of its own: by the outline,
/// the sheets were part of the contact box, and no heading led to them. Every list of sheets on the collection's pages
/// comes under the page's h1 or a heading of its own, never under another section's heading.
/// </summary>
public sealed class ServicePageOutlineTests
{
    [Fact]
    public void The_list_of_sheets_is_under_a_heading_of_its_own_not_the_contact_s()
    {
        using var site = new TestSite();
        var result = site.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Take(5)));

        foreach (var page in site.HtmlPages().Where(p => p.StartsWith("services/", StringComparison.Ordinal) || p.StartsWith("themes/", StringComparison.Ordinal) || p.StartsWith("a-z/", StringComparison.Ordinal)))
        {
            var document = site.Page(page);
            if (document.QuerySelector("main .fiche-list") is not { } list)
            {
                continue;
            }
            var heading = document.QuerySelectorAll("main h1, main h2, main h3").LastOrDefault(h => h.CompareDocumentPosition(list).HasFlag(DocumentPositions.Following));
            Assert.NotNull(heading);
            Assert.True(heading.TagName == "H1" || heading.Closest("section.service-contact") is null,
                $"{page}: the sheets come under « {heading.TextContent.Trim()} »");
        }
    }
}
