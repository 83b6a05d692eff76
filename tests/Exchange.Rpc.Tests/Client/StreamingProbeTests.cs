using Exchange.Interop.V1;
using Exchange.Rpc.Client;
using Grpc.Health.V1;

namespace Exchange.Rpc.Tests.Client;

/// <summary>What the server sees of the client: unbuffered streams, resets on dispose, unknown services.</summary>
public sealed class StreamingProbeTests(ProbeServerFixture fixture) : IClassFixture<ProbeServerFixture>, IDisposable
{
    private static readonly TimeSpan Liveness = TimeSpan.FromSeconds(15);
    private readonly RpcChannel _channel = RpcChannel.ForAddress(fixture.Address);

    public void Dispose() => _channel.Dispose();

    [Fact]
    public async Task A_message_is_handed_out_while_the_server_is_still_working()
    {
        var id = Guid.NewGuid().ToString();
        var probe = fixture.State.For(id);
        var call = _channel.ServerStreaming(InteropMethods.StreamingOutputCall, new StreamingRequest(), Probe(id));
        var messages = call.ReadAllAsync().GetAsyncEnumerator();
        try
        {
            // The server holds the stream open until released: a buffering client would wait here.
            Assert.True(await messages.MoveNextAsync().AsTask().WaitAsync(Liveness));
            Assert.Equal(0, messages.Current.Index);
            Assert.False(probe.Release.Task.IsCompleted);

            probe.Release.SetResult();
            Assert.True(await messages.MoveNextAsync().AsTask().WaitAsync(Liveness));
            Assert.Equal(1, messages.Current.Index);
            Assert.False(await messages.MoveNextAsync().AsTask().WaitAsync(Liveness));
            Assert.Equal(StatusCode.OK, call.GetStatus().Code);
        }
        finally
        {
            await EndAsync(call, messages);
        }
    }

    [Fact]
    public async Task Disposing_mid_stream_cancels_the_server_handler()
    {
        var id = Guid.NewGuid().ToString();
        var probe = fixture.State.For(id);
        var call = _channel.ServerStreaming(InteropMethods.StreamingOutputCall, new StreamingRequest(), Probe(id));
        var messages = call.ReadAllAsync().GetAsyncEnumerator();
        try
        {
            Assert.True(await messages.MoveNextAsync().AsTask().WaitAsync(Liveness));

            call.Dispose();

            await probe.Cancelled.Task.WaitAsync(Liveness);
            Assert.Equal(StatusCode.Cancelled, call.GetStatus().Code);
        }
        finally
        {
            await EndAsync(call, messages);
        }
    }

    [Fact]
    public async Task Cancelling_mid_stream_cancels_the_server_handler()
    {
        var id = Guid.NewGuid().ToString();
        var probe = fixture.State.For(id);
        using var cts = new CancellationTokenSource();
        using var call = _channel.ServerStreaming(InteropMethods.StreamingOutputCall, new StreamingRequest(), Probe(id) with { CancellationToken = cts.Token });

        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var _ in call.ReadAllAsync()) cts.Cancel();
        }).WaitAsync(Liveness);

        Assert.Equal(StatusCode.Cancelled, ex.StatusCode);
        await probe.Cancelled.Task.WaitAsync(Liveness);
    }

    [Fact]
    public async Task A_service_the_server_does_not_have_is_unimplemented()
    {
        var check = RpcMethod<HealthCheckRequest, HealthCheckResponse>.From(HealthReflection.Descriptor.Services[0], "Check");

        var ex = await Assert.ThrowsAsync<RpcException>(() => _channel.UnaryAsync(check, new HealthCheckRequest()));

        Assert.Equal(StatusCode.Unimplemented, ex.StatusCode);
    }

    /// <summary>Ends a call even when a test failed half-way, so that no read is left hanging.</summary>
    private static async Task EndAsync<T>(ServerStreamingCall<T> call, IAsyncEnumerator<T> messages)
        where T : class, Google.Protobuf.IMessage<T>, new()
    {
        call.Dispose();
        try
        {
            await messages.DisposeAsync();
        }
        catch (Exception ex) when (ex is RpcException or NotSupportedException or InvalidOperationException)
        {
            // A read was still in progress when the test gave up.
        }
    }

    private static CallOptions Probe(string id) => new() { Headers = new Metadata().Add("x-probe-id", id) };
}
