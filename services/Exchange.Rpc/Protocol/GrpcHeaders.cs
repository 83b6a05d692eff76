namespace Exchange.Rpc.Protocol;

/// <summary>Header names and values of the gRPC-over-HTTP/2 protocol.</summary>
public static class GrpcHeaders
{
    public const string ContentType = "application/grpc";
    public const string ContentTypeProto = "application/grpc+proto";
    public const string Status = "grpc-status";
    public const string Message = "grpc-message";
    public const string Timeout = "grpc-timeout";
    public const string Encoding = "grpc-encoding";
    public const string AcceptEncoding = "grpc-accept-encoding";
    public const string Te = "te";
    public const string Trailers = "trailers";
    public const string Identity = "identity";
    public const string Gzip = "gzip";
    public const string SupportedEncodings = "identity,gzip";
    public const string UserAgent = "exchange-rpc-dotnet/1.0";

    /// <summary>True for <c>application/grpc</c> and <c>application/grpc+proto</c> (with parameters).</summary>
    public static bool IsGrpcContentType(string? contentType) => IsProtoContentType(contentType, ContentType);

    public const string WebContentType = "application/grpc-web";
    public const string WebContentTypeProto = "application/grpc-web+proto";

    /// <summary>
    /// True for gRPC-Web's binary content types, <c>application/grpc-web</c> and
    /// <c>application/grpc-web+proto</c> (with parameters): gRPC's messages, with the status in a
    /// last frame of the body instead of trailers, so that it works over HTTP/1.1 too.
    /// </summary>
    public static bool IsGrpcWebContentType(string? contentType) => IsProtoContentType(contentType, WebContentType);

    /// <summary><paramref name="baseType"/> itself, with <c>+proto</c>, or with parameters.</summary>
    private static bool IsProtoContentType(string? contentType, string baseType)
    {
        if (contentType is null || !contentType.StartsWith(baseType, StringComparison.OrdinalIgnoreCase)) return false;
        if (contentType.Length == baseType.Length) return true;
        var rest = contentType.AsSpan(baseType.Length);
        return rest[0] == ';' || rest.StartsWith("+proto", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>gRPC or gRPC-Web: the calls a gRPC server answers.</summary>
    public static bool IsGrpcOrGrpcWebContentType(string? contentType) => IsGrpcContentType(contentType) || IsGrpcWebContentType(contentType);

    /// <summary>
    /// Headers that belong to HTTP or to the protocol and are never exposed as custom metadata.
    /// </summary>
    public static bool IsReserved(string key) =>
        key.Length == 0
        || key[0] == ':'
        || (key.StartsWith("grpc-", StringComparison.OrdinalIgnoreCase) && !key.Equals(ErrorDetails.TrailerName, StringComparison.OrdinalIgnoreCase))
        || key.Equals("content-type", StringComparison.OrdinalIgnoreCase)
        || key.Equals("te", StringComparison.OrdinalIgnoreCase)
        || key.Equals("host", StringComparison.OrdinalIgnoreCase)
        || key.Equals("content-length", StringComparison.OrdinalIgnoreCase)
        || key.Equals("connection", StringComparison.OrdinalIgnoreCase)
        || key.Equals("transfer-encoding", StringComparison.OrdinalIgnoreCase)
        || key.Equals("accept-encoding", StringComparison.OrdinalIgnoreCase)
        || key.Equals("content-encoding", StringComparison.OrdinalIgnoreCase);

    /// <summary><see cref="IsReserved"/> for a name known to be in lower case: no case-folding compares.</summary>
    internal static bool IsReservedLowerCase(string key) =>
        key.Length == 0
        || key[0] == ':'
        || (key.StartsWith("grpc-", StringComparison.Ordinal) && key != ErrorDetails.TrailerName)
        || key is "content-type" or "te" or "host" or "content-length" or "connection" or "transfer-encoding"
            or "accept-encoding" or "content-encoding";
}
