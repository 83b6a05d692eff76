using Exchange.Interop.V1;
using Exchange.Rpc.Client;
using Google.Protobuf;

namespace Exchange.Rpc.Tests.Client;

/// <summary>Unary calls against the in-process interop server.</summary>
public sealed class UnaryCallTests(ServerFixture fixture) : IClassFixture<ServerFixture>, IDisposable
{
    private readonly RpcChannel _channel = RpcChannel.ForAddress(fixture.Server.H2Address);

    public void Dispose() => _channel.Dispose();

    [Fact]
    public async Task Empty_call_returns_an_empty_message()
    {
        var response = await _channel.UnaryAsync(InteropMethods.EmptyCall, new Empty());

        Assert.Equal(new Empty(), response);
    }

    [Fact]
    public async Task Large_request_and_response_travel_whole()
    {
        var body = new byte[1_500_000];
        new Random(7).NextBytes(body);
        var request = new SimpleRequest
        {
            ResponseSize = 1_300_000,
            Payload = new Payload { Body = ByteString.CopyFrom(body) },
            Text = "large",
        };

        var response = await _channel.UnaryAsync(InteropMethods.UnaryCall, request);

        Assert.Equal(1_300_000, response.Payload.Body.Length);
        Assert.Equal("large", response.Text);
    }

    [Fact]
    public async Task Text_and_binary_metadata_come_back_in_headers_and_trailers()
    {
        using var channel = RpcChannel.ForAddress(fixture.Server.H2Address, new RpcChannelOptions
        {
            DefaultHeaders = new Metadata().Add("x-echo-default", "from-channel"),
        });
        byte[] headerBytes = [0x00, 0x01, 0xFE, 0xFF];       // base64 needs padding: sent unpadded
        byte[] trailerBytes = [0xE4, 0xBA, 0x88, 0x0A, 0x25];
        var headers = new Metadata()
            .Add("x-echo-text", "hello world")
            .Add("x-echo-data-bin", headerBytes)
            .Add("x-echo-trailer-text", "bye")
            .Add("x-echo-trailer-data-bin", trailerBytes);

        var result = await channel.UnaryCallAsync(InteropMethods.UnaryCall, new SimpleRequest { Text = "m" }, new CallOptions { Headers = headers });

        Assert.Equal("m", result.Response.Text);
        Assert.Equal("hello world", result.Headers.GetValue("x-echo-text"));
        Assert.Equal("from-channel", result.Headers.GetValue("x-echo-default"));
        Assert.Equal(headerBytes, result.Headers.GetBytes("x-echo-data-bin"));
        Assert.Equal("bye", result.Trailers.GetValue("x-echo-trailer-text"));
        Assert.Equal(trailerBytes, result.Trailers.GetBytes("x-echo-trailer-data-bin"));
        Assert.Null(result.Headers.GetValue("x-echo-trailer-text"));
    }

    [Fact]
    public async Task A_status_and_its_non_ascii_message_reach_the_caller_with_trailers()
    {
        const string message = "予算を超過 – 100% used (¿qué?)";
        var request = new SimpleRequest { ResponseStatus = new EchoStatus { Code = (int)StatusCode.FailedPrecondition, Message = message } };
        var options = new CallOptions { Headers = new Metadata().Add("x-echo-trailer-reason", "budget") };

        var ex = await Assert.ThrowsAsync<RpcException>(() => _channel.UnaryAsync(InteropMethods.UnaryCall, request, options));

        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Equal(message, ex.Status.Detail);
        Assert.Equal("budget", ex.Trailers.GetValue("x-echo-trailer-reason"));
    }

    [Fact]
    public async Task A_declared_but_unwritten_method_is_unimplemented()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => _channel.UnaryAsync(InteropMethods.UnimplementedCall, new Empty()));

        Assert.Equal(StatusCode.Unimplemented, ex.StatusCode);
    }

    [Fact]
    public async Task A_deadline_on_a_sleeping_call_is_exceeded()
    {
        var request = new SimpleRequest { SleepMs = 20_000 };

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            _channel.UnaryAsync(InteropMethods.UnaryCall, request, new CallOptions { Timeout = TimeSpan.FromMilliseconds(300) }));

        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
    }

    [Fact]
    public async Task A_generous_deadline_lets_the_call_finish()
    {
        var request = new SimpleRequest { SleepMs = 50, Text = "in time" };

        var response = await _channel.UnaryAsync(InteropMethods.UnaryCall, request,
            new CallOptions { Deadline = DateTime.UtcNow.AddSeconds(30) });

        Assert.Equal("in time", response.Text);
    }

    [Fact]
    public async Task Cancelling_a_running_call_ends_it_as_cancelled()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var request = new SimpleRequest { SleepMs = 20_000 };

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            _channel.UnaryAsync(InteropMethods.UnaryCall, request, new CallOptions { CancellationToken = cts.Token }));

        Assert.Equal(StatusCode.Cancelled, ex.StatusCode);
    }

    [Fact]
    public async Task A_response_over_the_receive_limit_is_resource_exhausted()
    {
        using var channel = RpcChannel.ForAddress(fixture.Server.H2Address, new RpcChannelOptions { MaxReceiveMessageSize = 64 * 1024 });

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            channel.UnaryAsync(InteropMethods.UnaryCall, new SimpleRequest { ResponseSize = 100 * 1024 }));

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
        // The limit is per message: the same channel still serves calls under it.
        var small = await channel.UnaryAsync(InteropMethods.UnaryCall, new SimpleRequest { ResponseSize = 1024 });
        Assert.Equal(1024, small.Payload.Body.Length);
    }

    [Fact]
    public async Task Three_hundred_concurrent_calls_all_complete_with_their_own_response()
    {
        var calls = Enumerable.Range(0, 300)
            .Select(i => _channel.UnaryAsync(InteropMethods.UnaryCall, new SimpleRequest { Text = $"call {i}", ResponseSize = 100, SleepMs = 20 }))
            .ToArray();

        var responses = await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(60));

        for (var i = 0; i < responses.Length; i++) Assert.Equal($"call {i}", responses[i].Text);
    }
}
