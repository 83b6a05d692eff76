using System.Net;
using System.Net.Http.Headers;
using Exchange.Rpc.Protocol;
using Google.Protobuf;

namespace Exchange.Gateway.Tests.Infrastructure;

/// <summary>gRPC requests made by hand with HttpClient, for what our client hides or will not send.</summary>
public static class RawGrpc
{
    public static HttpClient H2Client() => new(new SocketsHttpHandler { UseProxy = false })
    {
        DefaultRequestVersion = HttpVersion.Version20,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        Timeout = TimeSpan.FromSeconds(60),
    };

    public static byte[] Frame(IMessage message) => Frame(message.ToByteArray());

    public static byte[] Frame(byte[] payload, byte flags = 0)
    {
        var bytes = new byte[MessageFrame.HeaderSize + payload.Length];
        MessageFrame.WriteHeader(bytes, flags, payload.Length);
        payload.CopyTo(bytes, MessageFrame.HeaderSize);
        return bytes;
    }

    public static HttpRequestMessage Request(Uri server, string path, HttpContent body, string? apiKey, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, path))
        {
            Content = body,
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Content.Headers.ContentType ??= new MediaTypeHeaderValue("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        if (apiKey is not null) request.Headers.TryAddWithoutValidation("x-api-key", apiKey);
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }

    /// <summary>Sends and reads the whole response, so that its trailers have arrived.</summary>
    public static async Task<GrpcAnswer> Send(HttpClient client, HttpRequestMessage request)
    {
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers).Concat(response.TrailingHeaders))
            headers[name] = string.Join(",", values);
        return new GrpcAnswer(response.StatusCode, body, headers);
    }
}

/// <summary>A gRPC response as seen on the wire: HTTP status, body, headers and trailers together.</summary>
public sealed record GrpcAnswer(HttpStatusCode HttpStatus, byte[] Body, IReadOnlyDictionary<string, string> Headers)
{
    public string? GrpcStatus => Headers.GetValueOrDefault("grpc-status");

    public string GrpcMessage => StatusMessageEncoding.Decode(Headers.GetValueOrDefault("grpc-message"));

    public override string ToString() => $"HTTP {(int)HttpStatus} grpc-status {GrpcStatus} '{GrpcMessage}'";
}

/// <summary>A request body sent in pieces with no announced length, as streaming gRPC clients send it.</summary>
public sealed class UnannouncedContent(byte[] bytes) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
    {
        for (var offset = 0; offset < bytes.Length; offset += 16 * 1024)
        {
            await stream.WriteAsync(bytes.AsMemory(offset, Math.Min(16 * 1024, bytes.Length - offset)));
            await stream.FlushAsync();
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
