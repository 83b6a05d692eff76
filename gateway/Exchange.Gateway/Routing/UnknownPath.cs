using Exchange.Rpc;

namespace Exchange.Gateway.Routing;

/// <summary>
/// Answers a path that is no RPC of a configured service: UNIMPLEMENTED (HTTP 404) naming what
/// was asked for, or, for an RPC path asked with another method than POST, HTTP 405.
/// </summary>
public static class UnknownPath
{
    public static Task HandleAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "/";
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            http.Response.Headers.Allow = "POST";
            return Calls.CallRefusal.WriteAsync(http, new Status(StatusCode.Unimplemented,
                $"{http.Request.Method} {path}: RPCs are called with POST /<package>.<Service>/<Method>"), StatusCodes.Status405MethodNotAllowed);
        }
        var services = http.RequestServices.GetRequiredService<IReadOnlyList<BackendService>>();
        var known = string.Join(", ", services.Select(s => s.Package).Append("exchange.gateway.v1"));
        return Calls.CallRefusal.WriteAsync(http, new Status(StatusCode.Unimplemented,
            $"no service here answers {path}: the gateway routes the packages {known}"), StatusCodes.Status404NotFound);
    }
}
