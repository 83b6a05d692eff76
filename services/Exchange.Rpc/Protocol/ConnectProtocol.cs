using Google.Protobuf.WellKnownTypes;
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

    /// <summary>
    /// The JSON error object: <c>{"code":"not_found","message":"...","details":[...]}</c>. Each detail
    /// carries its type, its binary form in base64 and, for the types Exchange sends, its JSON form
    /// in <c>debug</c> so that browsers need no protobuf decoder.
    /// </summary>
    public static void WriteError(Utf8JsonWriter writer, Status status, IReadOnlyList<Any>? details = null)
    {
        writer.WriteStartObject();
        writer.WriteString("code", CodeName(status.Code));
        if (!string.IsNullOrEmpty(status.Detail)) writer.WriteString("message", status.Detail);
        if (details is { Count: > 0 })
        {
            writer.WriteStartArray("details");
            foreach (var detail in details)
            {
                writer.WriteStartObject();
                writer.WriteString("type", ErrorDetails.ConnectTypeName(detail));
                writer.WriteString("value", BinaryHeaderValue.Encode(detail.Value.ToByteArray()));
                if (ErrorDetails.DebugJson(detail) is { } debug)
                {
                    writer.WritePropertyName("debug");
                    writer.WriteRawValue(debug);
                }
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
    }

    public static byte[] ErrorBody(Status status, IReadOnlyList<Any>? details = null)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream)) WriteError(writer, status, details);
        return stream.ToArray();
    }

    /// <summary>
    /// Splits the trailers of a Connect error: the details travel in the JSON error, not as a
    /// <c>grpc-status-details-bin</c> header.
    /// </summary>
    public static (IReadOnlyList<Any> Details, Metadata Others) SplitDetails(Metadata trailers)
    {
        var details = ErrorDetails.Read(trailers);
        var others = new Metadata();
        foreach (var entry in trailers.Where(e => e.Key != ErrorDetails.TrailerName)) others.Add(entry);
        return (details, others);
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
            var (details, others) = SplitDetails(trailers);
            trailers = others;
            if (status.Code != StatusCode.OK)
            {
                writer.WritePropertyName("error");
                WriteError(writer, status, details);
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
    public static Status ParseError(ReadOnlySpan<byte> body, int httpStatus) => ParseError(body, httpStatus, out _);

    /// <summary>
    /// Reads a Connect error body and its details, returned as a <c>grpc-status-details-bin</c>
    /// trailer so that callers read details the same way whichever protocol carried them.
    /// </summary>
    public static Status ParseError(ReadOnlySpan<byte> body, int httpStatus, out Metadata? detailTrailers)
    {
        detailTrailers = null;
        try
        {
            using var doc = JsonDocument.Parse(body.ToArray());
            var code = doc.RootElement.TryGetProperty("code", out var c) ? ParseCode(c.GetString()) : StatusCode.Unknown;
            var message = doc.RootElement.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "";
            if (doc.RootElement.TryGetProperty("details", out var d) && d.ValueKind == JsonValueKind.Array)
            {
                var details = new List<Any>();
                foreach (var detail in d.EnumerateArray())
                {
                    if (detail.TryGetProperty("type", out var type) && detail.TryGetProperty("value", out var value) &&
                        BinaryHeaderValue.TryDecode(value.GetString() ?? "", out var bytes))
                    {
                        details.Add(new Any { TypeUrl = "type.googleapis.com/" + type.GetString(), Value = Google.Protobuf.ByteString.CopyFrom(bytes) });
                    }
                }
                if (details.Count > 0)
                {
                    var status = new Google.Rpc.Status { Code = (int)code, Message = message };
                    status.Details.AddRange(details);
                    detailTrailers = new Metadata().Add(ErrorDetails.TrailerName, Google.Protobuf.MessageExtensions.ToByteArray(status));
                }
            }
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
