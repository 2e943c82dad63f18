using System.Diagnostics;
using FichesSite.Build;

namespace FichesSite.Serve;

/// <summary>
/// Rebuilds after changes, one build at a time. Editors save in bursts (temporary file, rename,
/// touch), so a change waits a few milliseconds for the burst to end; changes that arrive during a
/// build trigger one more build after it. The build cache keeps unchanged pages' work.
/// Once stopped, no build starts, and the one under way publishes nothing unless its publication had already begun
/// (it is abandoned at its next stage, and once more right before the swap).
/// </summary>
public sealed class SiteRebuilder(BuildOptions options, Action<BuildResult, string, TimeSpan> built, Action<string> log) : IDisposable
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(30);

    private readonly Lock _gate = new();
    private readonly BuildCache _cache = new();
    private readonly SemaphoreSlim _building = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private Timer? _timer;
    private string? _changed;
    private long _firstChangeTimestamp;

    public BuildResult? Last { get; private set; }

    public void Schedule(string changedPath)
    {
        lock (_gate)
        {
            if (_stop.IsCancellationRequested)
            {
                return;
            }
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

    /// <summary>
    /// No build starts after this; the one under way is told to abandon, and waited for at most <paramref name="grace"/>.
    /// False when it is still running then (still in a stage, at the end of which it stops).
    /// </summary>
    public bool Stop(TimeSpan grace)
    {
        lock (_gate)
        {
            _stop.Cancel();
            _timer?.Dispose();
            _timer = null;
        }
        // Held from here on: a build can no longer start, even from a timer callback already under way.
        return _building.Wait(grace);
    }

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
            if (_stop.IsCancellationRequested)
            {
                return;
            }
            var result = SiteBuilder.Build(options, _cache, _stop.Token);
            if (_stop.IsCancellationRequested && result.Site != SiteState.Published)
            {
                log($"{reason} : reconstruction abandonnée à l’arrêt de l’aperçu ; rien n’a été publié.");
                return;
            }
            Last = result;
            built(result, reason, Stopwatch.GetElapsedTime(since));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A timer thread must not end the process: the author sees the failure and the last good pages stay served.
            log($"{reason} : erreur interne pendant la reconstruction ({e.GetType().Name} : {e.Message}). Les pages de la dernière construction réussie restent servies ; signalez ce message à l’équipe du site.");
        }
        finally
        {
            _building.Release();
        }
    }

    // The semaphore is not disposed: a build abandoned past the grace period still releases it as it ends.
    public void Dispose()
    {
        lock (_gate)
        {
            _stop.Cancel();
            _timer?.Dispose();
            _timer = null;
        }
    }
}
