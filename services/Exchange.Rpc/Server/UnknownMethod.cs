using Exchange.Rpc.Protocol;
using Microsoft.AspNetCore.Http;

namespace Exchange.Rpc.Server;

/// <summary>Answers calls to a service or method this server does not have.</summary>
internal static class UnknownMethod
{
    public static Task HandleAsync(HttpContext http)
    {
        var service = http.Request.RouteValues["service"] as string ?? "";
        var method = http.Request.RouteValues["method"] as string ?? "";
        var contentType = http.Request.ContentType;
        var known = http.RequestServices.GetService(typeof(UnknownMethodFallbackMarker)) is UnknownMethodFallbackMarker marker
            && marker.KnownServices.Contains(service);
        var status = new Status(StatusCode.Unimplemented, known
            ? $"Unknown method {method} for service {service}"
            : $"Unknown service {service}");
        if (GrpcHeaders.IsGrpcOrGrpcWebContentType(contentType))
        {
            GrpcServerCall.Refuse(http, status);
            return Task.CompletedTask;
        }
        if (ConnectProtocol.TryParseContentType(contentType, out _, out _))
            return ConnectServerCall.RefuseAsync(http, status, StatusCodes.Status404NotFound);
        return ServerMethod.UnsupportedMediaType(http, $"Content type '{contentType}' is not supported: use application/grpc, application/json or application/proto");
    }
}
