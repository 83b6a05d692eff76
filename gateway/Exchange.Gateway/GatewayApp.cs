using Exchange.Gateway.Calls;
using Exchange.Gateway.Grpc;
using Exchange.Gateway.Health;
using Exchange.Gateway.Hosting;
using Exchange.Gateway.Routing;
using Exchange.Gateway.V1;
using Exchange.Identity;
using Exchange.Rpc.Server;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Yarp.ReverseProxy.Health;

namespace Exchange.Gateway;

/// <summary>The gateway's host, built the same way by Program and by the tests.</summary>
public static class GatewayApp
{
    public static WebApplication Build(string[] args) => Build(args, configure: null);

    /// <summary>The host with <paramref name="configure"/> applied to its builder last (tests replace services with it).</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.AddGatewayHosting();
        builder.AddGatewayServices();
        configure?.Invoke(builder);

        var app = builder.Build();
        // Fail at start, not on the first call, when the signing key is missing or unreadable.
        app.Services.GetRequiredService<TokenIssuer>();

        app.UseMiddleware<CallCorrelation>();
        app.UseMiddleware<AccessLog>();
        // The portal's files are answered before routing: the unknown-path fallback would take them.
        if (app.UsePortal()) app.UseRouting();
        app.UseMiddleware<GrpcNeedsHttp2>();
        app.UseMiddleware<ApiKeyGate>();
        app.UseMiddleware<KeyRateLimiter.Gate>();
        app.UseMiddleware<RequestSizeGate>();
        app.UseMiddleware<UnaryDeadline>();

        app.MapGet("/healthz", async (PlatformHealth health) =>
        {
            var report = await health.CheckAsync();
            return Results.Json(report, statusCode: report.IsHealthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        }).WithMetadata(OpenToAnyone.Instance);
        app.MapRpcService<ApiKeysRpc>(GatewayReflection.Descriptor.FindTypeByName<ServiceDescriptor>("ApiKeys"));
        app.MapRpcService<SessionRpc>(GatewayReflection.Descriptor.FindTypeByName<ServiceDescriptor>("Session"));
        app.MapReverseProxy(proxy =>
        {
            proxy.UseMiddleware<BackendFailures>();
            proxy.UseLoadBalancing();
        }).ConfigureEndpoints((endpoint, route) =>
        {
            if (route.Metadata?.ContainsKey(ProxyRoutes.OpenToAnyoneKey) == true) endpoint.WithMetadata(OpenToAnyone.Instance);
        });
        // Every path, including those that look like file names (MapFallback alone skips them).
        app.MapFallback("{**path}", UnknownPath.HandleAsync);
        return app;
    }
}
