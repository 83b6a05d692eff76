using Exchange.Interop.V1;
using Exchange.Rpc.Client;
using Exchange.Rpc.Tests.Client;
using Google.Protobuf;
using Grpc.Health.V1;

namespace Exchange.Rpc.Tests.Interop;

/// <summary>
/// The standard interop cases played by our client against a server that is not ours: the
/// interop service served by @grpc/grpc-js. The same cases against our own server are in
/// tests/Exchange.Rpc.Tests/Client; here they prove that both ends follow the specification
/// rather than each other.
/// </summary>
public sealed class OurClientAgainstGrpcJsServerTests(GrpcJsServerFixture fixture) : IClassFixture<GrpcJsServerFixture>, IDisposable
{
    private static readonly TimeSpan Liveness = TimeSpan.FromSeconds(60);

    private readonly RpcChannel _channel = RpcChannel.ForAddress(AddressOf(fixture));

    public void Dispose() => _channel.Dispose();

    private static Uri AddressOf(GrpcJsServerFixture server) => new($"http://{server.Address}");

    [Fact]
    public async Task Empty_unary()
    {
        var response = await _channel.UnaryAsync(InteropMethods.EmptyCall, new Empty());

        Assert.Equal(new Empty(), response);
    }

    [Fact]
    public async Task Large_unary_request_and_response_over_one_mebibyte()
    {
        var body = new byte[1_500_000];
        new Random(11).NextBytes(body);
        var request = new SimpleRequest
        {
            ResponseSize = 1_300_000,
            Payload = new Payload { Body = ByteString.CopyFrom(body) },
            Text = "large both ways",
        };

        var response = await _channel.UnaryAsync(InteropMethods.UnaryCall, request);

        Assert.Equal(1_300_000, response.Payload.Body.Length);
        Assert.Equal(-1, response.Payload.Body.Span.IndexOfAnyExcept((byte)0));
        Assert.Equal("large both ways", response.Text);
    }

    [Fact]
    public async Task Server_streaming_delivers_every_message_in_order()
    {
        int[] sizes = [31_415, 9, 0, 2_653, 58_979, 200_000];
        var request = new StreamingRequest { ResponseSizes = { sizes } };
        using var call = _channel.ServerStreaming(InteropMethods.StreamingOutputCall, request);

        var received = new List<StreamingResponse>();
        await foreach (var message in call.ReadAllAsync()) received.Add(message);

        Assert.Equal(Enumerable.Range(0, sizes.Length), received.Select(m => m.Index));
        Assert.Equal(sizes, received.Select(m => m.Payload.Body.Length));
        Assert.Equal(StatusCode.OK, call.GetStatus().Code);
    }

    [Fact]
    public async Task Custom_metadata_of_a_unary_call_comes_back_in_headers_and_trailers()
    {
        // Lengths 4 and 5: base64 with padding, which gRPC sends unpadded.
        byte[] headerBytes = [0x00, 0x01, 0xFE, 0xFF];
        byte[] trailerBytes = [0xAB, 0xAB, 0xAB, 0x0A, 0x25];
        var options = new CallOptions
        {
            Headers = new Metadata()
                .Add("x-echo-initial", "test_initial_metadata_value")
                .Add("x-echo-initial-bin", headerBytes)
                .Add("x-echo-trailer-text", "trailing value, with comma")
                .Add("x-echo-trailer-data-bin", trailerBytes),
        };

        var result = await _channel.UnaryCallAsync(InteropMethods.UnaryCall, new SimpleRequest { ResponseSize = 314, Text = "m" }, options);

        Assert.Equal("m", result.Response.Text);
        Assert.Equal("test_initial_metadata_value", result.Headers.GetValue("x-echo-initial"));
        Assert.Equal(headerBytes, result.Headers.GetBytes("x-echo-initial-bin"));
        Assert.Equal("trailing value, with comma", result.Trailers.GetValue("x-echo-trailer-text"));
        Assert.Equal(trailerBytes, result.Trailers.GetBytes("x-echo-trailer-data-bin"));
        Assert.Null(result.Headers.GetValue("x-echo-trailer-text"));
        Assert.Null(result.Trailers.GetValue("x-echo-initial"));
    }

