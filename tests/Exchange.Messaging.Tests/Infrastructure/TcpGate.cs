using System.Net;
using System.Net.Sockets;

namespace Exchange.Messaging.Tests.Infrastructure;

/// <summary>
/// A loopback port in front of the test broker that can be shut (connections refused, open ones cut)
/// and opened again: a broker outage for one test, without stopping the broker the others use.
/// Frozen, it keeps connections open but carries nothing either way: a broker that stopped
/// answering (a dead host, a partition) before anything noticed the connection was gone. With
/// confirmations swallowed, the connections open at that moment carry everything except the
/// broker's publisher confirmations (AMQP 0-9-1 basic.ack and basic.nack frames towards the
/// client): a live connection whose publishes are never confirmed, while new connections work.
/// </summary>
public sealed class TcpGate : IAsyncDisposable
{
    private readonly Uri _target;
    private readonly List<TcpClient> _connections = [];
    private readonly HashSet<TcpClient> _confirmationsSwallowed = [];
    private TcpListener? _listener;
    private CancellationTokenSource? _stop;
    private readonly bool _amqpFrames;
    private volatile bool _frozen;

    private TcpGate(Uri target, int port, bool amqpFrames)
    {
        _target = target;
        Port = port;
        _amqpFrames = amqpFrames;
    }

    public int Port { get; }

    /// <summary>The target URI with the gate's port in place of the broker's.</summary>
    public Uri Address => new UriBuilder(_target) { Port = Port }.Uri;

    /// <summary>
    /// A shut gate in front of <paramref name="target"/>. With <paramref name="amqpFrames"/> (a
    /// RabbitMQ target) the broker's side is carried frame by frame, which
    /// <see cref="SwallowConfirmations"/> needs; otherwise bytes are carried as they come (any protocol).
    /// </summary>
    public static TcpGate Shut(Uri target, bool amqpFrames = false)
    {
        // Free while the gate is shut: taken where no outgoing connection can take it meanwhile.
        return new TcpGate(target, Exchange.Testing.Loopback.FreePort(), amqpFrames);
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

    /// <summary>The broker's confirmations on the connections open now are dropped from now on.</summary>
    public void SwallowConfirmations()
    {
        if (!_amqpFrames) throw new InvalidOperationException("confirmations can be swallowed only by a gate shut with amqpFrames: true");
        lock (_connections)
        {
            foreach (var connection in _connections) _confirmationsSwallowed.Add(connection);
        }
    }

    public void Close()
    {
        _frozen = false;
        _stop?.Cancel();
        _listener?.Stop();
        lock (_connections)
        {
            foreach (var connection in _connections) connection.Dispose();
            _connections.Clear();
            _confirmationsSwallowed.Clear();
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
            _ = _amqpFrames ? PumpFramesAsync(upstream, client, stop) : PumpAsync(upstream, client, stop);
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

    /// <summary>
    /// Broker to client, frame by frame (type, channel, size, payload, end marker), so a confirmation
    /// can be left out whole. The client's side starts with a protocol header, so it is pumped as bytes.
    /// </summary>
    private async Task PumpFramesAsync(TcpClient from, TcpClient to, CancellationToken stop)
    {
        const int HeaderSize = 7;
        var buffer = new byte[64 * 1024];
        try
        {
            var input = from.GetStream();
            var output = to.GetStream();
            while (true)
            {
                await input.ReadExactlyAsync(buffer.AsMemory(0, HeaderSize), stop);
                var length = HeaderSize + (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(3)) + 1;
                if (length > buffer.Length) Array.Resize(ref buffer, length);
                await input.ReadExactlyAsync(buffer.AsMemory(HeaderSize, length - HeaderSize), stop);
                if (_frozen || (IsConfirmation(buffer) && Swallows(from))) continue;
                await output.WriteAsync(buffer.AsMemory(0, length), stop);
            }
        }
        catch (Exception)
        {
            // Either side went away or the gate closed: end both directions.
        }
        from.Dispose();
        to.Dispose();
    }

    /// <summary>A method frame (type 1) of class basic (60), method ack (80) or nack (120).</summary>
    private static bool IsConfirmation(byte[] frame) =>
        frame[0] == 1 && frame[7] == 0 && frame[8] == 60 && frame[9] == 0 && frame[10] is 80 or 120;

    private bool Swallows(TcpClient upstream)
    {
        lock (_connections) return _confirmationsSwallowed.Contains(upstream);
    }

    public ValueTask DisposeAsync()
    {
        Close();
        return ValueTask.CompletedTask;
    }
}
