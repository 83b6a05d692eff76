using System.Net.Http.Headers;
using Exchange.Rpc.Protocol;
using Microsoft.Extensions.Primitives;

namespace Exchange.Rpc.Client;

/// <summary>Moves call metadata into HttpClient request headers and out of response headers and trailers.</summary>
internal static class HttpMetadata
{
    private const string UserAgent = "user-agent";

    /// <summary>
    /// Adds custom metadata to a request: text values as they are, -bin values as unpadded base64.
    /// A user-agent given as metadata is put in front of the library's own, as gRPC clients do.
    /// </summary>
    public static void WriteTo(HttpRequestMessage request, Metadata? defaults, Metadata? call)
    {
        string? userAgent = null;
        foreach (var metadata in (ReadOnlySpan<Metadata?>)[defaults, call])
        {
            if (metadata is null) continue;
            foreach (var entry in metadata)
            {
                if (GrpcHeaders.IsReserved(entry.Key)) continue;
                if (entry.Key == UserAgent && !entry.IsBinary)
                {
                    userAgent = entry.Value;
                    continue;
                }
                var value = entry.IsBinary ? BinaryHeaderValue.Encode(entry.ValueBytes) : entry.Value;
                // A few names (content-language, expires, ...) are content headers for HttpClient.
                if (!request.Headers.TryAddWithoutValidation(entry.Key, value))
                    request.Content?.Headers.TryAddWithoutValidation(entry.Key, value);
            }
        }
        request.Headers.TryAddWithoutValidation(UserAgent, userAgent is null ? GrpcHeaders.UserAgent : $"{userAgent} {GrpcHeaders.UserAgent}");
    }

    /// <summary>The custom metadata of the response headers (content headers included).</summary>
    public static Metadata FromResponse(HttpResponseMessage response)
    {
        var metadata = new Metadata();
        AddFrom(metadata, response.Headers);
        AddFrom(metadata, response.Content.Headers);
        return metadata;
    }

    public static Metadata FromTrailers(HttpResponseMessage response)
    {
        var metadata = new Metadata();
        AddFrom(metadata, response.TrailingHeaders);
        return metadata;
    }

    /// <summary>The first raw value of a header, or null.</summary>
    public static string? Value(HttpHeaders headers, string name)
    {
        if (!headers.NonValidated.TryGetValues(name, out var values)) return null;
        foreach (var value in values) return value;
        return null;
    }

    private static void AddFrom(Metadata metadata, HttpHeaders headers)
    {
        foreach (var (name, values) in headers.NonValidated)
        {
            if (GrpcHeaders.IsReserved(name)) continue;
            var raw = new string[values.Count];
            var i = 0;
            foreach (var value in values) raw[i++] = value;
            MetadataHeaders.AddValues(metadata, name, new StringValues(raw));
        }
    }
}
