using FichesSite.Build;

namespace FichesSite.Tests;

/// <summary>The repository's own content, built once for all structure tests of a class.</summary>
public sealed class BuiltSite : IDisposable
{
    public BuiltSite()
    {
        Result = Site.Build();
        Assert.True(Result.Succeeded, string.Join("\n", Result.Diagnostics));
    }

    public TestSite Site { get; } = new();

    public BuildResult Result { get; }

    public void Dispose() => Site.Dispose();
}
