using System.Text;

namespace FichesSite.Pipeline;

/// <summary>Safe reading of files written by authors: UTF-8 only, and never from outside the content folder.</summary>
public static class InputFiles
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The text of a UTF-8 file with LF line ends (a BOM and CRLF, as Windows editors write, are
    /// accepted and give the same output), or null with an error naming the first bad line.
    /// </summary>
    /// <summary>Far above any file an author writes.</summary>
    public const long LargestFile = 4 * 1024 * 1024;

    public static string? ReadUtf8(string path, string display, DiagnosticBag diagnostics)
    {
        // Before reading: memory stays bounded whatever file stands there (the readers bound what they parse more
        // tightly; a page is refused past 1 MiB, a YAML file past 1 MiB of characters).
        byte[] bytes;
        try
        {
            if (new FileInfo(path).Length is var size and > LargestFile)
            {
                diagnostics.Error(display, 0, $"fichier trop volumineux ({size / 1024} Ko ; au plus {LargestFile / 1024}).",
                    "Vérifiez qu’il ne s’agit pas d’un fichier collé par erreur ; sinon, découpez-le.");
                return null;
            }
            bytes = File.ReadAllBytes(path);
        }
        // Every file the build reads comes through here: a file that is missing, is a folder, or cannot be opened is
        // the author's to fix, told in French, never a crash.
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            diagnostics.Error(display, 0, "fichier introuvable.",
                $"Créez « {display} » ou restaurez-le depuis le dépôt (voir ceux du dépôt pour un exemple) ; vérifiez aussi les options --input et --theme.");
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(display, 0, $"fichier illisible ({e.Message}).",
                "Vérifiez que c’est bien un fichier (pas un dossier) et que le compte qui lance la construction a le droit de le lire.");
            return null;
        }
        var start = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        try
        {
            return StrictUtf8.GetString(bytes, start, bytes.Length - start).Replace("\r\n", "\n");
        }
        catch (DecoderFallbackException e)
        {
            var badByte = start + Math.Max(0, e.Index);
            var line = 1 + bytes.AsSpan(0, Math.Min(badByte, bytes.Length)).Count((byte)'\n');
            diagnostics.Error(display, line, "le fichier n’est pas enregistré en UTF-8 (caractère illisible sur cette ligne).",
                "Dans votre éditeur, choisissez « Enregistrer sous… » avec l’encodage UTF-8, puis vérifiez les accents de cette ligne.");
            return null;
        }
    }

    /// <summary>True when <paramref name="path"/>, once symbolic links are followed at every level, lies outside <paramref name="folder"/> or nowhere.</summary>
    public static bool EscapesFolder(string folder, string path) => ContainedPaths.Inside(folder, path) is null;

    /// <summary>
    /// The real path of a file a reader is about to open (<paramref name="path"/> within <paramref name="folder"/>),
    /// or null with an error naming it when a symbolic link leads out of the folder or nowhere.
    /// </summary>
    /// <param name="folderName">The folder as authors call it: « de contenu », « du thème ».</param>
    public static string? Inside(string folder, string path, string display, string folderName, DiagnosticBag diagnostics)
    {
        var (verdict, real) = ContainedPaths.Resolve(folder, path);
        if (verdict == ContainedPaths.Verdict.Inside)
        {
            return real;
        }
        ReportLink(diagnostics, display, isDirectory: false, verdict, folderName);
        return null;
    }

    /// <summary>
    /// The real path of a file of the content folder about to be copied into the site: checked again at the copy, since
    /// the preview copies attachments that pages linked to in earlier builds, and a file may have become a link since.
    /// </summary>
    /// <exception cref="IOException">When a symbolic link now leads the file out of the content folder, or nowhere.</exception>
    public static string ContentSource(string inputDirectory, string relative) =>
        ContainedPaths.Inside(inputDirectory, Path.Combine(inputDirectory, relative))
        ?? throw new IOException($"« {relative} » mène hors du dossier de contenu par un lien symbolique : il n’est pas copié dans le site.");

    /// <summary>The error for a symbolic link that leads out of its folder (<paramref name="folderName"/>: « de contenu », « du thème ») or nowhere.</summary>
    public static void ReportLink(DiagnosticBag diagnostics, string display, bool isDirectory, ContainedPaths.Verdict verdict, string folderName)
    {
        if (verdict == ContainedPaths.Verdict.Loop)
        {
            diagnostics.Error(display, 0, "ce lien symbolique ne mène nulle part : les liens tournent en rond ou s’enchaînent plus de 40 fois.",
                "Supprimez ce lien, ou remplacez-le par le fichier ou le dossier lui-même.");
            return;
        }
        var what = isDirectory ? "dossier" : "fichier";
        diagnostics.Error(display, 0, $"ce {what} est un lien symbolique vers un {what} hors du dossier {folderName}, ou passe par un tel lien.",
            $"Copiez le {what} dans le dossier {folderName} au lieu d’y faire un lien.");
    }
}
