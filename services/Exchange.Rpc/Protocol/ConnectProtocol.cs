using System.Text;
using System.Text.Json;

namespace Exchange.Rpc.Protocol;

/// <summary>
/// Names and mappings of the Connect protocol: unary calls as plain HTTP POSTs with JSON or
/// binary protobuf bodies, errors as a JSON body with a code name, and streaming envelopes.
/// </summary>
public static class ConnectProtocol
{
    public const string JsonContentType = "application/json";
    public const string ProtoContentType = "application/proto";
    public const string StreamJsonContentType = "application/connect+json";
    public const string StreamProtoContentType = "application/connect+proto";
    public const string ProtocolVersionHeader = "connect-protocol-version";
    public const string TimeoutHeader = "connect-timeout-ms";
    public const string StreamEncodingHeader = "connect-content-encoding";
    public const string StreamAcceptEncodingHeader = "connect-accept-encoding";
    public const string TrailerPrefix = "trailer-";

    private static readonly string[] CodeNames =
    [
        "ok", "canceled", "unknown", "invalid_argument", "deadline_exceeded", "not_found",
        "already_exists", "permission_denied", "resource_exhausted", "failed_precondition",
        "aborted", "out_of_range", "unimplemented", "internal", "unavailable", "data_loss",
        "unauthenticated",
    ];

    public static string CodeName(StatusCode code) =>
        (int)code is >= 0 and < 17 ? CodeNames[(int)code] : "unknown";

    public static StatusCode ParseCode(string? name)
    {
        var index = Array.IndexOf(CodeNames, name);
        return index > 0 ? (StatusCode)index : StatusCode.Unknown;
    }

    /// <summary>The HTTP status of a unary error response, per the Connect specification.</summary>
    public static int HttpStatus(StatusCode code) => code switch
    {
        StatusCode.Cancelled => 499,
        StatusCode.Unknown => 500,
        StatusCode.InvalidArgument => 400,
        StatusCode.DeadlineExceeded => 504,
        StatusCode.NotFound => 404,
        StatusCode.AlreadyExists => 409,
        StatusCode.PermissionDenied => 403,
        StatusCode.ResourceExhausted => 429,
        StatusCode.FailedPrecondition => 400,
        StatusCode.Aborted => 409,
        StatusCode.OutOfRange => 400,
        StatusCode.Unimplemented => 501,
        StatusCode.Internal => 500,
        StatusCode.Unavailable => 503,
        StatusCode.DataLoss => 500,
        StatusCode.Unauthenticated => 401,
        _ => 500,
    };

    /// <summary>Content type parts: codec ("json" or "proto") and whether it is a streaming type.</summary>
    public static bool TryParseContentType(string? contentType, out bool json, out bool streaming)
    {
        json = false;
        streaming = false;
        if (contentType is null) return false;
        var semicolon = contentType.IndexOf(';');
        var mediaType = (semicolon < 0 ? contentType : contentType[..semicolon]).Trim();
        if (mediaType.Equals(JsonContentType, StringComparison.OrdinalIgnoreCase)) { json = true; return true; }
        if (mediaType.Equals(ProtoContentType, StringComparison.OrdinalIgnoreCase)) return true;
        if (mediaType.Equals(StreamJsonContentType, StringComparison.OrdinalIgnoreCase)) { json = true; streaming = true; return true; }
        if (mediaType.Equals(StreamProtoContentType, StringComparison.OrdinalIgnoreCase)) { streaming = true; return true; }
        return false;
    }

    /// <summary>The JSON error object: <c>{"code":"not_found","message":"..."}</c>.</summary>
    public static void WriteError(Utf8JsonWriter writer, Status status)
    {
        writer.WriteStartObject();
        writer.WriteString("code", CodeName(status.Code));
        if (!string.IsNullOrEmpty(status.Detail)) writer.WriteString("message", status.Detail);
        writer.WriteEndObject();
    }

    public static byte[] ErrorBody(Status status)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream)) WriteError(writer, status);
        return stream.ToArray();
    }

    /// <summary>
    /// The end-of-stream message of a Connect stream: the error (if any) and the trailers, with
    /// binary values in unpadded base64.
    /// </summary>
    public static byte[] EndStreamBody(Status status, Metadata trailers)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            if (status.Code != StatusCode.OK)
            {
                writer.WritePropertyName("error");
                WriteError(writer, status);
            }
            if (trailers.Count > 0)
            {
                writer.WriteStartObject("metadata");
                foreach (var group in trailers.GroupBy(e => e.Key))
                {
                    writer.WriteStartArray(group.Key);
                    foreach (var entry in group)
                        writer.WriteStringValue(entry.IsBinary ? BinaryHeaderValue.Encode(entry.ValueBytes) : entry.Value);
                    writer.WriteEndArray();
                }
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }
        return stream.ToArray();
    }

    /// <summary>Reads a Connect error body; never fails (an unreadable body is UNKNOWN).</summary>
    public static Status ParseError(ReadOnlySpan<byte> body, int httpStatus)
    {
        try
        {
            using var doc = JsonDocument.Parse(body.ToArray());
            var code = doc.RootElement.TryGetProperty("code", out var c) ? ParseCode(c.GetString()) : StatusCode.Unknown;
            var message = doc.RootElement.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "";
            return new Status(code, message);
        }
        catch (JsonException)
        {
            return new Status(StatusCode.Unknown, $"HTTP {httpStatus}: {Encoding.UTF8.GetString(body)}");
        }
    }

    public static bool TryParseTimeout(string? value, out TimeSpan timeout)
    {
        timeout = default;
        if (string.IsNullOrEmpty(value) || value.Length > 10) return false;
        if (!long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ms)) return false;
        timeout = TimeSpan.FromMilliseconds(ms);
        return true;
    }
}
