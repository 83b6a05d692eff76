using System.Globalization;
using Exchange.Gateway.Routing;
using Exchange.Rpc.Protocol;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Calls;

/// <summary>
/// Bounds unary calls by <see cref="LimitOptions.UnaryTimeout"/>. The service is told the
/// deadline in the caller's protocol (<c>grpc-timeout</c>, <c>connect-timeout-ms</c>) unless the
/// caller already set a shorter one, so it answers DEADLINE_EXCEEDED itself and stops working;
/// a malformed deadline is passed on as it came, for the service to refuse in the protocol's
/// words; a service that does not answer at all is cut by the gateway a moment later
/// (<see cref="CallDeadline"/>, answered by <see cref="BackendFailures"/>). Server streams are
/// left alone: they may rightly last long.
/// </summary>
public sealed class UnaryDeadline(RequestDelegate next, RpcCatalog catalog, IOptions<LimitOptions> options)
{
    /// <summary>Time for the service's own DEADLINE_EXCEEDED to arrive before the gateway cuts the call.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromMilliseconds(500);

    private readonly TimeSpan _timeout = options.Value.UnaryTimeout;

    public async Task InvokeAsync(HttpContext http)
    {
        var headers = http.Request.Headers;
        var contentType = http.Request.ContentType;
        TimeSpan timeout;
        if (GrpcHeaders.IsGrpcContentType(contentType))
        {
            if (catalog.IsServerStreaming(http.Request.Path.Value ?? "")) { await next(http); return; }
            var given = headers.GrpcTimeout.ToString();
            timeout = GrpcTimeout.TryParse(given, out var asked) && asked < _timeout ? asked : _timeout;
            if (timeout == _timeout && (given.Length == 0 || asked > TimeSpan.Zero)) headers.GrpcTimeout = GrpcTimeout.Format(timeout);
        }
        else if (ConnectProtocol.TryParseContentType(contentType, out _, out var streaming))
        {
            if (streaming) { await next(http); return; }
            var given = headers[ConnectProtocol.TimeoutHeader].ToString();
            timeout = ConnectProtocol.TryParseTimeout(given, out var asked) && asked < _timeout ? asked : _timeout;
            if (timeout == _timeout && (given.Length == 0 || asked > TimeSpan.Zero))
                headers[ConnectProtocol.TimeoutHeader] = ((long)timeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            // Not an RPC: refused further on, or answered by the gateway itself.
            await next(http);
            return;
        }

        using var deadline = new CallDeadline(http.RequestAborted, timeout + Grace, timeout);
        http.Features.Set(deadline);
        var callerToken = http.RequestAborted;
        http.RequestAborted = deadline.Token;
        try
        {
            await next(http);
        }
        finally
        {
            http.RequestAborted = callerToken;
        }
    }
}
