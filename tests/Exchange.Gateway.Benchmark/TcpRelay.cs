using System.Net;
using System.Net.Sockets;

namespace Exchange.Gateway.Benchmark;

/// <summary>
/// The cheapest possible hop: a loopback port whose connections are copied byte for byte to the
/// target and back, with no parsing at all. Through it, a call costs the extra sockets and thread
/// hand-offs of one more process in the path, which any proxy pays: the floor under the gateway's
/// added latency on this machine.
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    private TcpRelay(IPEndPoint target)
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _accepting = AcceptAsync(target);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public static TcpRelay To(int port) => new(new IPEndPoint(IPAddress.Loopback, port));

    private async Task AcceptAsync(IPEndPoint target)
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            _ = RelayAsync(client, target);
        }
    }

    private async Task RelayAsync(Socket client, IPEndPoint target)
    {
        using var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using (client)
        {
            client.NoDelay = true;
            try
            {
                await upstream.ConnectAsync(target, _stop.Token);
                await using var inbound = new NetworkStream(client, ownsSocket: false);
                await using var outbound = new NetworkStream(upstream, ownsSocket: false);
                // Whichever side ends first ends the relay; disposing both sockets ends the other copy.
                await Task.WhenAny(inbound.CopyToAsync(outbound, _stop.Token), outbound.CopyToAsync(inbound, _stop.Token));
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
