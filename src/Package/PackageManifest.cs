using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using FichesSite.Build;

namespace FichesSite.Package;

/// <summary>
/// manifest.json, beside the zip: what the package holds and where it comes from, for the IT team of a mirror and for
/// scripts that pull the package. Its members keep this order; the file ends with a line end.
/// </summary>
/// <param name="Target">« public » or « intranet », from the site's build.json.</param>
/// <param name="Version">The package's version, in the zip's name.</param>
/// <param name="BuildDate">ISO 8601 in UTC, to the second: SOURCE_DATE_EPOCH, or when the site was built.</param>
/// <param name="Commit">The source's commit, or null when it is not known.</param>
/// <param name="Pages">The pages the build made, from build.json.</param>
/// <param name="BaseUrl">Where the site is served, from build.json, or null.</param>
/// <param name="Archive">The zip's file name, in the same folder.</param>
/// <param name="Sha256">The zip's SHA-256, in lowercase hexadecimal (also in SHA256SUMS).</param>
/// <param name="Files">The files in the zip (folders not counted).</param>
public sealed record PackageManifest(
    [property: JsonPropertyName("target")] string Target,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("build_date")] string BuildDate,
    [property: JsonPropertyName("commit")] string? Commit,
    [property: JsonPropertyName("pages")] int Pages,
    [property: JsonPropertyName("base_url")] string? BaseUrl,
    [property: JsonPropertyName("archive")] string Archive,
    [property: JsonPropertyName("sha256")] string Sha256,
    [property: JsonPropertyName("files")] int Files)
{
    public const string FileName = "manifest.json";

    [JsonPropertyName("generator")]
    [JsonPropertyOrder(-1)]
    public string Generator { get; init; } = BuildInfoFile.Generator;

    /// <summary>The manifest's bytes: indented JSON, « \n » line ends on every system, a final line end.</summary>
    public byte[] ToBytes() => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(this, PackageManifestJson.Default.PackageManifest) + "\n");

    // Past this, a file named manifest.json is not one this command wrote (its own are well under 1 KB).
    private const int MostBytesRead = 64 * 1024;

    /// <summary>
    /// The archive an earlier package's manifest names, or null when <paramref name="path"/> is not a manifest this
    /// generator wrote (not JSON, too long, another « generator », or an archive name that is not a plain zip name).
    /// </summary>
    public static string? EarlierArchive(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.LinkTarget is not null || info.Length is 0 or > MostBytesRead)
            {
                return null;
            }
            var earlier = JsonSerializer.Deserialize(File.ReadAllBytes(path), PackageManifestJson.Default.EarlierManifest);
            return earlier is { Generator: BuildInfoFile.Generator, Archive: { } archive } && PackageNames.IsArchiveName(archive) ? archive : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }
}

/// <summary>What is read back of an earlier package's manifest: whose it is, and which zip goes with it.</summary>
internal sealed record EarlierManifest(
    [property: JsonPropertyName("generator")] string? Generator,
    [property: JsonPropertyName("archive")] string? Archive);

// Source-generated: the published generator is compiled ahead of time, without reflection. « \n » whatever the system,
// so that the same input gives the same bytes on Windows too.
[JsonSourceGenerationOptions(WriteIndented = true, NewLine = "\n", DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(PackageManifest))]
[JsonSerializable(typeof(EarlierManifest))]
internal sealed partial class PackageManifestJson : JsonSerializerContext;
