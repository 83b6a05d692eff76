using System.Diagnostics;
using Exchange.Gateway.Keys;
using Exchange.Rpc.Protocol;
using Microsoft.AspNetCore.Http.Features;

namespace Exchange.Gateway.Calls;

/// <summary>
/// One log line per call, when it ends: path, protocol, outcome (gRPC status or HTTP status),
/// duration, and who called (key id, organisation, role) with the correlation id. Never the key
/// or the token: the key id names the caller without being usable.
/// </summary>
public sealed partial class AccessLog(RequestDelegate next, ILoggerFactory loggers)
{
    public const string Category = "Exchange.Gateway.Access";

    private readonly ILogger _logger = loggers.CreateLogger(Category);

    public async Task InvokeAsync(HttpContext http)
    {
        var started = Stopwatch.GetTimestamp();
        // Read now: the key gate removes what callers sent, and the path is what they asked for.
        var path = http.Request.Path.Value ?? "";
        try
        {
            await next(http);
        }
        finally
        {
            if (_logger.IsEnabled(LogLevel.Information)) Write(http, path, Stopwatch.GetElapsedTime(started));
        }
    }

    private void Write(HttpContext http, string path, TimeSpan elapsed)
    {
        var caller = http.Features.Get<GatewayCaller>();
        var (protocol, outcome) = Outcome(http);
        Call(_logger, http.Request.Method, path, protocol, outcome, elapsed.TotalMilliseconds,
            caller?.KeyId ?? "-", caller?.OrganisationId ?? "-", caller?.RoleValue ?? "-",
            http.Features.Get<CallCorrelationId>()?.Value ?? "-");
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "{HttpMethod} {Path} {Protocol} {Outcome} in {DurationMs:0.###} ms key={KeyId} org={OrganisationId} role={Role} correlation={CorrelationId}")]
    private static partial void Call(ILogger logger, string httpMethod, string path, string protocol, string outcome, double durationMs,
        string keyId, string organisationId, string role, string correlationId);

    /// <summary>gRPC calls end with grpc-status (in the headers of a Trailers-Only response, else in the trailers).</summary>
    private static (string Protocol, string Outcome) Outcome(HttpContext http)
    {
        var response = http.Response;
        if (!GrpcHeaders.IsGrpcContentType(http.Request.ContentType))
        {
            var protocol = ConnectProtocol.TryParseContentType(http.Request.ContentType, out _, out _) ? "connect" : "http";
            return (protocol, $"http={response.StatusCode}");
        }
        var status = response.Headers[GrpcHeaders.Status].ToString();
        if (status.Length == 0) status = http.Features.Get<IHttpResponseTrailersFeature>()?.Trailers[GrpcHeaders.Status].ToString() ?? "";
        if (status.Length == 0) status = http.RequestAborted.IsCancellationRequested ? "cancelled" : "none";
        return ("grpc", $"grpc-status={status} http={response.StatusCode}");
    }
}
