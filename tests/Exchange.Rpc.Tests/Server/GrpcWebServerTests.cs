using System.Net;
using System.Net.Http.Headers;
using Exchange.Interop.V1;
using Exchange.Rpc.Protocol;
using Google.Protobuf;

namespace Exchange.Rpc.Tests.Server;

/// <summary>
/// gRPC-Web (binary) over HTTP/1.1 and HTTP/2: gRPC's frames, with the status and trailers as the
/// body's last frame (flag 0x80) rather than HTTP trailers.
/// </summary>
public sealed class GrpcWebServerTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Unary = "/exchange.interop.v1.InteropTest/UnaryCall";
    private const string Streaming = "/exchange.interop.v1.InteropTest/StreamingOutputCall";

    private static HttpRequestMessage Request(Uri server, string path, IMessage message, Version version, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, path))
        {
            Content = new ByteArrayContent(RawHttp.Frame(message)),
            Version = version,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc-web+proto");
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }

    /// <summary>The body's frames: (flags, payload) each.</summary>
    private static List<(byte Flags, byte[] Payload)> Frames(byte[] body)
    {
        var frames = new List<(byte, byte[])>();
        for (var offset = 0; offset < body.Length;)
        {
            var length = (body[offset + 1] << 24) | (body[offset + 2] << 16) | (body[offset + 3] << 8) | body[offset + 4];
            frames.Add((body[offset], body.AsSpan(offset + 5, length).ToArray()));
            offset += 5 + length;
        }
        return frames;
    }

    private static Dictionary<string, string> Trailers(byte[] payload) =>
        GrpcWebTrailers.Parse(payload).ToDictionary(t => t.Key, t => t.Value);

    [Fact]
    public async Task A_unary_call_over_http1_ends_with_a_trailers_frame()
    {
        using var http1 = RawHttp.Http1Client();
        using var response = await http1.SendAsync(Request(fixture.Server.Http1Address, Unary,
            new SimpleRequest { ResponseSize = 10, Text = "Jena" }, HttpVersion.Version11, ("x-echo-trailer-note", "kept")));
        var frames = Frames(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/grpc-web+proto", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(2, frames.Count);
        Assert.Equal(0, frames[0].Flags);
        Assert.Equal("Jena", SimpleResponse.Parser.ParseFrom(frames[0].Payload).Text);
        Assert.Equal(GrpcWebTrailers.Flag, frames[1].Flags);
        var trailers = Trailers(frames[1].Payload);
        Assert.Equal("0", trailers["grpc-status"]);
        Assert.Equal("kept", trailers["x-echo-trailer-note"]);
        Assert.False(response.Headers.Contains("grpc-status"));
    }

    [Fact]
    public async Task A_stream_over_http2_ends_with_its_error_in_the_trailers_frame_not_in_http_trailers()
    {
        using var h2 = RawHttp.H2Client();
        var request = new StreamingRequest { ResponseSizes = { 1, 1 }, ResponseStatus = new EchoStatus { Code = 10, Message = "aborted: 中止" } };
        using var response = await h2.SendAsync(Request(fixture.Server.H2Address, Streaming, request, HttpVersion.Version20));
        var frames = Frames(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal([0, 1], frames.Take(2).Select(f => StreamingResponse.Parser.ParseFrom(f.Payload).Index));
        var trailers = Trailers(frames[^1].Payload);
        Assert.Equal(GrpcWebTrailers.Flag, frames[^1].Flags);
        Assert.Equal("10", trailers["grpc-status"]);
        Assert.Equal("aborted: 中止", StatusMessageEncoding.Decode(trailers["grpc-message"]));
        Assert.Empty(response.TrailingHeaders);
    }

    [Fact]
    public async Task An_error_before_any_message_is_answered_in_the_headers()
    {
        using var http1 = RawHttp.Http1Client();
        var request = new SimpleRequest { ResponseStatus = new EchoStatus { Code = 9, Message = "rule" } };
        using var response = await http1.SendAsync(Request(fixture.Server.Http1Address, Unary, request, HttpVersion.Version11));

        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/grpc-web+proto", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("9", response.Headers.GetValues("grpc-status").Single());
        Assert.Equal("rule", response.Headers.GetValues("grpc-message").Single());
    }

    [Fact]
    public async Task An_unknown_method_is_unimplemented_in_grpc_web_terms()
    {
        using var http1 = RawHttp.Http1Client();
        using var response = await http1.SendAsync(Request(fixture.Server.Http1Address, "/exchange.interop.v1.InteropTest/NoSuchCall", new SimpleRequest(), HttpVersion.Version11));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("12", response.Headers.GetValues("grpc-status").Single());
    }
}
