using System.Globalization;
using System.Net;
using Exchange.Rpc.Protocol;

namespace Exchange.Rpc.Client;

/// <summary>
/// Reads the status of a call from a response: grpc-status and grpc-message when present,
/// otherwise the HTTP status mapped as the gRPC-over-HTTP/2 specification lists.
/// </summary>
internal static class ResponseStatus
{
    public static Status Parse(string code, string? message)
    {
        var detail = StatusMessageEncoding.Decode(message);
        if (int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 0 and <= 16)
            return new Status((StatusCode)number, detail);
        // A code this client does not know is UNKNOWN; keep the server's message when it sent one.
        return new Status(StatusCode.Unknown, detail.Length > 0 ? detail : $"Unknown grpc-status '{code}'");
    }

    /// <summary>grpc-status and grpc-message from a header collection, or null when absent.</summary>
    public static Status? From(System.Net.Http.Headers.HttpHeaders headers)
    {
        var code = HttpMetadata.Value(headers, GrpcHeaders.Status);
        return code is null ? null : Parse(code, HttpMetadata.Value(headers, GrpcHeaders.Message));
    }

    /// <summary>The status of an HTTP response that carries no grpc-status (a proxy's or a non-gRPC server's answer).</summary>
    public static Status FromHttpStatus(HttpStatusCode status)
    {
        var code = (int)status switch
        {
            400 => StatusCode.Internal,
            401 => StatusCode.Unauthenticated,
            403 => StatusCode.PermissionDenied,
            404 => StatusCode.Unimplemented,
            429 or 502 or 503 or 504 => StatusCode.Unavailable,
            _ => StatusCode.Unknown,
        };
        return new Status(code, $"Bad gRPC response. HTTP status code: {(int)status}");
    }
}