    [Fact]
    public async Task Custom_metadata_of_a_stream_comes_back_in_headers_before_the_messages_and_in_trailers()
    {
        byte[] headerBytes = [0xFF, 0x00, 0x7F];
        byte[] trailerBytes = [0x01, 0x02];
        var options = new CallOptions
        {
            Headers = new Metadata()
                .Add("x-echo-initial", "stream start")
                .Add("x-echo-initial-bin", headerBytes)
                .Add("x-echo-trailer-text", "stream end")
                .Add("x-echo-trailer-data-bin", trailerBytes),
        };
        using var call = _channel.ServerStreaming(InteropMethods.StreamingOutputCall, new StreamingRequest { ResponseSizes = { 5, 6 } }, options);

        // The headers come before any message is read.
        var headers = await call.ResponseHeadersAsync.WaitAsync(Liveness);
        Assert.Equal("stream start", headers.GetValue("x-echo-initial"));
        Assert.Equal(headerBytes, headers.GetBytes("x-echo-initial-bin"));

        var count = 0;
        await foreach (var _ in call.ReadAllAsync()) count++;

        Assert.Equal(2, count);
        Assert.Equal("stream end", call.GetTrailers().GetValue("x-echo-trailer-text"));
        Assert.Equal(trailerBytes, call.GetTrailers().GetBytes("x-echo-trailer-data-bin"));
    }

    [Fact]
    public async Task Repeated_metadata_keys_keep_every_value_in_order()
    {
        byte[][] binaryValues = [[0x00], [0xFF, 0xFE], [0x10, 0x20, 0x30]];
        var headers = new Metadata().Add("x-echo-multi", "first").Add("x-echo-multi", "second");
        foreach (var value in binaryValues)
        {
            headers.Add("x-echo-multi-bin", value);
            headers.Add("x-echo-trailer-multi-bin", value);
        }

        var result = await _channel.UnaryCallAsync(InteropMethods.EmptyCall, new Empty(), new CallOptions { Headers = headers });

        Assert.Equal(binaryValues, result.Headers.GetAll("x-echo-multi-bin").Select(e => e.ValueBytes));
        Assert.Equal(binaryValues, result.Trailers.GetAll("x-echo-trailer-multi-bin").Select(e => e.ValueBytes));
        // Text values may be merged into one comma-separated value on the way, which gRPC allows.
        Assert.Equal("first, second", string.Join(", ", result.Headers.GetAll("x-echo-multi").Select(e => e.Value)));
    }

    [Theory]
    [InlineData(StatusCode.Unknown)]
    [InlineData(StatusCode.FailedPrecondition)]
    [InlineData(StatusCode.Unauthenticated)]
    public async Task Status_code_and_non_ascii_message_of_a_unary_call(StatusCode code)
    {
        // '%' must survive percent-encoding: "%41" is text here, not an escaped 'A'.
        const string message = "規則 ü: 100% over budget (%41)\t…";
        var request = new SimpleRequest { ResponseStatus = new EchoStatus { Code = (int)code, Message = message } };
        var options = new CallOptions { Headers = new Metadata().Add("x-echo-trailer-reason", "budget") };

        var ex = await Assert.ThrowsAsync<RpcException>(() => _channel.UnaryAsync(InteropMethods.UnaryCall, request, options));

        Assert.Equal(code, ex.StatusCode);
        Assert.Equal(message, ex.Status.Detail);
        Assert.Equal("budget", ex.Trailers.GetValue("x-echo-trailer-reason"));
    }

