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
    public static string? ReadUtf8(string path, string display, DiagnosticBag diagnostics)
    {
        var bytes = File.ReadAllBytes(path);
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

    /// <summary>True when <paramref name="path"/>, once symbolic links are followed, lies outside <paramref name="folder"/>.</summary>
    public static bool EscapesFolder(string folder, string path)
    {
        var root = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(path);
        if (!full.StartsWith(root, StringComparison.Ordinal))
        {
            return true;
        }
        if (!File.Exists(full))
        {
            return false; // nothing there to follow: the caller reports a missing file
        }
        var target = new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true);
        return target is not null && !Path.GetFullPath(target.FullName).StartsWith(root, StringComparison.Ordinal);
    }
}
