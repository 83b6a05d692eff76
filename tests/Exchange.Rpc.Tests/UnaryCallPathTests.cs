using System.Net;
using Exchange.Interop.V1;
using Exchange.Rpc.Protocol;
using Google.Protobuf;

namespace Exchange.Rpc.Tests;

/// <summary>
/// The unary gRPC path end to end over h2c: a request that has arrived whole is taken without
/// waiting, anything else goes through the general reader with the same answers; handlers that
/// finish at once, later, or past their deadline; metadata set or not set by the handler.
/// </summary>
public sealed class UnaryCallPathTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string UnaryCall = "/exchange.interop.v1.InteropTest/UnaryCall";

    [Fact]
    public async Task A_whole_request_is_answered_with_the_message_then_status_in_trailers()
    {
        using var client = RawHttp.H2Client();
        var body = RawHttp.Frame(new SimpleRequest { ResponseSize = 3, Text = "hello" });
        using var response = await client.SendAsync(RawHttp.GrpcRequest(fixture.Server.H2Address, UnaryCall, body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("identity,gzip", RawHttp.Header(response, GrpcHeaders.AcceptEncoding));
        var message = ParseSingle<SimpleResponse>(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("hello", message.Text);
        Assert.Equal(3, message.Payload.Body.Length);
        Assert.True(response.TrailingHeaders.TryGetValues(GrpcHeaders.Status, out var status));
        Assert.Equal("0", Assert.Single(status));
        Assert.False(response.Headers.Contains(GrpcHeaders.Status));
    }

    [Fact]
    public async Task A_request_arriving_in_pieces_is_read_to_its_end()
    {
        using var client = RawHttp.H2Client();
        var body = RawHttp.Frame(new SimpleRequest { ResponseSize = 2, Text = "slow" });
        var request = RawHttp.GrpcRequest(fixture.Server.H2Address, UnaryCall, []);
        request.Content = new PiecewiseContent(body, pieceSize: 3, pause: TimeSpan.FromMilliseconds(30));
        request.Content.Headers.ContentType = new("application/grpc");
        using var response = await client.SendAsync(request);

        Assert.Equal("0", RawHttp.GrpcStatus(response));
        Assert.Equal("slow", ParseSingle<SimpleResponse>(await response.Content.ReadAsByteArrayAsync()).Text);
    }

    [Fact]
    public async Task Two_messages_in_a_unary_request_are_refused()
    {
        var one = RawHttp.Frame(new SimpleRequest { Text = "a" });
        var status = await CallStatusAsync([.. one, .. one]);
        Assert.Equal(((int)StatusCode.Internal).ToString(), status.Code);
        Assert.Contains("more than one message", status.Message);
    }

    [Fact]
    public async Task A_request_ending_inside_its_message_is_refused()
    {
        var whole = RawHttp.Frame(new SimpleRequest { Text = "cut short" });
        var status = await CallStatusAsync(whole[..^2]);
        Assert.Equal(((int)StatusCode.Internal).ToString(), status.Code);
        Assert.Contains("Incomplete message", status.Message);
    }

    [Fact]
    public async Task A_request_announcing_more_than_the_limit_is_refused()
    {
        var prefix = new byte[MessageFrame.HeaderSize];
        MessageFrame.WriteHeader(prefix, 0, 5 * 1024 * 1024);
        var status = await CallStatusAsync([.. prefix, 1, 2, 3]);
        Assert.Equal(((int)StatusCode.ResourceExhausted).ToString(), status.Code);
    }

    [Fact]
    public async Task A_request_that_is_not_protobuf_is_refused()
    {
        var status = await CallStatusAsync(RawHttp.Frame([0xFF, 0xFF, 0xFF]));
        Assert.Equal(((int)StatusCode.Internal).ToString(), status.Code);
        Assert.Contains("could not be parsed", status.Message);
    }

    [Fact]
    public async Task A_status_thrown_at_once_is_answered_trailers_only()
    {
        using var client = RawHttp.H2Client();
        var body = RawHttp.Frame(new SimpleRequest { ResponseStatus = new EchoStatus { Code = (int)StatusCode.NotFound, Message = "no such mission" } });
        using var response = await client.SendAsync(RawHttp.GrpcRequest(fixture.Server.H2Address, UnaryCall, body));

        Assert.True(response.Headers.TryGetValues(GrpcHeaders.Status, out var status));
        Assert.Equal("5", Assert.Single(status));
        Assert.Equal("no such mission", RawHttp.GrpcMessage(response));
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_handler_that_finishes_later_is_awaited()
    {
        using var client = RawHttp.H2Client();
        var body = RawHttp.Frame(new SimpleRequest { SleepMs = 50, Text = "later" });
        using var response = await client.SendAsync(RawHttp.GrpcRequest(fixture.Server.H2Address, UnaryCall, body));

        Assert.Equal("0", RawHttp.GrpcStatus(response));
        Assert.Equal("later", ParseSingle<SimpleResponse>(await response.Content.ReadAsByteArrayAsync()).Text);
    }

    [Fact]
    public async Task A_handler_past_its_deadline_is_answered_deadline_exceeded()
    {
        using var client = RawHttp.H2Client();
        var body = RawHttp.Frame(new SimpleRequest { SleepMs = 5000 });
        using var response = await client.SendAsync(RawHttp.GrpcRequest(fixture.Server.H2Address, UnaryCall, body, ("grpc-timeout", "100m")));

        Assert.Equal(((int)StatusCode.DeadlineExceeded).ToString(), RawHttp.GrpcStatus(response));
    }

    [Fact]
    public async Task Metadata_set_by_the_handler_goes_to_headers_and_trailers()
    {
        using var client = RawHttp.H2Client();
        var body = RawHttp.Frame(new SimpleRequest { Text = "m" });
        using var response = await client.SendAsync(RawHttp.GrpcRequest(fixture.Server.H2Address, UnaryCall, body,
            ("x-echo-region", "kansai"), ("x-echo-trailer-partner", "lyon")));

        Assert.Equal("kansai", Assert.Single(response.Headers.GetValues("x-echo-region")));
        Assert.Equal("lyon", Assert.Single(response.TrailingHeaders.GetValues("x-echo-trailer-partner")));
        Assert.Equal("0", RawHttp.GrpcStatus(response));
    }

    [Fact]
    public async Task Metadata_reaches_a_trailers_only_answer()
    {
        using var client = RawHttp.H2Client();
        var body = RawHttp.Frame(new SimpleRequest { ResponseStatus = new EchoStatus { Code = (int)StatusCode.Aborted } });
        using var response = await client.SendAsync(RawHttp.GrpcRequest(fixture.Server.H2Address, UnaryCall, body,
            ("x-echo-trailer-reason", "closed")));

        Assert.Equal("10", RawHttp.GrpcStatus(response));
        Assert.Equal("closed", Assert.Single(response.Headers.GetValues("x-echo-trailer-reason")));
    }

    [Fact]
    public async Task A_response_larger_than_the_send_limit_is_not_sent()
    {
        await using var server = await Exchange.Rpc.TestHost.TestServer.StartAsync(configure: o => o.MaxSendMessageSize = 50);
        using var client = RawHttp.H2Client();
        var body = RawHttp.Frame(new SimpleRequest { ResponseSize = 100 });
        using var response = await client.SendAsync(RawHttp.GrpcRequest(server.H2Address, UnaryCall, body));

        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(((int)StatusCode.ResourceExhausted).ToString(), RawHttp.GrpcStatus(response));
    }

    private async Task<(string? Code, string? Message)> CallStatusAsync(byte[] body)
    {
        using var client = RawHttp.H2Client();
        using var response = await client.SendAsync(RawHttp.GrpcRequest(fixture.Server.H2Address, UnaryCall, body));
        await response.Content.ReadAsByteArrayAsync();
        return (RawHttp.GrpcStatus(response), RawHttp.GrpcMessage(response));
    }

    private static T ParseSingle<T>(byte[] body) where T : IMessage<T>, new()
    {
        Assert.True(body.Length >= MessageFrame.HeaderSize, $"the body has {body.Length} bytes, less than a message prefix");
        var length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(body.AsSpan(1, 4));
        Assert.Equal(body.Length, MessageFrame.HeaderSize + length);
        var message = new T();
        message.MergeFrom(body.AsSpan(MessageFrame.HeaderSize).ToArray());
        return message;
    }
}
