using System.Net;
using Exchange.Interop.V1;
using Exchange.Rpc.Client;
using Exchange.Rpc.Protocol;

namespace Exchange.Rpc.Tests.Client;

/// <summary>What the client puts on the wire, and what it does not send at all.</summary>
public sealed class RequestTests
{
    private static (RpcChannel Channel, StubHandler Handler) Stub(Metadata? defaults = null)
    {
        var handler = new StubHandler((_, _) => StubHandler.Ok(new SimpleResponse()));
        return (RpcChannel.ForAddress(new Uri("http://stub.test:8080/"), new RpcChannelOptions { Handler = handler, DefaultHeaders = defaults }), handler);
    }

    private static string? Header(HttpRequestMessage request, string name) =>
        request.Headers.NonValidated.TryGetValues(name, out var values) ? values.ToString() : null;

    [Fact]
    public async Task A_call_is_an_http2_post_of_one_length_prefixed_message()
    {
        var (channel, handler) = Stub();
        using var _ = channel;
        var message = new SimpleRequest { Text = "claim 42", ResponseSize = 3 };

        await channel.UnaryAsync(InteropMethods.UnaryCall, message);

        var request = handler.LastRequest!;
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(HttpVersion.Version20, request.Version);
        Assert.Equal(HttpVersionPolicy.RequestVersionExact, request.VersionPolicy);
        Assert.Equal("http://stub.test:8080/exchange.interop.v1.InteropTest/UnaryCall", request.RequestUri!.ToString());
        Assert.Equal("application/grpc", request.Content!.Headers.ContentType!.MediaType);
        Assert.Equal("trailers", Header(request, "te"));
        Assert.Equal("identity,gzip", Header(request, "grpc-accept-encoding"));
        Assert.StartsWith("exchange-rpc-dotnet/", Header(request, "user-agent"));
        Assert.Null(Header(request, "grpc-timeout"));
        Assert.Equal(RawHttp.Frame(message), handler.LastBody);
    }

    [Fact]
    public async Task Metadata_goes_out_defaults_first_with_binary_values_unpadded()
    {
        var (channel, handler) = Stub(new Metadata().Add("authorization", "Bearer t0k3n").Add("x-order", "first"));
        using var _ = channel;
        var headers = new Metadata().Add("x-order", "second").Add("x-trace-bin", [0xFF, 0x00]).Add("user-agent", "exchange-portal/2");

        await channel.UnaryAsync(InteropMethods.UnaryCall, new SimpleRequest(), new CallOptions { Headers = headers });

        var request = handler.LastRequest!;
        Assert.Equal("Bearer t0k3n", Header(request, "authorization"));
        Assert.Equal(["first", "second"], request.Headers.NonValidated["x-order"]);
        Assert.Equal("/wA", Header(request, "x-trace-bin"));
        Assert.StartsWith("exchange-portal/2 exchange-rpc-dotnet/", Header(request, "user-agent"));
    }

    [Fact]
    public async Task A_deadline_is_sent_as_grpc_timeout_no_longer_than_what_is_left()
    {
        var (channel, handler) = Stub();
        using var _ = channel;

        await channel.UnaryAsync(InteropMethods.UnaryCall, new SimpleRequest(), new CallOptions { Timeout = TimeSpan.FromSeconds(30) });

        Assert.True(GrpcTimeout.TryParse(Header(handler.LastRequest!, "grpc-timeout"), out var sent));
        Assert.InRange(sent, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task The_earlier_of_deadline_and_timeout_wins()
    {
        var (channel, handler) = Stub();
        using var _ = channel;

        await channel.UnaryAsync(InteropMethods.UnaryCall, new SimpleRequest(),
            new CallOptions { Deadline = DateTime.UtcNow.AddHours(1), Timeout = TimeSpan.FromSeconds(30) });

        Assert.True(GrpcTimeout.TryParse(Header(handler.LastRequest!, "grpc-timeout"), out var sent));
        Assert.True(sent <= TimeSpan.FromSeconds(30), $"sent {sent}");
    }

    [Fact]
    public async Task A_deadline_already_past_fails_without_sending()
    {
        var (channel, handler) = Stub();
        using var _ = channel;

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            channel.UnaryAsync(InteropMethods.UnaryCall, new SimpleRequest(), new CallOptions { Deadline = DateTime.UtcNow.AddSeconds(-1) }));

        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
        Assert.Equal(0, handler.Attempts);
    }

    [Fact]
    public async Task A_stream_with_a_deadline_already_past_fails_without_sending()
    {
        var (channel, handler) = Stub();
        using var _ = channel;
        using var call = channel.ServerStreaming(InteropMethods.StreamingOutputCall, new StreamingRequest(), new CallOptions { Timeout = TimeSpan.Zero });

        var headersFailure = await Assert.ThrowsAsync<RpcException>(() => call.ResponseHeadersAsync);
        var readFailure = await Assert.ThrowsAsync<RpcException>(async () => { await foreach (var m in call.ReadAllAsync()) { } });

        Assert.Equal(StatusCode.DeadlineExceeded, headersFailure.StatusCode);
        Assert.Equal(StatusCode.DeadlineExceeded, readFailure.StatusCode);
        Assert.Equal(StatusCode.DeadlineExceeded, call.GetStatus().Code);
        Assert.Equal(0, handler.Attempts);
    }

    [Fact]
    public async Task A_token_already_cancelled_fails_without_sending()
    {
        var (channel, handler) = Stub();
        using var _ = channel;

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            channel.UnaryAsync(InteropMethods.UnaryCall, new SimpleRequest(), new CallOptions { CancellationToken = new CancellationToken(true) }));

        Assert.Equal(StatusCode.Cancelled, ex.StatusCode);
        Assert.Equal(0, handler.Attempts);
    }
}
