using System.Globalization;

namespace FichesSite.Build;

/// <summary>
/// The one place the build asks the clock, and only for warnings (a review date passed), never
/// for output. SOURCE_DATE_EPOCH, the reproducible-builds convention, fixes it when set.
/// </summary>
public static class BuildDate
{
    public static DateOnly Today()
    {
        var epoch = Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");
        var now = long.TryParse(epoch, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : DateTimeOffset.UtcNow;
        return DateOnly.FromDateTime(now.UtcDateTime);
    }
}
