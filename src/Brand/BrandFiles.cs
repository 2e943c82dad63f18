using System.Text;
using FichesSite.Pipeline;

namespace FichesSite.Brand;

/// <summary>
/// The files the brand adds to the site, under assets/brand/: the logo and font files as the hospital supplied them,
/// byte for byte, and the stylesheet made from the brand's settings. Read and checked once, with the configuration:
/// each file must lie in the content folder (every symbolic link followed), the logo be SVG that runs no script
/// (<see cref="SvgLogo"/>) and a font be WOFF2.
/// </summary>
public sealed class BrandFiles
{
    public const string Folder = "assets/brand/";
    public const string StylesheetPath = Folder + "brand.css";
    public const string LogoPath = Folder + "logo.svg";
    public const string FontName = "police.woff2";
    public const string BoldFontName = "police-gras.woff2";

    /// <summary>Far above a logo or a font file: a larger file is surely not the one meant.</summary>
    public const long LargestFile = 2 * 1024 * 1024;

    // Every WOFF2 file starts with these four bytes (W3C WOFF File Format 2.0, § 3).
    private static readonly byte[] Woff2Signature = "wOF2"u8.ToArray();

    /// <summary>No brand: no file, and the pages link to none.</summary>
    public static readonly BrandFiles None = new(new Dictionary<string, byte[]>());

    private BrandFiles(IReadOnlyDictionary<string, byte[]> files) => Files = files;

    /// <summary>The files by site path.</summary>
    public IReadOnlyDictionary<string, byte[]> Files { get; }

    /// <summary>The site's other generated files (the search index's) with these.</summary>
    public IReadOnlyDictionary<string, byte[]> AddedTo(IReadOnlyDictionary<string, byte[]> generated) =>
        Files.Count == 0 ? generated : generated.Concat(Files).ToDictionary(StringComparer.Ordinal);

    public bool HasStylesheet => Files.ContainsKey(StylesheetPath);
    public bool HasLogo => Files.ContainsKey(LogoPath);

    /// <summary>The logo's width and height as its file gives them (SvgLogo.Size), or null.</summary>
    public (int Width, int Height)? LogoSize => Files.TryGetValue(LogoPath, out var logo) ? SvgLogo.Size(logo) : null;

    /// <summary>The brand's files, or null after an error (a file missing, outside the content folder, or not of its kind).</summary>
    public static BrandFiles? Load(string inputDirectory, BrandSettings? brand, BrandPalette palette, string displayPath, DiagnosticBag diagnostics)
    {
        if (brand is null)
        {
            return None;
        }
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        var ok = true;
        void Add(string? path, int line, string sitePath, string what, Func<byte[], string?> problem)
        {
            if (path is null)
            {
                return;
            }
            if (Read(inputDirectory, path, line, what, displayPath, diagnostics) is not { } bytes)
            {
                ok = false;
                return;
            }
            if (problem(bytes) is { } wrong)
            {
                var refused = what.StartsWith("la ", StringComparison.Ordinal) ? "refusée" : "refusé";
                diagnostics.Error(displayPath, line, $"{what} « {path} » est {refused} : {wrong}.", Fix(what));
                ok = false;
                return;
            }
            files[sitePath] = bytes;
        }
        Add(brand.Logo, brand.LogoLine, LogoPath, "le logo", bytes => brand.Logo!.EndsWith(".svg", StringComparison.OrdinalIgnoreCase)
            ? SvgLogo.Problem(bytes) : "ce n’est pas un fichier .svg");
        Add(brand.Font?.File, brand.Font?.FileLine ?? 0, Folder + FontName, "la police", FontProblem);
        Add(brand.Font?.BoldFile, brand.Font?.BoldFileLine ?? 0, Folder + BoldFontName, "la police", FontProblem);
        if (!ok)
        {
            return null;
        }
        files[StylesheetPath] = Encoding.UTF8.GetBytes(BrandStylesheet.Write(brand, palette));
        return new BrandFiles(files);
    }

    private static string? FontProblem(byte[] bytes) =>
        bytes.AsSpan().StartsWith(Woff2Signature) ? null : "ce n’est pas un fichier WOFF2 (un tel fichier commence par « wOF2 »)";

    private static string Fix(string what) => what == "le logo"
        ? "Demandez au service communication le logo en SVG simple, sans script, lien ni image extérieure (un export « SVG de base » d’un logiciel de dessin convient)."
        : "Demandez la police au format WOFF2 (fichier .woff2), ou convertissez-la : seul ce format, le plus léger, est publié.";

    // The bytes of a file of the content folder given in site.yml, or null with an error on its line.
    private static byte[]? Read(string inputDirectory, string path, int line, string what, string displayPath, DiagnosticBag diagnostics)
    {
        var full = Path.GetFullPath(Path.Combine(inputDirectory, path));
        var (verdict, real) = ContainedPaths.Resolve(inputDirectory, full);
        if (verdict != ContainedPaths.Verdict.Inside)
        {
            diagnostics.Error(displayPath, line, $"{what} « {path} » est hors du dossier de contenu (ou y mène par un lien symbolique).",
                "Copiez le fichier dans input/ (par exemple input/marque/) et donnez son chemin depuis input/, par exemple marque/logo.svg.");
            return null;
        }
        try
        {
            var size = new FileInfo(real).Length;
            // Nothing to read, and never opened: a named pipe has no length and its reading would wait for a writer forever.
            if (size == 0)
            {
                diagnostics.Error(displayPath, line, $"{what} « {path} » est vide.",
                    "Vérifiez qu’il s’agit du bon fichier : un fichier ordinaire, exporté en entier.");
                return null;
            }
            if (size > LargestFile)
            {
                diagnostics.Error(displayPath, line, $"{what} « {path} » est trop volumineux ({size / 1024} Ko ; au plus {LargestFile / 1024}).",
                    "Vérifiez qu’il s’agit du bon fichier ; un logo SVG ou une police WOFF2 pèse le plus souvent moins de 200 Ko.");
                return null;
            }
            return File.ReadAllBytes(real);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(displayPath, line, $"{what} « {path} » est introuvable ou illisible dans le dossier de contenu.",
                "Vérifiez le chemin, donné depuis input/ (par exemple marque/logo.svg), et que le fichier existe.");
            return null;
        }
    }
}
