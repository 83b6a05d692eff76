using Exchange.Messaging.Correlation;

namespace Exchange.Gateway.Calls;

/// <summary>
/// Gives every call a correlation id: the caller's <c>x-correlation-id</c> when it is a short
/// printable value, else a new one. The id is forwarded to the service (which puts it in its logs
/// and events), returned to the caller, and put in the scope of the gateway's own log lines.
/// </summary>
public sealed class CallCorrelation(RequestDelegate next, ILogger<CallCorrelation> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var headers = http.Request.Headers;
        var incoming = headers[CorrelationHeaders.Name].ToString();
        var id = CorrelationHeaders.IsValid(incoming) ? incoming : CorrelationHeaders.NewId();
        headers[CorrelationHeaders.Name] = id;
        http.Features.Set(new CallCorrelationId(id));
        http.Response.OnStarting(static state =>
        {
            var (response, value) = ((HttpResponse, string))state;
            response.Headers[CorrelationHeaders.Name] = value;
            return Task.CompletedTask;
        }, (http.Response, id));
        using (logger.BeginScope(CorrelationHeaders.LogScope(id)))
        {
            await next(http);
        }
    }
}

/// <summary>The correlation id of the current call.</summary>
public sealed record CallCorrelationId(string Value);
