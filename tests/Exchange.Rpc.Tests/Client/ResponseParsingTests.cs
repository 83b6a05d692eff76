using System.Net;
using Exchange.Interop.V1;
using Exchange.Rpc.Client;
using Exchange.Rpc.Protocol;
using Google.Protobuf;

namespace Exchange.Rpc.Tests.Client;

/// <summary>How the client reads responses a real server rarely sends, through a stub handler.</summary>
public sealed class ResponseParsingTests
{
    private static RpcChannel Channel(StubHandler handler) =>
        RpcChannel.ForAddress(new Uri("http://stub.test"), new RpcChannelOptions { Handler = handler });

    private static async Task<RpcException> FailingCall(HttpResponseMessage response)
    {
        using var channel = Channel(new StubHandler((_, _) => response));
        return await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(InteropMethods.UnaryCall, new SimpleRequest()));
    }

    [Theory]
    [InlineData(400, StatusCode.Internal)]
    [InlineData(401, StatusCode.Unauthenticated)]
    [InlineData(403, StatusCode.PermissionDenied)]
    [InlineData(404, StatusCode.Unimplemented)]
    [InlineData(429, StatusCode.Unavailable)]
    [InlineData(502, StatusCode.Unavailable)]
    [InlineData(503, StatusCode.Unavailable)]
    [InlineData(504, StatusCode.Unavailable)]
    [InlineData(500, StatusCode.Unknown)]
    [InlineData(302, StatusCode.Unknown)]
    public async Task An_http_error_without_grpc_status_maps_to_a_status(int httpStatus, StatusCode expected)
    {
        var ex = await FailingCall(StubHandler.Http((HttpStatusCode)httpStatus));

        Assert.Equal(expected, ex.StatusCode);
        Assert.Contains(httpStatus.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Status.Detail);
    }

    [Fact]
    public async Task A_grpc_status_in_the_headers_wins_over_the_http_status()
    {
        var response = StubHandler.TrailersOnly("13", "gRPC requires HTTP/2");
        response.StatusCode = HttpStatusCode.UpgradeRequired;

        var ex = await FailingCall(response);

        Assert.Equal(StatusCode.Internal, ex.StatusCode);
        Assert.Equal("gRPC requires HTTP/2", ex.Status.Detail);
    }

    [Fact]
    public async Task Trailers_only_carries_status_message_and_metadata_in_the_headers()
    {
        var ex = await FailingCall(StubHandler.TrailersOnly("5", "caf%C3%A9 100%25 gone", ("x-claim", "c-17"), ("x-detail-bin", "AAEC")));

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        Assert.Equal("café 100% gone", ex.Status.Detail);
        Assert.Equal("c-17", ex.Trailers.GetValue("x-claim"));
        Assert.Equal([0, 1, 2], ex.Trailers.GetBytes("x-detail-bin"));
    }

    [Fact]
    public async Task A_200_that_is_not_grpc_is_internal()
    {
        var ex = await FailingCall(StubHandler.Http(HttpStatusCode.OK, "text/html"));

        Assert.Equal(StatusCode.Internal, ex.StatusCode);
        Assert.Contains("text/html", ex.Status.Detail);
    }

    [Fact]
    public async Task A_response_that_ends_without_grpc_status_is_internal()
    {
        var ex = await FailingCall(StubHandler.Grpc(RawHttp.Frame(new SimpleResponse { Text = "x" })));

        Assert.Equal(StatusCode.Internal, ex.StatusCode);
    }

    [Theory]
    [InlineData("42")]
    [InlineData("-1")]
    [InlineData("OK")]
    public async Task A_status_code_the_client_does_not_know_is_unknown(string code)
    {
        var ex = await FailingCall(StubHandler.TrailersOnly(code, "odd"));

        Assert.Equal(StatusCode.Unknown, ex.StatusCode);
        Assert.Equal("odd", ex.Status.Detail);
    }

    [Fact]
    public async Task The_status_in_the_trailers_comes_with_their_metadata()
    {
        var ex = await FailingCall(StubHandler.Grpc([], null, ("grpc-status", "9"), ("grpc-message", "cap%20reached"), ("x-rule", "ClaimLineMustNotExceedCap")));

        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Equal("cap reached", ex.Status.Detail);
        Assert.Equal("ClaimLineMustNotExceedCap", ex.Trailers.GetValue("x-rule"));
    }

    [Fact]
    public async Task Binary_trailers_decode_with_and_without_padding()
    {
        using var channel = Channel(new StubHandler((_, _) =>
            StubHandler.Ok(new SimpleResponse(), ("a-bin", "AAE="), ("b-bin", "AAE"), ("c-bin", "AQID,BAU="))));

        var result = await channel.UnaryCallAsync(InteropMethods.UnaryCall, new SimpleRequest());

        Assert.Equal([0, 1], result.Trailers.GetBytes("a-bin"));
        Assert.Equal([0, 1], result.Trailers.GetBytes("b-bin"));
        Assert.Equal([[1, 2, 3], [4, 5]], result.Trailers.GetAll("c-bin").Select(e => e.ValueBytes));
    }

    [Fact]
    public async Task A_gzip_compressed_message_is_decompressed()
    {
        var plain = new SimpleResponse { Text = "compressed", Payload = new Payload { Body = ByteString.CopyFrom(new byte[10_000]) } };
        var body = RawHttp.Frame(MessageCompression.Compress(plain.ToByteArray()), flags: MessageFrame.CompressedFlag);
        using var channel = Channel(new StubHandler((_, _) => StubHandler.Grpc(body, [("grpc-encoding", "gzip")], ("grpc-status", "0"))));

        var response = await channel.UnaryAsync(InteropMethods.UnaryCall, new SimpleRequest());

        Assert.Equal(plain, response);
    }

    [Fact]
    public async Task A_compressed_message_that_expands_past_the_limit_is_resource_exhausted()
    {
        var body = RawHttp.Frame(MessageCompression.Compress(new SimpleResponse { Payload = new Payload { Body = ByteString.CopyFrom(new byte[100_000]) } }.ToByteArray()), flags: MessageFrame.CompressedFlag);
        using var channel = RpcChannel.ForAddress(new Uri("http://stub.test"), new RpcChannelOptions
        {
            Handler = new StubHandler((_, _) => StubHandler.Grpc(body, [("grpc-encoding", "gzip")], ("grpc-status", "0"))),
            MaxReceiveMessageSize = 10_000,
        });

        var ex = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(InteropMethods.UnaryCall, new SimpleRequest()));

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public async Task A_message_encoding_the_client_does_not_support_is_internal()
    {
        var ex = await FailingCall(StubHandler.Grpc(RawHttp.Frame([1, 2, 3], MessageFrame.CompressedFlag), [("grpc-encoding", "snappy")], ("grpc-status", "0")));

        Assert.Equal(StatusCode.Internal, ex.StatusCode);
        Assert.Contains("snappy", ex.Status.Detail);
    }

    [Fact]
    public async Task A_unary_response_with_two_messages_is_internal()
    {
        var frame = RawHttp.Frame(new SimpleResponse { Text = "one" });
        var ex = await FailingCall(StubHandler.Grpc([.. frame, .. frame], null, ("grpc-status", "0")));

        Assert.Equal(StatusCode.Internal, ex.StatusCode);
    }

    [Fact]
    public async Task A_unary_response_without_a_message_is_internal()
    {
        var ex = await FailingCall(StubHandler.Grpc([], null, ("grpc-status", "0")));

        Assert.Equal(StatusCode.Internal, ex.StatusCode);
    }

    [Fact]
    public async Task A_truncated_message_is_internal()
    {
        var ex = await FailingCall(StubHandler.Grpc(RawHttp.Frame(new SimpleResponse { Text = "cut short" })[..8], null, ("grpc-status", "0")));

        Assert.Equal(StatusCode.Internal, ex.StatusCode);
    }

    [Fact]
    public async Task A_failure_to_reach_the_server_is_unavailable()
    {
        using var channel = Channel(new StubHandler((_, _) => throw new HttpRequestException("Connection refused")));

        var ex = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(InteropMethods.UnaryCall, new SimpleRequest()));

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
        Assert.IsType<HttpRequestException>(ex.InnerException);
    }
}
