using System.Security;
using System.Text;
using FichesSite.Content;
using FichesSite.Pipeline;
using FichesSite.Rendering;

namespace FichesSite.Build;

/// <summary>sitemap.xml and robots.txt: the two files for search engines, written only when a base URL is known (they need absolute URLs).</summary>
public static class SearchEngineFiles
{
    public static void Write(string siteDirectory, IReadOnlyList<Document> documents, SiteModel model)
    {
        if (model.AbsoluteUrl("") is not { } root)
        {
            return;
        }
        var xml = new StringBuilder()
            .Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            .Append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        foreach (var document in documents.Where(d => d.OutputPath != SiteModel.NotFoundPage).OrderBy(d => d.OutputPath, StringComparer.Ordinal))
        {
            xml.Append("  <url><loc>").Append(SecurityElement.Escape(model.AbsoluteUrl(document.OutputPath))).Append("</loc>");
            if (document.Get(FrontMatter.Key).LastReviewed is { } reviewed)
            {
                xml.Append("<lastmod>").Append(reviewed.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Append("</lastmod>");
            }
            xml.Append("</url>\n");
        }
        xml.Append("</urlset>\n");
        File.WriteAllText(Path.Combine(siteDirectory, "sitemap.xml"), xml.ToString());
        File.WriteAllText(Path.Combine(siteDirectory, "robots.txt"), $"User-agent: *\nAllow: /\nSitemap: {root}sitemap.xml\n");
    }
}
