using System.Net;
using System.Net.Http.Headers;
using Exchange.Rpc.Protocol;
using Google.Protobuf;

namespace Exchange.Rpc.Tests.Client;

/// <summary>
/// An HttpMessageHandler that answers from a function, for responses no well-behaved server
/// sends (proxy errors, broken trailers) and for counting the requests a channel makes.
/// </summary>
public sealed class StubHandler(Func<HttpRequestMessage, int, HttpResponseMessage> respond) : HttpMessageHandler
{
    private int _attempts;

    /// <summary>How many requests reached the handler.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    public HttpRequestMessage? LastRequest { get; private set; }

    public byte[] LastBody { get; private set; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var attempt = Interlocked.Increment(ref _attempts);
        LastRequest = request;
        LastBody = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        return respond(request, attempt);
    }

    /// <summary>A gRPC response with a body of frames and the given trailers.</summary>
    public static HttpResponseMessage Grpc(byte[] body, (string Name, string Value)[]? headers = null, params (string Name, string Value)[] trailers)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK)
        {
            Version = HttpVersion.Version20,
            Content = new ByteArrayContent(body),
        };
        response.Content.Headers.ContentType = new MediaTypeHeaderValue(GrpcHeaders.ContentType);
        foreach (var (name, value) in headers ?? []) response.Headers.TryAddWithoutValidation(name, value);
        foreach (var (name, value) in trailers) response.TrailingHeaders.TryAddWithoutValidation(name, value);
        return response;
    }

    public static HttpResponseMessage Ok(IMessage message, params (string Name, string Value)[] trailers) =>
        Grpc(RawHttp.Frame(message), null, [("grpc-status", "0"), .. trailers]);

    /// <summary>The Trailers-Only form: the status in the headers, no body.</summary>
    public static HttpResponseMessage TrailersOnly(string code, string? message = null, params (string Name, string Value)[] headers)
    {
        var all = new List<(string, string)>(headers) { ("grpc-status", code) };
        if (message is not null) all.Add(("grpc-message", message));
        return Grpc([], [.. all]);
    }

    public static HttpResponseMessage Http(HttpStatusCode status, string contentType = "text/html", string body = "<html>proxy error</html>")
    {
        var response = new HttpResponseMessage(status) { Version = HttpVersion.Version20, Content = new StringContent(body) };
        response.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return response;
    }
}
