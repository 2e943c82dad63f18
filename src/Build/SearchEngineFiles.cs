using System.Security;
using System.Text;
using FichesSite.Content;
using FichesSite.Pipeline;

namespace FichesSite.Build;

/// <summary>
/// sitemap.xml and robots.txt: the two files for search engines. The public site's are written only when a base URL is
/// known (they need absolute URLs); the intranet's robots.txt turns every robot away, with or without one.
/// </summary>
public static class SearchEngineFiles
{
    public static void Write(string siteDirectory, IReadOnlyList<Document> documents, string? baseUrl, BuildTarget target)
    {
        if (target == BuildTarget.Intranet)
        {
            // Its pages carry noindex as well: a robot that ignores robots.txt still leaves them out of its index.
            Replace(Path.Combine(siteDirectory, SiteRootFiles.Robots), "User-agent: *\nDisallow: /\n");
            return;
        }
        if (PageAddresses.Absolute(baseUrl, "") is not { } root)
        {
            return;
        }
        var xml = new StringBuilder()
            .Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            .Append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        foreach (var document in documents.Where(d => d.OutputPath != PageAddresses.NotFoundPage).OrderBy(d => d.OutputPath, StringComparer.Ordinal))
        {
            xml.Append("  <url><loc>").Append(SecurityElement.Escape(PageAddresses.Absolute(baseUrl, document.OutputPath))).Append("</loc>");
            if (document.Get(FrontMatter.Key).LastReviewed is { } reviewed)
            {
                xml.Append("<lastmod>").Append(reviewed.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Append("</lastmod>");
            }
            xml.Append("</url>\n");
        }
        xml.Append("</urlset>\n");
        Replace(Path.Combine(siteDirectory, SiteRootFiles.SiteMap), xml.ToString());
        Replace(Path.Combine(siteDirectory, SiteRootFiles.Robots), $"User-agent: *\nAllow: /\nSitemap: {root}{SiteRootFiles.SiteMap}\n");
    }

    // Written beside and renamed: the preview may be serving the old file at that moment.
    internal static void Replace(string path, string text)
    {
        File.WriteAllText(path + ".tmp", text);
        File.Move(path + ".tmp", path, overwrite: true);
    }
}