    [Fact]
    public async Task Status_code_and_non_ascii_message_after_streamed_messages()
    {
        const string message = "規則 ü – stopped at 100%";
        var request = new StreamingRequest
        {
            ResponseSizes = { 1, 20_000, 3 },
            ResponseStatus = new EchoStatus { Code = (int)StatusCode.Aborted, Message = message },
        };
        var options = new CallOptions { Headers = new Metadata().Add("x-echo-trailer-why", "stream failed") };
        using var call = _channel.ServerStreaming(InteropMethods.StreamingOutputCall, request, options);

        var received = new List<int>();
        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var response in call.ReadAllAsync()) received.Add(response.Index);
        });

        Assert.Equal([0, 1, 2], received);
        Assert.Equal(StatusCode.Aborted, ex.StatusCode);
        Assert.Equal(message, ex.Status.Detail);
        Assert.Equal("stream failed", ex.Trailers.GetValue("x-echo-trailer-why"));
        Assert.Equal(new Status(StatusCode.Aborted, message), call.GetStatus());
    }

    [Fact]
    public async Task Unimplemented_method()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => _channel.UnaryAsync(InteropMethods.UnimplementedCall, new Empty()));

        Assert.Equal(StatusCode.Unimplemented, ex.StatusCode);
    }

    [Fact]
    public async Task Unimplemented_service()
    {
        // grpc-js serves InteropTest only, not the health service.
        var check = RpcMethod<HealthCheckRequest, HealthCheckResponse>.From(HealthReflection.Descriptor.Services[0], "Check");

        var ex = await Assert.ThrowsAsync<RpcException>(() => _channel.UnaryAsync(check, new HealthCheckRequest()));

        Assert.Equal(StatusCode.Unimplemented, ex.StatusCode);
        Assert.Contains("/grpc.health.v1.Health/Check", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timeout_on_sleeping_server_then_the_next_call_succeeds()
    {
        var sleeping = new SimpleRequest { SleepMs = 20_000 };

        var ex = await Assert.ThrowsAsync<RpcException>(() => _channel
            .UnaryAsync(InteropMethods.UnaryCall, sleeping, new CallOptions { Timeout = TimeSpan.FromMilliseconds(300) })
            .WaitAsync(Liveness));

        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
        var next = await _channel.UnaryAsync(InteropMethods.UnaryCall, new SimpleRequest { Text = "awake" });
        Assert.Equal("awake", next.Text);
    }

    [Fact]
    public async Task Timeout_during_a_stream_after_its_first_message()
    {
        var request = new StreamingRequest { ResponseSizes = { 1, 1, 1 }, IntervalMs = 20_000 };
        using var call = _channel.ServerStreaming(InteropMethods.StreamingOutputCall, request,
            new CallOptions { Deadline = DateTime.UtcNow.AddSeconds(2) });

        var received = 0;
        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var _ in call.ReadAllAsync()) received++;
        }).WaitAsync(Liveness);

        Assert.Equal(1, received);
        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
    }

    [Fact]
    public async Task Cancel_after_first_response_then_the_server_still_answers()
    {
        var request = new StreamingRequest { ResponseSizes = { 31_415, 9, 2_653, 58_979 }, IntervalMs = 1_000 };
        using var cts = new CancellationTokenSource();
        using var call = _channel.ServerStreaming(InteropMethods.StreamingOutputCall, request, new CallOptions { CancellationToken = cts.Token });

        var received = new List<int>();
        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var response in call.ReadAllAsync())
            {
                received.Add(response.Payload.Body.Length);
                cts.Cancel();
            }
        }).WaitAsync(Liveness);

        Assert.Equal([31_415], received);
        Assert.Equal(StatusCode.Cancelled, ex.StatusCode);
        Assert.Equal(StatusCode.Cancelled, call.GetStatus().Code);
        await AssertServerAnswersAsync(_channel);
    }

    [Fact]
    public async Task Disposing_a_stream_after_first_response_cancels_it_and_the_server_still_answers()
    {
        var request = new StreamingRequest { ResponseSizes = { 10, 10, 10, 10 }, IntervalMs = 1_000 };
        using var call = _channel.ServerStreaming(InteropMethods.StreamingOutputCall, request);
        await using (var messages = call.ReadAllAsync().GetAsyncEnumerator())
        {
            Assert.True(await messages.MoveNextAsync().AsTask().WaitAsync(Liveness));
            Assert.Equal(0, messages.Current.Index);
            call.Dispose();
        }

        Assert.Equal(StatusCode.Cancelled, call.GetStatus().Code);
        await AssertServerAnswersAsync(_channel);
    }

    [Fact]
    public async Task A_response_over_the_receive_limit_is_resource_exhausted_and_the_channel_goes_on()
    {
        using var channel = RpcChannel.ForAddress(AddressOf(fixture), new RpcChannelOptions { MaxReceiveMessageSize = 64 * 1024 });

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            channel.UnaryAsync(InteropMethods.UnaryCall, new SimpleRequest { ResponseSize = 64 * 1024 + 1 }));

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
        var atLimit = await channel.UnaryAsync(InteropMethods.UnaryCall, new SimpleRequest { ResponseSize = 64 * 1024 - 16 });
        Assert.Equal(64 * 1024 - 16, atLimit.Payload.Body.Length);
    }

    [Fact]
    public async Task A_streamed_message_over_the_receive_limit_ends_the_stream_as_resource_exhausted()
    {
        using var channel = RpcChannel.ForAddress(AddressOf(fixture), new RpcChannelOptions { MaxReceiveMessageSize = 64 * 1024 });
        using var call = channel.ServerStreaming(InteropMethods.StreamingOutputCall, new StreamingRequest { ResponseSizes = { 100, 200 * 1024, 100 } });

        var received = new List<int>();
        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var response in call.ReadAllAsync()) received.Add(response.Index);
        });

        Assert.Equal([0], received);
        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
        await AssertServerAnswersAsync(channel);
    }

    [Fact]
    public async Task Two_hundred_concurrent_calls_over_one_channel_each_get_their_own_response()
    {
        var calls = Enumerable.Range(0, 200)
            .Select(i => _channel.UnaryAsync(InteropMethods.UnaryCall, new SimpleRequest { Text = $"call {i}", ResponseSize = i * 10, SleepMs = 20 }))
            .ToArray();

        var responses = await Task.WhenAll(calls).WaitAsync(Liveness);

        for (var i = 0; i < responses.Length; i++)
        {
            Assert.Equal($"call {i}", responses[i].Text);
            Assert.Equal(i * 10, responses[i].Payload.Body.Length);
        }
    }

    [Fact]
    public async Task Retry_of_unavailable_against_a_stopped_server_tries_every_attempt_then_gives_up()
    {
        var server = new GrpcJsServerFixture();
        try
        {
            await server.InitializeAsync();
            using var handler = new AttemptCountingHandler();
            using var channel = RpcChannel.ForAddress(AddressOf(server), new RpcChannelOptions
            {
                Handler = handler,
                Resilience = RpcResilience.RetryUnavailable(maxRetryAttempts: 2, baseDelay: TimeSpan.FromMilliseconds(10)),
            });
            await AssertServerAnswersAsync(channel);
            Assert.Equal(1, handler.Attempts);

            await server.DisposeAsync();
            var ex = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(InteropMethods.EmptyCall, new Empty()).WaitAsync(Liveness));

            Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
            Assert.Equal(1 + 3, handler.Attempts);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Retry_of_unavailable_reaches_a_server_that_came_back_on_the_same_port()
    {
        var first = new GrpcJsServerFixture();
        GrpcJsServerFixture? restarted = null;
        try
        {
            await first.InitializeAsync();
            // The server comes back just before the third attempt: the second meets a closed port.
            using var handler = new AttemptCountingHandler(async attempt =>
            {
                if (attempt != 3) return;
                restarted = new GrpcJsServerFixture { RequestedPort = first.Port };
                await restarted.InitializeAsync();
            });
            using var channel = RpcChannel.ForAddress(AddressOf(first), new RpcChannelOptions
            {
                Handler = handler,
                Resilience = RpcResilience.RetryUnavailable(maxRetryAttempts: 3, baseDelay: TimeSpan.FromMilliseconds(10)),
            });
            await AssertServerAnswersAsync(channel);
            await first.DisposeAsync();

            var response = await channel.UnaryAsync(InteropMethods.UnaryCall, new SimpleRequest { Text = "back" }).WaitAsync(Liveness);

            Assert.Equal("back", response.Text);
            Assert.Equal(3, handler.Attempts);
        }
        finally
        {
            await first.DisposeAsync();
            if (restarted is not null) await restarted.DisposeAsync();
        }
    }

    private static async Task AssertServerAnswersAsync(RpcChannel channel)
    {
        var response = await channel.UnaryAsync(InteropMethods.UnaryCall, new SimpleRequest { Text = "still there", ResponseSize = 8 }).WaitAsync(Liveness);
        Assert.Equal("still there", response.Text);
    }
}
