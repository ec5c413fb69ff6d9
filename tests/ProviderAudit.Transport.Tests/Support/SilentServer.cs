using System.Net;
using System.Net.Sockets;

namespace ProviderAudit.Transport.Tests.Support;

/// <summary>A loopback TCP port that accepts connections and never answers: an endpoint that hangs.</summary>
internal sealed class SilentServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _held = [];

    private SilentServer(TcpListener listener)
    {
        _listener = listener;
    }

    public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>Connections accepted so far.</summary>
    public int Connections { get { lock (_held) { return _held.Count; } } }

    public static Task<SilentServer> StartAsync()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var server = new SilentServer(listener);
        _ = server.AcceptAsync();
        return Task.FromResult(server);
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                lock (_held)
                {
                    _held.Add(client);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        lock (_held)
        {
            _held.ForEach(c => c.Dispose());
        }

        _stop.Dispose();
        return ValueTask.CompletedTask;
    }
}
