using System.Diagnostics;
using FichesSite.Build;

namespace FichesSite.Serve;

/// <summary>
/// Rebuilds after changes, one build at a time. Editors save in bursts (temporary file, rename,
/// touch), so a change waits a few milliseconds for the burst to end; changes that arrive during a
/// build trigger one more build after it. The build cache keeps unchanged pages' work.
/// </summary>
public sealed class SiteRebuilder(BuildOptions options, Action<BuildResult, string, TimeSpan> built) : IDisposable
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(30);

    private readonly Lock _gate = new();
    private readonly BuildCache _cache = new();
    private readonly SemaphoreSlim _building = new(1, 1);
    private Timer? _timer;
    private string? _changed;
    private long _firstChangeTimestamp;

    public BuildResult? Last { get; private set; }

    public void Schedule(string changedPath)
    {
        lock (_gate)
        {
            if (_changed is null)
            {
                _firstChangeTimestamp = Stopwatch.GetTimestamp();
            }
            _changed = changedPath;
            _timer ??= new Timer(_ => RebuildScheduled());
            _timer.Change(Quiet, Timeout.InfiniteTimeSpan);
        }
    }

    public void RebuildNow(string reason) => Rebuild(reason, Stopwatch.GetTimestamp());

    private void RebuildScheduled()
    {
        string? changed;
        long since;
        lock (_gate)
        {
            (changed, since) = (_changed, _firstChangeTimestamp);
            _changed = null;
        }
        if (changed is not null)
        {
            Rebuild("modification de " + Path.GetFileName(changed), since);
        }
    }

    private void Rebuild(string reason, long since)
    {
        _building.Wait();
        try
        {
            Last = SiteBuilder.Build(options, _cache);
            built(Last, reason, Stopwatch.GetElapsedTime(since));
        }
        finally
        {
            _building.Release();
        }
    }

    public void Dispose()
    {
        _timer?.Dispose();
        _building.Dispose();
    }
}
