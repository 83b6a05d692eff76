using Exchange.Interop.V1;
using Exchange.Rpc.Client;

namespace Exchange.Rpc.Tests.Client.Dapr;

/// <summary>
/// The client side of Dapr's gRPC service invocation against a stand-in sidecar: a call to
/// <c>dapr://interop</c> reaches the local sidecar over HTTP/2 with <c>dapr-app-id</c>, the
/// method's own path and the caller's metadata, and the answer comes back as from the service.
/// </summary>
public sealed class DaprInvocationTests(FakeDaprSidecar sidecar) : IClassFixture<FakeDaprSidecar>
{
    private RpcChannel Channel(string address) =>
        ServiceAddress.Parse(address, name => name == ServiceAddress.DaprGrpcPortVariable ? sidecar.GrpcPort.ToString() : null)
            .CreateChannel(new RpcChannelOptions { DefaultHeaders = new Metadata().Add("authorization", "Bearer partner-token") });

    private SidecarCall LastCallTo(string path) => sidecar.Calls.Last(c => c.Path == path);

    [Fact]
    public async Task A_unary_call_reaches_the_sidecar_with_the_app_id_and_its_own_path_and_metadata()
    {
        using var channel = Channel("dapr://" + FakeDaprSidecar.AppId);

        var result = await channel.UnaryCallAsync(InteropMethods.UnaryCall, new SimpleRequest { Text = "Hamamatsu-Jena", ResponseSize = 8 },
            new CallOptions { Headers = new Metadata().Add("x-echo-region", "jena"), Timeout = TimeSpan.FromSeconds(30) });

        Assert.Equal("Hamamatsu-Jena", result.Response.Text);
        Assert.Equal(8, result.Response.Payload.Body.Length);
        Assert.Equal("jena", result.Headers.GetValue("x-echo-region"));
        var call = LastCallTo("/exchange.interop.v1.InteropTest/UnaryCall");
        Assert.Equal((FakeDaprSidecar.AppId, "HTTP/2", "Bearer partner-token"), (call.AppId, call.Protocol, call.Authorization));
    }

    [Fact]
    public async Task A_server_stream_carries_the_app_id_too()
    {
        using var channel = Channel("dapr://" + FakeDaprSidecar.AppId);
        using var call = channel.ServerStreaming(InteropMethods.StreamingOutputCall, new StreamingRequest { ResponseSizes = { 1, 2, 3 } });

        var indexes = new List<int>();
        await foreach (var message in call.ReadAllAsync()) indexes.Add(message.Index);

        Assert.Equal([0, 1, 2], indexes);
        Assert.Equal(FakeDaprSidecar.AppId, LastCallTo("/exchange.interop.v1.InteropTest/StreamingOutputCall").AppId);
    }

    [Fact]
    public async Task An_app_id_the_sidecar_cannot_resolve_fails_as_unavailable()
    {
        using var channel = Channel("dapr://surveys");

        var error = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(InteropMethods.EmptyCall, new Empty()));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Equal("surveys", LastCallTo("/exchange.interop.v1.InteropTest/EmptyCall").AppId);
    }

    [Fact]
    public async Task A_direct_address_to_the_same_port_sends_no_app_id()
    {
        using var channel = Channel($"http://127.0.0.1:{sidecar.GrpcPort}");

        var error = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(InteropMethods.EmptyCall, new Empty()));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Equal("", LastCallTo("/exchange.interop.v1.InteropTest/EmptyCall").AppId);
    }
}
