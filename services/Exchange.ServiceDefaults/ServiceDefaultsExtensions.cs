using System.Net;
using Exchange.Messaging;
using Exchange.Messaging.Correlation;
using Exchange.Rpc.Server;
using Exchange.ServiceDefaults.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Exchange.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    /// <summary>
    /// Kestrel on the configured ports, the RPC server, structured console logs with scopes,
    /// and the readiness registry. Every service calls this first.
    /// </summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, string serviceName)
    {
        var endpoints = builder.Configuration.GetSection(ServiceEndpoints.Section).Get<ServiceEndpoints>() ?? new ServiceEndpoints();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            var address = IPAddress.Parse(endpoints.Host);
            kestrel.Listen(address, endpoints.RpcPort, o => o.Protocols = HttpProtocols.Http2);
            kestrel.Listen(address, endpoints.HttpPort, o => o.Protocols = HttpProtocols.Http1);
            kestrel.Limits.Http2.MaxStreamsPerConnection = 1000;
            // Long server streams (health Watch, exports) must not be cut by idle timeouts.
            kestrel.Limits.KeepAliveTimeout = TimeSpan.FromMinutes(10);
        });
        builder.Logging.AddExchangeConsole(builder.Configuration);
        builder.Services.AddRpcServer(o =>
        {
            builder.Configuration.GetSection("Rpc").Bind(o);
            o.ExceptionStatus = InfrastructureFailures.ToStatus;
        });
        builder.Services.AddSingleton(new ServiceIdentity(serviceName));
        builder.Services.AddCorrelation();
        builder.Services.AddHostedService<ReadinessProbe>();
        return builder;
    }

    /// <summary>
    /// Health for gRPC callers (<c>grpc.health.v1</c>) and for HTTP probes: <c>/healthz</c>
    /// answers while the process runs, <c>/readyz</c> only while every readiness check passes.
    /// The correlation id of each call goes into the log scope and back to the caller.
    /// </summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        app.UseCorrelationId();
        app.MapRpcHealthService();
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/readyz", (HealthStatusRegistry registry, ServiceIdentity identity) =>
        {
            var statuses = registry.Snapshot();
            var ready = statuses.Values.All(s => s == Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving);
            var body = statuses.ToDictionary(p => p.Key.Length == 0 ? identity.Name : p.Key, p => p.Value.ToString());
            return Results.Json(body, statusCode: ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        return app;
    }
}
