namespace FichesSite.Tests.Search;

/// <summary>The header's search form, on every page of the built site: labelled, announcing, and useful without JS.</summary>
public sealed class SearchFieldTests(BuiltSite built) : IClassFixture<BuiltSite>
{
    [Theory]
    [MemberData(nameof(BuiltSite.Pages), MemberType = typeof(BuiltSite))]
    public void Every_page_has_a_labelled_search_field_and_a_live_status(string sitePath)
    {
        var page = built.Site.Page(sitePath);
        var form = page.QuerySelector("header form[role=search]");
        Assert.NotNull(form);
        var input = form!.QuerySelector("input[type=search][name=q]");
        Assert.NotNull(input);
        var label = form.QuerySelector($"label[for='{input!.Id}']");
        Assert.Equal("Rechercher dans les fiches", label?.TextContent);
        var action = form.GetAttribute("action")!;
        Assert.EndsWith("recherche/index.html", action.Contains("://") ? action : FichesSite.Pipeline.SiteUrls.Resolve(sitePath, action));
        Assert.Equal("get", form.GetAttribute("method"));
        var status = page.GetElementById(form.GetAttribute("data-status")!);
        Assert.Equal("status", status?.GetAttribute("role"));
        Assert.NotNull(page.GetElementById(form.GetAttribute("data-results")!));
        Assert.Equal("Aucun résultat pour « {q} »", form.GetAttribute("data-none"));
        Assert.DoesNotContain(page.QuerySelectorAll("[style], style"), e => !PageChecks.AllowedByItsHash(e));
    }

    [Fact]
    public void Without_javascript_the_search_page_points_to_the_site_map()
    {
        var page = built.Site.Page("recherche/index.html");
        var fallback = page.QuerySelector("[data-search-nojs] a");
        Assert.Equal("../plan-du-site/index.html", fallback?.GetAttribute("href"));
    }
}
