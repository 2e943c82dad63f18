using System.Globalization;

namespace FichesSite.Build;

/// <summary>
/// The one place the build asks the clock, and only for warnings (a review date passed), never
/// for output. SOURCE_DATE_EPOCH, the reproducible-builds convention, fixes it when set; the package and the PDF
/// handouts take their dates from it too.
/// </summary>
public static class BuildDate
{
    public static DateOnly Today() => DateOnly.FromDateTime((SourceDateEpoch() ?? DateTimeOffset.UtcNow).UtcDateTime);

    /// <summary>The date SOURCE_DATE_EPOCH gives, or null when it is unset, empty or not a date (<see cref="FromEpoch"/>).</summary>
    public static DateTimeOffset? SourceDateEpoch() =>
        Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH") is { Length: > 0 } value ? FromEpoch(value) : null;

    /// <summary>The date a SOURCE_DATE_EPOCH value gives, or null when it is not a whole number of seconds a date can have.</summary>
    public static DateTimeOffset? FromEpoch(string value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
