using Exchange.Interop.V1;
using Exchange.Rpc.Client;

namespace Exchange.Rpc.Tests.Client;

/// <summary>Server-streaming calls against the in-process interop server.</summary>
public sealed class ServerStreamingTests(ServerFixture fixture) : IClassFixture<ServerFixture>, IDisposable
{
    private readonly RpcChannel _channel = RpcChannel.ForAddress(fixture.Server.H2Address);

    public void Dispose() => _channel.Dispose();

    [Fact]
    public async Task Every_message_arrives_in_order_then_the_status_is_ok()
    {
        var request = new StreamingRequest { ResponseSizes = { 10, 0, 70_000, 5 } };
        var options = new CallOptions { Headers = new Metadata().Add("x-echo-stream", "s").Add("x-echo-trailer-end", "e") };
        using var call = _channel.ServerStreaming(InteropMethods.StreamingOutputCall, request, options);

        var received = new List<StreamingResponse>();
        await foreach (var message in call.ReadAllAsync()) received.Add(message);

        Assert.Equal([0, 1, 2, 3], received.Select(m => m.Index));
        Assert.Equal([10, 0, 70_000, 5], received.Select(m => m.Payload.Body.Length));
        Assert.Equal(StatusCode.OK, call.GetStatus().Code);
        Assert.Equal("s", (await call.ResponseHeadersAsync).GetValue("x-echo-stream"));
        Assert.Equal("e", call.GetTrailers().GetValue("x-echo-trailer-end"));
    }

    [Fact]
    public async Task An_error_after_some_messages_comes_after_those_messages()
    {
        var request = new StreamingRequest
        {
            ResponseSizes = { 1, 2, 3 },
            ResponseStatus = new EchoStatus { Code = (int)StatusCode.Aborted, Message = "stopped at 3 – 100%" },
        };
        var options = new CallOptions { Headers = new Metadata().Add("x-echo-trailer-why", "test") };
        using var call = _channel.ServerStreaming(InteropMethods.StreamingOutputCall, request, options);

        var received = new List<int>();
        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var message in call.ReadAllAsync()) received.Add(message.Index);
        });

        Assert.Equal([0, 1, 2], received);
        Assert.Equal(StatusCode.Aborted, ex.StatusCode);
        Assert.Equal("stopped at 3 – 100%", ex.Status.Detail);
        Assert.Equal("test", ex.Trailers.GetValue("x-echo-trailer-why"));
        Assert.Equal(StatusCode.Aborted, call.GetStatus().Code);
    }

    [Fact]
    public async Task Cancelling_after_the_first_message_ends_the_call_as_cancelled()
    {
        var request = new StreamingRequest { ResponseSizes = { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 }, IntervalMs = 1_000 };
        using var cts = new CancellationTokenSource();
        using var call = _channel.ServerStreaming(InteropMethods.StreamingOutputCall, request, new CallOptions { CancellationToken = cts.Token });

        var received = 0;
        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var _ in call.ReadAllAsync())
            {
                received++;
                cts.Cancel();
            }
        });

        Assert.Equal(1, received);
        Assert.Equal(StatusCode.Cancelled, ex.StatusCode);
        Assert.Equal(StatusCode.Cancelled, call.GetStatus().Code);
    }

    [Fact]
    public async Task The_token_given_to_ReadAllAsync_cancels_the_call()
    {
        var request = new StreamingRequest { ResponseSizes = { 1, 1, 1 }, IntervalMs = 5_000 };
        using var call = _channel.ServerStreaming(InteropMethods.StreamingOutputCall, request);
        using var cts = new CancellationTokenSource();

        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var _ in call.ReadAllAsync(cts.Token)) cts.Cancel();
        });

        Assert.Equal(StatusCode.Cancelled, ex.StatusCode);
    }

    [Fact]
    public async Task A_deadline_passing_mid_stream_is_exceeded()
    {
        var request = new StreamingRequest { ResponseSizes = { 1, 1, 1 }, IntervalMs = 30_000 };
        using var call = _channel.ServerStreaming(InteropMethods.StreamingOutputCall, request, new CallOptions { Timeout = TimeSpan.FromSeconds(3) });

        var received = 0;
        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var _ in call.ReadAllAsync()) received++;
        });

        Assert.Equal(1, received);
        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
    }

    [Fact]
    public async Task A_streamed_message_over_the_receive_limit_is_resource_exhausted()
    {
        using var channel = RpcChannel.ForAddress(fixture.Server.H2Address, new RpcChannelOptions { MaxReceiveMessageSize = 1024 });
        using var call = channel.ServerStreaming(InteropMethods.StreamingOutputCall, new StreamingRequest { ResponseSizes = { 100, 5_000, 100 } });

        var received = 0;
        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var _ in call.ReadAllAsync()) received++;
        });

        Assert.Equal(1, received);
        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public async Task The_status_is_not_known_before_the_stream_ends()
    {
        using var call = _channel.ServerStreaming(InteropMethods.StreamingOutputCall, new StreamingRequest { ResponseSizes = { 1 } });
        await call.ResponseHeadersAsync;

        Assert.Throws<InvalidOperationException>(() => call.GetStatus());
        Assert.Throws<InvalidOperationException>(() => call.GetTrailers());
    }
}
