using Exchange.Rpc;
using Exchange.Rpc.Server;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Exchange.Identity.Authentication;

/// <summary>
/// Lets a request through only with a valid bearer token, except the open health paths.
/// Deny by default: not only RPC paths, so that an endpoint added later is never open by
/// accident. RPC callers get UNAUTHENTICATED in their own protocol (gRPC Trailers-Only, or
/// Connect's HTTP 401 with a JSON error); anything else gets a plain HTTP 401.
/// </summary>
public sealed class CallerGateMiddleware(RequestDelegate next, IOptionsMonitor<BearerTokenOptions> options, ILogger<CallerGateMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var bearer = options.Get(BearerTokenHandler.SchemeName);
        if (IsOpen(http.Request.Path, bearer.OpenPaths) || ExchangePrincipal.From(http.User) is not null)
        {
            await next(http).ConfigureAwait(false);
            return;
        }

        // The handler caches its result per request, so this does not validate the token again.
        var result = await http.AuthenticateAsync(BearerTokenHandler.SchemeName).ConfigureAwait(false);
        var reason = result.Failure?.Message ?? TokenRejections.Missing;
        logger.LogInformation("Refused {Method} {Path} from {Peer}: {Reason}",
            http.Request.Method, http.Request.Path.Value, http.Connection.RemoteIpAddress, reason);
        if (!Rpc.Protocol.GrpcHeaders.IsGrpcOrGrpcWebContentType(http.Request.ContentType))
            http.Response.Headers.WWWAuthenticate = "Bearer";
        await RpcRefusal.WriteAsync(http, new Status(StatusCode.Unauthenticated, reason)).ConfigureAwait(false);
    }

    private static bool IsOpen(PathString path, IList<string> openPaths)
    {
        var value = path.Value ?? "";
        foreach (var open in openPaths)
        {
            var matches = open.EndsWith('/')
                ? value.StartsWith(open, StringComparison.Ordinal)
                : string.Equals(value, open, StringComparison.Ordinal);
            if (matches) return true;
        }
        return false;
    }
}
