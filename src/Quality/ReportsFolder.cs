using System.Text.Json;

namespace FichesSite.Quality;

/// <summary>
/// Where the build writes its reports for the editorial team: « reports/ » beside the content folder
/// (the repository root for input/). Outside the site on purpose: they are never published.
/// Ignored by git (.gitignore). Every report is a JSON object whose first member is
/// <c>"generator": "fiches-site"</c>: that is how the build knows a file it may replace (any other file,
/// whatever its name or extension, is someone else's).
/// </summary>
public static class ReportsFolder
{
    public const string GeneratorField = "generator";
    public const string GeneratorName = "fiches-site";

    // The member comes first, a few bytes in: this much of the file is enough to read it.
    private const int SignatureBytes = 256;

    // An empty --input is refused by the build; until then it stands for the working folder, so that working out this
    // default never throws.
    public static string For(string inputDirectory) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(string.IsNullOrWhiteSpace(inputDirectory) ? "." : inputDirectory).TrimEnd(Path.DirectorySeparatorChar)) ?? ".", "reports");

    /// <summary>Writes the member that marks a report as this generator's: first, right after the object opens.</summary>
    public static void WriteGenerator(Utf8JsonWriter json) => json.WriteString(GeneratorField, GeneratorName);

    /// <summary>True when the file starts as a report of this generator (see <see cref="WriteGenerator"/>).</summary>
    public static bool IsReport(string path)
    {
        var start = new byte[SignatureBytes];
        int length;
        try
        {
            using var file = File.OpenRead(path);
            length = file.ReadAtLeast(start, SignatureBytes, throwOnEndOfStream: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
        var reader = new Utf8JsonReader(start.AsSpan(0, length), isFinalBlock: false, state: default);
        try
        {
            return reader.Read() && reader.TokenType == JsonTokenType.StartObject
                && reader.Read() && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals(GeneratorField)
                && reader.Read() && reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(GeneratorName);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
