namespace FichesSite.Pipeline;

/// <summary>
/// A finished page (set by the layout stage), as the UTF-8 bytes its file holds: the link scan reads it and the writer
/// writes it as it is, so the page is never held as a string (two bytes a character) on its way to the disk.
/// </summary>
public static class PageHtml
{
    public static readonly MetaKey<byte[]> Key = new("page-html");
}
