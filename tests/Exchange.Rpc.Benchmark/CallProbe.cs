using System.Net;
using System.Net.Http.Headers;

namespace Exchange.Rpc.Benchmark;

/// <summary>
/// One call sent before any load, proving that a target answers the benchmark's call correctly:
/// HTTP 200, <c>application/grpc</c>, the expected response bytes, and for gRPC servers a
/// <c>grpc-status: 0</c>. The load generator sees only HTTP statuses, so this is where a server
/// that answered with a gRPC error would be caught.
/// </summary>
public static class CallProbe
{
    public static async Task<string?> FindProblemAsync(Uri server, bool expectGrpcStatus)
    {
        using var client = new HttpClient(new SocketsHttpHandler());
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, BenchmarkCall.Path))
        {
            Content = new ByteArrayContent(BenchmarkCall.RequestFrame),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        using var response = await client.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK) return $"HTTP status {(int)response.StatusCode}";
        if (response.Content.Headers.ContentType?.MediaType is not { } mediaType || !mediaType.StartsWith("application/grpc", StringComparison.Ordinal))
            return $"content-type {response.Content.Headers.ContentType}";
        var body = await response.Content.ReadAsByteArrayAsync();
        if (expectGrpcStatus)
        {
            var status = Header(response, "grpc-status");
            if (status != "0") return $"grpc-status {status ?? "missing"} ({Header(response, "grpc-message")})";
        }
        if (!body.AsSpan().SequenceEqual(BenchmarkCall.ResponseFrame))
            return $"response body of {body.Length} bytes differs from the expected {BenchmarkCall.ResponseFrame.Length} bytes";
        return null;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.TrailingHeaders.TryGetValues(name, out var trailer) ? trailer.First()
        : response.Headers.TryGetValues(name, out var header) ? header.First()
        : null;
}
