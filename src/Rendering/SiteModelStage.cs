using FichesSite.Brand;
using FichesSite.Collection;
using FichesSite.Content;
using FichesSite.Pipeline;

namespace FichesSite.Rendering;

/// <summary>
/// The one moment of the build that needs every page before any is laid out: the home page and the
/// site map list the others, so the template model (titles, addresses, descriptions) is made here,
/// once, from every page's front matter, before the pass that takes each page from its syntax tree to
/// its file. The theme's templates are checked here too: a broken template would only fail again on
/// every page.
/// </summary>
/// <param name="glossary">The terms the glossary page lists.</param>
/// <param name="brand">The brand's files the pages link to (its stylesheet, its logo).</param>
/// <param name="notFound">What the 404 page holds in itself instead (its styles and script).</param>
public sealed class SiteModelStage(ThemeTemplates templates, SiteConfig site, ThemeStrings strings, GlossaryTerms glossary, BrandFiles brand, NotFoundPage notFound) : ISiteStage
{
    public string Name => "site model";

    /// <summary>Hands on the <see cref="SiteModel"/> that LayoutStage renders every page with.</summary>
    public BuildState Run(BuildState build, DiagnosticBag diagnostics)
    {
        // The templates are parsed on the other core while this one makes the model: nothing else runs meanwhile.
        var checkedTemplates = Task.Run(() => templates.Check(diagnostics));
        var model = new SiteModel(site, strings, build.Documents.Where(d => !diagnostics.HasErrorsFor(d.SourcePath)).ToList(), glossary, build.Products.Get(CollectionIndex.Key), templates.Shared, brand, notFound);
        checkedTemplates.GetAwaiter().GetResult(); // its own exception, not wrapped
        return build.With(SiteModel.Key, model);
    }
}
