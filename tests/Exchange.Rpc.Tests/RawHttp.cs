using System.Net;
using System.Net.Http.Headers;
using Exchange.Rpc.Protocol;
using Google.Protobuf;

namespace Exchange.Rpc.Tests;

/// <summary>
/// Plain HttpClient requests for looking at the wire without our RPC client in between.
/// </summary>
public static class RawHttp
{
    public static HttpClient H2Client() => new(new SocketsHttpHandler())
    {
        DefaultRequestVersion = HttpVersion.Version20,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
    };

    public static HttpClient Http1Client() => new(new SocketsHttpHandler());

    public static byte[] Frame(IMessage message, byte flags = 0) => Frame(message.ToByteArray(), flags);

    public static byte[] Frame(byte[] payload, byte flags = 0)
    {
        var bytes = new byte[MessageFrame.HeaderSize + payload.Length];
        MessageFrame.WriteHeader(bytes, flags, payload.Length);
        payload.CopyTo(bytes, MessageFrame.HeaderSize);
        return bytes;
    }

    public static HttpRequestMessage GrpcRequest(Uri server, string path, byte[] body, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, path))
        {
            Content = new ByteArrayContent(body),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }

    /// <summary>The grpc-status of a response: from the trailers, or from the headers (Trailers-Only).</summary>
    public static string? GrpcStatus(HttpResponseMessage response) => Header(response, GrpcHeaders.Status);

    public static string? GrpcMessage(HttpResponseMessage response) => Header(response, GrpcHeaders.Message);

    public static string? Header(HttpResponseMessage response, string name) =>
        response.TrailingHeaders.TryGetValues(name, out var t) ? t.First()
        : response.Headers.TryGetValues(name, out var h) ? h.First()
        : null;
}
