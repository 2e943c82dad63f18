using System.Runtime.InteropServices;

namespace FichesSite.Serve;

/// <summary>
/// Ctrl+C (SIGINT), SIGTERM and SIGHUP as one token that stops the preview cleanly. The first signal is
/// held back from the runtime (which would end the process at once) so that the server can close, the
/// watchers stop and a rebuild be abandoned before anything is published; a second one ends the process
/// the usual way, for a stop that hangs.
/// </summary>
/// <remarks>
/// Why the preview listens itself: ASP.NET Core's console lifetime swallows these signals and only asks
/// its host to stop, which a server started with StartAsync never waits for; and the token
/// System.CommandLine hands to the command was never cancelled by them. So the preview kept serving
/// until SIGKILL. <see cref="PreviewServer"/> turns that lifetime off; this is the one place signals are read.
/// </remarks>
public sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<PosixSignalRegistration> _registrations = [];
    private int _received;

    private StopSignals()
    {
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP })
        {
            try
            {
                _registrations.Add(PosixSignalRegistration.Create(signal, OnSignal));
            }
            catch (PlatformNotSupportedException)
            {
                // SIGHUP has no meaning on some systems: the others still stop the preview.
            }
        }
    }

    public static StopSignals Listen() => new();

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Token => _stop.Token;

    /// <summary>How the stop was asked, in the words the author knows (« Ctrl+C », « SIGTERM »), or null.</summary>
    public string? Received { get; private set; }

    private void OnSignal(PosixSignalContext context)
    {
        if (Interlocked.Increment(ref _received) > 1)
        {
            return; // the second signal: the runtime ends the process
        }
        context.Cancel = true;
        Received = context.Signal == PosixSignal.SIGINT ? "Ctrl+C" : context.Signal.ToString();
        _stop.Cancel();
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
        _stop.Dispose();
    }
}
