using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Exchange.ServiceDefaults;

/// <summary>
/// Takes the caller's <c>x-correlation-id</c> (or makes one), puts it in the log scope of the
/// call and in <see cref="CorrelationId.Current"/> for outgoing calls and events, and returns it.
/// </summary>
internal sealed class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[CorrelationId.HeaderName].ToString();
        var id = CorrelationId.IsValid(incoming) ? incoming : CorrelationId.New();
        context.Response.Headers[CorrelationId.HeaderName] = id;
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = id });
        using var current = CorrelationId.Use(id);
        await next(context);
    }
}
