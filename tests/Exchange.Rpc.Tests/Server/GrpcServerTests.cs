using System.Diagnostics;
using System.Net;
using Exchange.Interop.V1;
using Exchange.Rpc.Protocol;
using Google.Protobuf;

namespace Exchange.Rpc.Tests.Server;

/// <summary>The server's gRPC wire behaviour, seen through a plain HTTP/2 client.</summary>
public sealed class GrpcServerTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Unary = "/exchange.interop.v1.InteropTest/UnaryCall";
    private readonly HttpClient _http = RawHttp.H2Client();

    private Task<HttpResponseMessage> Send(string path, byte[] body, params (string, string)[] headers) =>
        _http.SendAsync(RawHttp.GrpcRequest(fixture.Server.H2Address, path, body, headers));

    [Fact]
    public async Task A_unary_call_answers_headers_one_message_and_status_in_trailers()
    {
        using var response = await Send(Unary, RawHttp.Frame(new SimpleRequest { ResponseSize = 10, Text = "Suwa" }));
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/grpc", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, body[0]);
        var message = SimpleResponse.Parser.ParseFrom(body.AsSpan(5).ToArray());
        Assert.Equal(body.Length - 5, (body[1] << 24) | (body[2] << 16) | (body[3] << 8) | body[4]);
        Assert.Equal("Suwa", message.Text);
        Assert.Equal(10, message.Payload.Body.Length);
        Assert.Equal("0", response.TrailingHeaders.GetValues("grpc-status").Single());
        Assert.False(response.Headers.Contains("grpc-status"));
    }

    [Fact]
    public async Task An_error_before_any_message_is_a_trailers_only_response_with_an_encoded_message()
    {
        var request = new SimpleRequest { ResponseStatus = new EchoStatus { Code = 9, Message = "rule 規則: 100% over" } };
        using var response = await Send(Unary, RawHttp.Frame(request));
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(body);
        Assert.Equal("9", response.Headers.GetValues("grpc-status").Single());
        Assert.Equal("rule %E8%A6%8F%E5%89%87: 100%25 over", response.Headers.GetValues("grpc-message").Single());
        Assert.Empty(response.TrailingHeaders);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(16)]
    public async Task Every_status_code_travels(int code)
    {
        var request = new SimpleRequest { ResponseStatus = new EchoStatus { Code = code, Message = $"code {code}" } };
        using var response = await Send(Unary, RawHttp.Frame(request));
        Assert.Equal(code.ToString(System.Globalization.CultureInfo.InvariantCulture), RawHttp.GrpcStatus(response));
        Assert.Equal($"code {code}", RawHttp.GrpcMessage(response));
    }

    [Fact]
    public async Task A_deadline_cancels_the_handler_and_answers_deadline_exceeded()
    {
        var watch = Stopwatch.StartNew();
        using var response = await Send(Unary, RawHttp.Frame(new SimpleRequest { SleepMs = 20_000 }), ("grpc-timeout", "200m"));
        await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("4", RawHttp.GrpcStatus(response));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), "the handler's sleep was not cut short");
    }

    [Theory]
    [InlineData("1H")]
    [InlineData("1M")]
    [InlineData("10S")]
    [InlineData("10000m")]
    [InlineData("10000000u")]
    [InlineData("99999999n")]
    public async Task Every_timeout_unit_is_accepted(string timeout)
    {
        using var response = await Send(Unary, RawHttp.Frame(new SimpleRequest { Text = "t" }), ("grpc-timeout", timeout));
        await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("0", RawHttp.GrpcStatus(response));
    }

    [Fact]
    public async Task A_timeout_in_nanoseconds_shorter_than_the_handler_expires()
    {
        using var response = await Send(Unary, RawHttp.Frame(new SimpleRequest { SleepMs = 5_000 }), ("grpc-timeout", "50000000n"));
        await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("4", RawHttp.GrpcStatus(response));
    }

    [Fact]
    public async Task A_malformed_timeout_is_refused_with_a_reason()
    {
        using var response = await Send(Unary, RawHttp.Frame(new SimpleRequest()), ("grpc-timeout", "soon"));
        Assert.Equal("13", RawHttp.GrpcStatus(response));
        Assert.Contains("grpc-timeout", RawHttp.GrpcMessage(response));
    }

    [Fact]
    public async Task Custom_metadata_text_and_binary_padded_or_not_is_echoed()
    {
        using var response = await Send("/exchange.interop.v1.InteropTest/EmptyCall", RawHttp.Frame([]),
            ("x-echo-region", "Hamamatsu"),
            ("x-echo-key-bin", "AQIDBA=="),
            ("x-echo-trailer-sum-bin", "AQIDBAU"));
        await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("0", RawHttp.GrpcStatus(response));
        Assert.Equal("Hamamatsu", response.Headers.GetValues("x-echo-region").Single());
        Assert.Equal("AQIDBA", response.Headers.GetValues("x-echo-key-bin").Single());
        Assert.Equal("AQIDBAU", response.TrailingHeaders.GetValues("x-echo-trailer-sum-bin").Single());
    }

    [Fact]
    public async Task A_request_over_four_mebibytes_is_resource_exhausted()
    {
        var big = new SimpleRequest { Payload = new Payload { Body = ByteString.CopyFrom(new byte[4 * 1024 * 1024 + 1]) } };
        using var response = await Send(Unary, RawHttp.Frame(big));
        Assert.Equal("8", RawHttp.GrpcStatus(response));
    }

    [Fact]
    public async Task Unknown_methods_and_services_are_unimplemented()
    {
        using var method = await Send("/exchange.interop.v1.InteropTest/NoSuchCall", RawHttp.Frame([]));
        using var declared = await Send("/exchange.interop.v1.InteropTest/UnimplementedCall", RawHttp.Frame([]));
        using var service = await Send("/exchange.nothing.v1.Nothing/Call", RawHttp.Frame([]));
        using var clientStreaming = await Send("/exchange.interop.v1.InteropTest/StreamingInputCall", RawHttp.Frame([]));

        Assert.Equal("12", RawHttp.GrpcStatus(method));
        Assert.Equal("12", RawHttp.GrpcStatus(declared));
        Assert.Equal("12", RawHttp.GrpcStatus(service));
        Assert.Contains("Unknown service", RawHttp.GrpcMessage(service));
        Assert.Equal("12", RawHttp.GrpcStatus(clientStreaming));
    }

    [Fact]
    public async Task A_wrong_content_type_is_http_415()
    {
        var request = RawHttp.GrpcRequest(fixture.Server.H2Address, Unary, RawHttp.Frame([]));
        request.Content!.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/plain");
        using var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task A_gzip_request_message_is_accepted()
    {
        var compressed = MessageCompression.Compress(new SimpleRequest { Text = "gzip" }.ToByteArray());
        using var response = await Send(Unary, RawHttp.Frame(compressed, MessageFrame.CompressedFlag), ("grpc-encoding", "gzip"));
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("0", RawHttp.GrpcStatus(response));
        Assert.Equal("gzip", SimpleResponse.Parser.ParseFrom(body.AsSpan(5).ToArray()).Text);
    }

    [Fact]
    public async Task An_unsupported_encoding_is_unimplemented_and_lists_the_supported_ones()
    {
        using var response = await Send(Unary, RawHttp.Frame([1], MessageFrame.CompressedFlag), ("grpc-encoding", "snappy"));
        Assert.Equal("12", RawHttp.GrpcStatus(response));
        Assert.Equal("identity,gzip", response.Headers.GetValues("grpc-accept-encoding").Single());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task A_unary_call_needs_exactly_one_request_message(int messages)
    {
        var body = Enumerable.Range(0, messages).SelectMany(_ => RawHttp.Frame(new SimpleRequest())).ToArray();
        using var response = await Send(Unary, body);
        Assert.Equal("13", RawHttp.GrpcStatus(response));
    }

    [Fact]
    public async Task A_zero_length_request_message_is_the_default_request()
    {
        using var response = await Send("/exchange.interop.v1.InteropTest/EmptyCall", [0, 0, 0, 0, 0]);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("0", RawHttp.GrpcStatus(response));
        Assert.Equal([0, 0, 0, 0, 0], body);
    }

    [Fact]
    public async Task Http1_callers_are_told_that_grpc_needs_http2()
    {
        using var http1 = RawHttp.Http1Client();
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(fixture.Server.Http1Address, Unary)) { Content = new ByteArrayContent(RawHttp.Frame([])) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/grpc");
        using var response = await http1.SendAsync(request);
        Assert.Equal(HttpStatusCode.UpgradeRequired, response.StatusCode);
        Assert.Equal("13", RawHttp.GrpcStatus(response));
    }

    [Fact]
    public async Task Streamed_messages_arrive_before_the_call_ends()
    {
        var request = new StreamingRequest { ResponseSizes = { 1, 2, 3 }, IntervalMs = 1_500 };
        var message = RawHttp.GrpcRequest(fixture.Server.H2Address, "/exchange.interop.v1.InteropTest/StreamingOutputCall", RawHttp.Frame(request));
        var watch = Stopwatch.StartNew();
        using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead);
        await using var stream = await response.Content.ReadAsStreamAsync();
        var first = new byte[5];
        await stream.ReadExactlyAsync(first);
        Assert.True(watch.Elapsed < TimeSpan.FromMilliseconds(1_400), "the first message waited for the second");
        var rest = new MemoryStream();
        await stream.CopyToAsync(rest);
        Assert.Equal("0", RawHttp.GrpcStatus(response));
    }

    private static IEnumerable<byte[]> Frames(byte[] body)
    {
        for (var offset = 0; offset < body.Length;)
        {
            var length = (body[offset + 1] << 24) | (body[offset + 2] << 16) | (body[offset + 3] << 8) | body[offset + 4];
            yield return body.AsSpan(offset + 5, length).ToArray();
            offset += 5 + length;
        }
    }

    [Fact]
    public async Task A_streaming_error_after_messages_goes_in_the_trailers()
    {
        var request = new StreamingRequest { ResponseSizes = { 1, 1 }, ResponseStatus = new EchoStatus { Code = 10, Message = "aborted" } };
        using var response = await Send("/exchange.interop.v1.InteropTest/StreamingOutputCall", RawHttp.Frame(request));
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0, 1], Frames(body).Select(f => StreamingResponse.Parser.ParseFrom(f).Index));
        Assert.Equal("10", response.TrailingHeaders.GetValues("grpc-status").Single());
        Assert.Equal("aborted", response.TrailingHeaders.GetValues("grpc-message").Single());
    }
}
