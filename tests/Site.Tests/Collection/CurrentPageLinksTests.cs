using FichesSite.Collection;

namespace FichesSite.Tests.Collection;

/// <summary>
/// aria-current="page" tells a screen reader « this link is the page you are on ». On page 2 of a letter's list, the
/// letters' navigation marked the letter's link, which leads to page 1, as the current page (letter.liquid compares
/// the letter only), while the pagination marked page 2: two links to two pages, each announced as this one. On every
/// page of the site, a link marked as the current page leads to that page.
/// </summary>
public sealed class CurrentPageLinksTests
{
    [Fact]
    public void Every_link_marked_as_the_current_page_leads_to_the_page_it_is_on()
    {
        var sheets = Enumerable.Range(0, CollectionPages.PageSize + 2)
            .Select(i => new CollectionSite.Sheet($"fiche-{i:000}", $"Ponction d’essai {i:000}", i % 2 == 0 ? "radiologie" : "cardiologie", i % 3 == 0 ? ["douleur"] : []))
            .ToList();
        using var collection = new CollectionSite(["radiologie", "cardiologie"], ["douleur"], sheets);
        var site = collection.Site;
        var result = site.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Take(5)));

        var wrong = new List<string>();
        foreach (var page in site.HtmlPages())
        {
            foreach (var link in site.Page(page).QuerySelectorAll("a[aria-current='page']"))
            {
                var target = new Uri(new Uri("http://site.invalid/" + page), link.GetAttribute("href")!).AbsolutePath.TrimStart('/');
                if (target != page)
                {
                    wrong.Add($"{page}: « {link.TextContent.Trim()} » → {target}");
                }
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }
}
