using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Exchange.Messaging.Correlation;

/// <summary>
/// Takes the correlation id from the request's <c>x-correlation-id</c> header (gRPC metadata is carried
/// in HTTP headers) or starts a new one, makes it current for the request and echoes it in the response.
/// </summary>
public sealed class CorrelationIdMiddleware(RequestDelegate next, ICorrelationContext correlation, ILogger<CorrelationIdMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[CorrelationHeaders.Name].ToString();
        var correlationId = CorrelationHeaders.IsValid(incoming) ? incoming : CorrelationHeaders.NewId();

        context.Response.OnStarting(() =>
        {
            context.Response.Headers[CorrelationHeaders.Name] = correlationId;
            return Task.CompletedTask;
        });

        using (correlation.Begin(correlationId))
        using (logger.BeginScope(CorrelationHeaders.LogScope(correlationId)))
        {
            await next(context);
        }
    }
}
