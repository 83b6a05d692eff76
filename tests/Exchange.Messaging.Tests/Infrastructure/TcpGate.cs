using System.Net;
using System.Net.Sockets;

namespace Exchange.Messaging.Tests.Infrastructure;

/// <summary>
/// A loopback port in front of the test broker that can be shut (connections refused, open ones cut)
/// and opened again: a broker outage for one test, without stopping the broker the others use.
/// Frozen, it keeps connections open but carries nothing either way: a broker that stopped
/// answering (a dead host, a partition) before anything noticed the connection was gone.
/// </summary>
public sealed class TcpGate : IAsyncDisposable
{
    private readonly Uri _target;
    private readonly List<TcpClient> _connections = [];
    private TcpListener? _listener;
    private CancellationTokenSource? _stop;
    private volatile bool _frozen;

    private TcpGate(Uri target, int port)
    {
        _target = target;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The target URI with the gate's port in place of the broker's.</summary>
    public Uri Address => new UriBuilder(_target) { Port = Port }.Uri;

    public static TcpGate Shut(Uri target)
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new TcpGate(target, port);
    }

    public void Open()
    {
        _stop = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Start();
        _ = AcceptAsync(_listener, _stop.Token);
    }

    /// <summary>Bytes sent through open connections from now on are dropped, in both directions.</summary>
    public void Freeze() => _frozen = true;

    public void Close()
    {
        _frozen = false;
        _stop?.Cancel();
        _listener?.Stop();
        lock (_connections)
        {
            foreach (var connection in _connections) connection.Dispose();
            _connections.Clear();
        }
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop);
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return;
            }
            var upstream = new TcpClient();
            try
            {
                await upstream.ConnectAsync(_target.Host, _target.Port, stop);
            }
            catch (Exception)
            {
                client.Dispose();
                upstream.Dispose();
                continue;
            }
            lock (_connections)
            {
                _connections.Add(client);
                _connections.Add(upstream);
            }
            _ = PumpAsync(client, upstream, stop);
            _ = PumpAsync(upstream, client, stop);
        }
    }

    private async Task PumpAsync(TcpClient from, TcpClient to, CancellationToken stop)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            var input = from.GetStream();
            var output = to.GetStream();
            int read;
            while ((read = await input.ReadAsync(buffer, stop)) > 0)
            {
                if (!_frozen) await output.WriteAsync(buffer.AsMemory(0, read), stop);
            }
        }
        catch (Exception)
        {
            // Either side went away or the gate closed: end both directions.
        }
        from.Dispose();
        to.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Close();
        return ValueTask.CompletedTask;
    }
}
