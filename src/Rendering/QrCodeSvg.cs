using System.Text;
using QRCoder;

namespace FichesSite.Rendering;

/// <summary>
/// A QR code as an SVG file, made by QRCoder: black modules on white, with the quiet zone of four
/// modules that readers need, sized by a viewBox only (the page's CSS gives it its printed width).
/// </summary>
public static class QrCodeSvg
{
    public static byte[] For(string url)
    {
        using var generator = new QRCodeGenerator();
        // Level M: survives a fold or a stain on a handout, and stays small for a URL.
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(1, "#000000", "#ffffff", drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute);
        return Encoding.UTF8.GetBytes(svg);
    }
}
