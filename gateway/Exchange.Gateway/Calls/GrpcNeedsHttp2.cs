using Exchange.Rpc;
using Exchange.Rpc.Protocol;

namespace Exchange.Gateway.Calls;

/// <summary>
/// gRPC carries its status in HTTP/2 trailers, which an HTTP/1.1 response cannot relay: a gRPC
/// call on the HTTP/1.1 port is answered at once (HTTP 426, grpc-status INTERNAL), pointing to
/// the gRPC port, rather than forwarded and answered without a status.
/// </summary>
public sealed class GrpcNeedsHttp2(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext http)
    {
        if (HttpProtocol.IsHttp2(http.Request.Protocol) || HttpProtocol.IsHttp3(http.Request.Protocol)
            || !GrpcHeaders.IsGrpcContentType(http.Request.ContentType))
            return next(http);
        http.Response.StatusCode = StatusCodes.Status426UpgradeRequired;
        http.Response.Headers[GrpcHeaders.Status] = ((int)StatusCode.Internal).ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.Response.Headers[GrpcHeaders.Message] = StatusMessageEncoding.Encode(
            $"gRPC requires HTTP/2; the request used {http.Request.Protocol}: call the gateway's gRPC port, or use Connect (application/json) here");
        http.Response.ContentType = GrpcHeaders.ContentType;
        return Task.CompletedTask;
    }
}
