using System.Text.Json;
using System.Text.Json.Serialization;
using FichesSite.Pipeline;

namespace FichesSite.Build;

/// <summary>What a built site is, for the commands that take it afterwards (package) and for the IT team of a mirror.</summary>
/// <param name="Target">« public » or « intranet » (<see cref="BuildTargets"/>).</param>
/// <param name="BaseUrl">Where this site is served, when known.</param>
/// <param name="Pages">The pages the build made (the number it prints).</param>
public sealed record BuildInfo(
    [property: JsonPropertyName("target")] string Target,
    [property: JsonPropertyName("base_url")] string? BaseUrl,
    [property: JsonPropertyName("pages")] int Pages)
{
    [JsonPropertyName("generator")]
    [JsonPropertyOrder(-1)]
    public string Generator { get; init; } = BuildInfoFile.Generator;
}

/// <summary>
/// build.json at the site's root. No date nor commit: the same input gives the same site byte for byte, and the
/// package (which has both) says when and from what it was built.
/// </summary>
public static class BuildInfoFile
{
    public const string Generator = "fiches-site";

    public static void Write(string siteDirectory, BuildInfo info) =>
        SearchEngineFiles.Replace(Path.Combine(siteDirectory, SiteRootFiles.BuildInfo), JsonSerializer.Serialize(info, BuildInfoJson.Default.BuildInfo) + "\n");

    /// <summary>The site's build.json, or null when it is missing or not one of ours.</summary>
    public static BuildInfo? Read(string siteDirectory)
    {
        try
        {
            var info = JsonSerializer.Deserialize(File.ReadAllText(Path.Combine(siteDirectory, SiteRootFiles.BuildInfo)), BuildInfoJson.Default.BuildInfo);
            return info is { Generator: Generator } && BuildTargets.Parse(info.Target) is not null ? info : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }
}

// Source-generated: the published generator is compiled ahead of time, without reflection.
[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(BuildInfo))]
internal sealed partial class BuildInfoJson : JsonSerializerContext;
