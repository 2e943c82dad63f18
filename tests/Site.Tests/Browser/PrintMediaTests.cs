using Microsoft.Playwright;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace FichesSite.Tests.Browser;

/// <summary>
/// The sheet as the browser prints it (print media emulated, dark screen scheme on purpose): no
/// navigation, body text of 12 pt or more, black on white; and its QR code, rendered by the browser,
/// decodes to the page's canonical URL.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Print")]
[Trait("Category", "Browser")]
public sealed class PrintMediaTests(BrowserSite site)
{
    private const string Fiche = "fiches/cimentoplastie-metastases-osseuses/index.html";

    // CSS pixels are 1/96 inch: 12 pt = 16 px, 2 cm = 75.6 px.
    private const double TwelvePoints = 16, TwoCentimetres = 2 / 2.54 * 96;

    private async Task<IPage> PrintedFicheAsync()
    {
        var page = await site.NewPageAsync(ColorScheme.Dark);
        await page.GotoAsync(site.SiteUrl(Fiche));
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        return page;
    }

    [SkippableFact]
    public async Task Printed_sheet_shows_no_navigation_and_large_black_text_on_white()
    {
        var page = await PrintedFicheAsync();
        var screenshot = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true, Type = ScreenshotType.Png });
        File.WriteAllBytes(Path.Combine(site.Site.Root, "print.png"), screenshot);
        Assert.True(screenshot.Length > 1000, "a print-media screenshot");

        foreach (var hidden in new[] { ".skip-link", ".site-header nav", ".breadcrumb", ".footer-links", ".toc", ".related", "footer .contact" })
        {
            Assert.False(await page.Locator(hidden).First.IsVisibleAsync(), $"{hidden} is printed");
        }
        foreach (var shown in new[] { "h1", ".review", ".service-contact", ".print-qr", ".print-qr svg" })
        {
            Assert.True(await page.Locator(shown).First.IsVisibleAsync(), $"{shown} is not printed");
        }
        var style = await page.EvaluateAsync<string[]>("""
            () => {
              const body = getComputedStyle(document.body);
              const p = getComputedStyle(document.querySelector('.fiche-content p'));
              return [body.fontSize, p.fontSize, p.color, body.backgroundColor, p.textAlign];
            }
            """);
        Assert.True(double.Parse(style[0].Replace("px", ""), System.Globalization.CultureInfo.InvariantCulture) >= TwelvePoints, $"body text {style[0]}");
        Assert.True(double.Parse(style[1].Replace("px", ""), System.Globalization.CultureInfo.InvariantCulture) >= TwelvePoints, $"paragraph text {style[1]}");
        Assert.Equal("rgb(0, 0, 0)", style[2]);
        Assert.Equal("rgb(255, 255, 255)", style[3]);
        Assert.Equal("left", style[4]);
        // Links print their absolute address after their text.
        var link = await page.EvaluateAsync<string[]>("""
            () => {
              const a = document.querySelector('.site-header nav a[data-print-href]');
              return [a.dataset.printHref, getComputedStyle(a, '::after').content];
            }
            """);
        Assert.Contains(link[0], link[1], StringComparison.Ordinal);
        await page.CloseAsync();
    }

    [SkippableFact]
    public async Task Qr_code_is_two_centimetres_or_more_and_decodes_to_the_canonical_url()
    {
        var page = await PrintedFicheAsync();
        var canonical = await page.GetAttributeAsync("link[rel=canonical]", "href");
        var width = await page.EvaluateAsync<double>("() => document.querySelector('.print-qr svg').getBoundingClientRect().width");
        Assert.True(width >= TwoCentimetres, $"QR code {width} px wide");
        Assert.Equal(canonical, (await page.Locator(".print-url").TextContentAsync())?.Trim());

        // The browser renders the page's SVG, as an image, into a canvas; ZXing reads the pixels.
        const int Size = 400;
        var rgba = Convert.FromBase64String(await page.EvaluateAsync<string>($$"""
            async () => {
              const svg = document.querySelector('.print-qr svg');
              const img = new Image();
              img.src = 'data:image/svg+xml,' + encodeURIComponent(new XMLSerializer().serializeToString(svg));
              await img.decode();
              const canvas = document.createElement('canvas');
              canvas.width = canvas.height = {{Size}};
              const g = canvas.getContext('2d');
              g.fillStyle = '#fff';
              g.fillRect(0, 0, {{Size}}, {{Size}});
              g.drawImage(img, 0, 0, {{Size}}, {{Size}});
              const data = g.getImageData(0, 0, {{Size}}, {{Size}}).data;
              let binary = '';
              for (let i = 0; i < data.length; i += 8192) binary += String.fromCharCode(...data.subarray(i, i + 8192));
              return btoa(binary);
            }
            """));
        await page.CloseAsync();
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(rgba, Size, Size, RGBLuminanceSource.BitmapFormat.RGBA32)));
        var result = new QRCodeReader().decode(bitmap);
        Assert.NotNull(result);
        Assert.Equal(canonical, result.Text);
        Assert.StartsWith(site.SiteUrl("fiches/"), result.Text, StringComparison.Ordinal);
    }
}
