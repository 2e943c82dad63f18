using System.Threading.Channels;

namespace FichesSite.Serve;

/// <summary>
/// The open browser tabs, each listening to server-sent events: « reload » after a good build,
/// « build-error » (with the messages) after a failed one.
/// </summary>
public sealed class ReloadHub
{
    private readonly Lock _gate = new();
    private readonly List<Channel<string>> _clients = [];

    private bool _closed;

    public ChannelReader<string> Subscribe(CancellationToken disconnected)
    {
        var channel = Channel.CreateUnbounded<string>();
        lock (_gate)
        {
            if (_closed)
            {
                channel.Writer.TryComplete();
                return channel.Reader;
            }
            _clients.Add(channel);
        }
        disconnected.Register(() =>
        {
            lock (_gate)
            {
                _clients.Remove(channel);
            }
            channel.Writer.TryComplete();
        });
        return channel.Reader;
    }

    /// <summary>Sends one event to every tab, formatted for the text/event-stream protocol.</summary>
    public void Publish(string eventName, string data)
    {
        var message = $"event: {eventName}\ndata: {data.Replace("\n", "\ndata: ")}\n\n";
        lock (_gate)
        {
            foreach (var client in _clients)
            {
                client.Writer.TryWrite(message);
            }
        }
    }

    /// <summary>Ends every open stream (the preview is stopping), and any opened afterwards.</summary>
    public void Close()
    {
        lock (_gate)
        {
            _closed = true;
            foreach (var client in _clients)
            {
                client.Writer.TryComplete();
            }
            _clients.Clear();
        }
    }
}
