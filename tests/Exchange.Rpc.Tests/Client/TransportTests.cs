using System.Net;
using System.Net.Sockets;
using Exchange.Interop.V1;
using Exchange.Rpc.Client;

namespace Exchange.Rpc.Tests.Client;

/// <summary>Calls to a server that is not there.</summary>
public sealed class TransportTests
{
    [Fact]
    public async Task A_refused_connection_is_unavailable()
    {
        using var channel = RpcChannel.ForAddress(new Uri($"http://127.0.0.1:{ClosedPort()}"));

        var ex = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(InteropMethods.EmptyCall, new Empty()));

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
    }

    [Fact]
    public async Task A_stream_to_a_refused_connection_is_unavailable()
    {
        using var channel = RpcChannel.ForAddress(new Uri($"http://127.0.0.1:{ClosedPort()}"));
        using var call = channel.ServerStreaming(InteropMethods.StreamingOutputCall, new StreamingRequest { ResponseSizes = { 1 } });

        var ex = await Assert.ThrowsAsync<RpcException>(async () => { await foreach (var m in call.ReadAllAsync()) { } });

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
        Assert.Equal(StatusCode.Unavailable, (await Assert.ThrowsAsync<RpcException>(() => call.ResponseHeadersAsync)).StatusCode);
    }

    /// <summary>A loopback port that was just free; nothing listens on it.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
