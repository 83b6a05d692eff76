using Exchange.Rpc.Protocol;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Exchange.Rpc.Server;

/// <summary>
/// One RPC bound to an HTTP path. It picks the protocol by content type: gRPC
/// (<c>application/grpc*</c>; gRPC-Web, <c>application/grpc-web*</c>, over any HTTP version), Connect (<c>application/json</c>, <c>application/proto</c>,
/// <c>application/connect+*</c>), anything else HTTP 415.
/// </summary>
internal abstract class ServerMethod(MethodDescriptor descriptor, RpcServerOptions options, ILogger logger)
{
    public MethodDescriptor Descriptor { get; } = descriptor;

    public string Path { get; } = $"/{descriptor.Service.FullName}/{descriptor.Name}";

    protected RpcServerOptions Options { get; } = options;

    protected ILogger Logger { get; } = logger;

    public Task HandleAsync(HttpContext http)
    {
        var contentType = http.Request.ContentType;
        if (GrpcHeaders.IsGrpcOrGrpcWebContentType(contentType)) return HandleGrpcAsync(http);
        if (ConnectProtocol.TryParseContentType(contentType, out var json, out var streaming))
        {
            if (streaming != Descriptor.IsServerStreaming || Descriptor.IsClientStreaming)
            {
                return Descriptor.IsClientStreaming
                    ? ConnectServerCall.RefuseAsync(http, new Status(StatusCode.Unimplemented, $"{Path} streams requests; this server does not support client streaming"))
                    : UnsupportedMediaType(http, streaming
                        ? $"{Path} is a unary method: use application/json or application/proto"
                        : $"{Path} streams its responses: use application/connect+json or application/connect+proto");
            }
            return HandleConnectAsync(http, json, streaming);
        }
        return UnsupportedMediaType(http, $"Content type '{contentType}' is not supported: use application/grpc, application/json or application/proto");
    }

    protected abstract Task HandleGrpcAsync(HttpContext http);

    protected abstract Task HandleConnectAsync(HttpContext http, bool json, bool streaming);

    internal static Task UnsupportedMediaType(HttpContext http, string message)
    {
        http.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
        http.Response.Headers.Accept = "application/grpc, application/grpc-web, application/json, application/proto, application/connect+json, application/connect+proto";
        return http.Response.WriteAsync(message);
    }
}
