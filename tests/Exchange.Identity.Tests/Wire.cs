using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Exchange.Rpc.Protocol;
using Google.Protobuf;

namespace Exchange.Identity.Tests;

/// <summary>Plain HttpClient requests, to see exactly what a caller without our client gets.</summary>
public static class Wire
{
    public static HttpClient H2Client() => new(new SocketsHttpHandler())
    {
        DefaultRequestVersion = HttpVersion.Version20,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
    };

    public static HttpClient Http1Client() => new(new SocketsHttpHandler());

    public static byte[] Frame(IMessage message)
    {
        var payload = message.ToByteArray();
        var bytes = new byte[MessageFrame.HeaderSize + payload.Length];
        MessageFrame.WriteHeader(bytes, 0, payload.Length);
        payload.CopyTo(bytes, MessageFrame.HeaderSize);
        return bytes;
    }

    public static HttpRequestMessage Grpc(Uri server, string path, IMessage message, string? authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, path))
        {
            Content = new ByteArrayContent(Frame(message)),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(GrpcHeaders.ContentType);
        request.Headers.TryAddWithoutValidation("te", "trailers");
        if (authorization is not null) request.Headers.TryAddWithoutValidation("authorization", authorization);
        return request;
    }

    public static HttpRequestMessage Connect(Uri server, string path, string json, string? authorization, string contentType = ConnectProtocol.JsonContentType)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, path))
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(json)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        if (authorization is not null) request.Headers.TryAddWithoutValidation("authorization", authorization);
        return request;
    }

    /// <summary>The grpc-status of a response: from the trailers, or from the headers (Trailers-Only).</summary>
    public static string? GrpcStatus(HttpResponseMessage response) => Header(response, GrpcHeaders.Status);

    public static string? GrpcMessage(HttpResponseMessage response) =>
        Header(response, GrpcHeaders.Message) is { } encoded ? StatusMessageEncoding.Decode(encoded) : null;

    private static string? Header(HttpResponseMessage response, string name) =>
        response.TrailingHeaders.TryGetValues(name, out var t) ? t.First()
        : response.Headers.TryGetValues(name, out var h) ? h.First()
        : null;
}
