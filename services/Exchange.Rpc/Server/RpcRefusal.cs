using Exchange.Rpc.Protocol;
using Microsoft.AspNetCore.Http;

namespace Exchange.Rpc.Server;

/// <summary>
/// Answers an RPC request with an error status before any handler runs, in the caller's own
/// protocol, for middleware that refuses calls (authentication, rate limits).
/// </summary>
public static class RpcRefusal
{
    /// <summary>True when the request's content type is one of gRPC or Connect.</summary>
    public static bool IsRpcRequest(HttpRequest request) =>
        GrpcHeaders.IsGrpcOrGrpcWebContentType(request.ContentType)
        || ConnectProtocol.TryParseContentType(request.ContentType, out _, out _);

    /// <summary>
    /// gRPC: a Trailers-Only response carrying <paramref name="status"/>. Connect unary: the JSON
    /// error with the HTTP status Connect assigns to the code. Connect streaming: HTTP 200 and an
    /// end-of-stream envelope carrying the error, so that clients keep the message.
    /// Any other content type: the Connect HTTP status and the detail as plain text.
    /// </summary>
    public static Task WriteAsync(HttpContext http, Status status)
    {
        var contentType = http.Request.ContentType;
        if (GrpcHeaders.IsGrpcOrGrpcWebContentType(contentType))
        {
            GrpcServerCall.Refuse(http, status);
            return Task.CompletedTask;
        }
        if (ConnectProtocol.TryParseContentType(contentType, out var json, out var streaming))
        {
            return streaming
                ? WriteConnectEndStreamAsync(http, status, json)
                : ConnectServerCall.RefuseAsync(http, status);
        }
        http.Response.StatusCode = ConnectProtocol.HttpStatus(status.Code);
        return http.Response.WriteAsync(status.Detail);
    }

    private static Task WriteConnectEndStreamAsync(HttpContext http, Status status, bool json)
    {
        var response = http.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = json ? ConnectProtocol.StreamJsonContentType : ConnectProtocol.StreamProtoContentType;
        var body = ConnectProtocol.EndStreamBody(status, new Metadata());
        var envelope = new byte[MessageFrame.HeaderSize + body.Length];
        MessageFrame.WriteHeader(envelope, MessageFrame.EndStreamFlag, body.Length);
        body.CopyTo(envelope, MessageFrame.HeaderSize);
        response.ContentLength = envelope.Length;
        return response.Body.WriteAsync(envelope).AsTask();
    }
}
