using Exchange.Rpc;
using Exchange.Rpc.Protocol;
using Exchange.Rpc.Server;

namespace Exchange.Gateway.Calls;

/// <summary>
/// Answers a call the gateway refuses or cannot complete, in the caller's protocol: gRPC callers
/// get a Trailers-Only response carrying the status (HTTP 200, as the protocol asks), Connect
/// stream callers an end-of-stream envelope, and everyone else Connect's JSON error,
/// <c>{"code":"unavailable","message":"..."}</c>, with a fitting HTTP status. Never a bare 502.
/// </summary>
public static class CallRefusal
{
    public static Task WriteAsync(HttpContext http, Status status, int? httpStatus = null, IEnumerable<KeyValuePair<string, string>>? headers = null)
    {
        var response = http.Response;
        if (response.HasStarted) return Task.CompletedTask;
        response.Clear();
        if (headers is not null)
        {
            foreach (var (name, value) in headers) response.Headers[name] = value;
        }
        var contentType = http.Request.ContentType;
        if (GrpcHeaders.IsGrpcContentType(contentType)
            || (ConnectProtocol.TryParseContentType(contentType, out _, out var streaming) && streaming))
        {
            return RpcRefusal.WriteAsync(http, status);
        }
        response.StatusCode = httpStatus ?? ConnectProtocol.HttpStatus(status.Code);
        response.ContentType = ConnectProtocol.JsonContentType;
        var body = ConnectProtocol.ErrorBody(status);
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body).AsTask();
    }
}
