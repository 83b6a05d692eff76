using Microsoft.AspNetCore.Builder;

namespace Exchange.Messaging.Correlation;

public static class CorrelationApplicationBuilderExtensions
{
    /// <summary>Adds <see cref="CorrelationIdMiddleware"/>; put it first so every later log line carries the id.</summary>
    public static IApplicationBuilder UseCorrelationId(this IApplicationBuilder app) =>
        app.UseMiddleware<CorrelationIdMiddleware>();
}
