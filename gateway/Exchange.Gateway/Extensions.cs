using Exchange.Gateway.Calls;
using Exchange.Gateway.Data;
using Exchange.Gateway.Grpc;
using Exchange.Gateway.Health;
using Exchange.Gateway.Keys;
using Exchange.Gateway.Routing;
using Exchange.Identity;
using Exchange.Messaging.Persistence;
using Exchange.Rpc.Server;
using Exchange.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;

namespace Exchange.Gateway;

public static class Extensions
{
    /// <summary>The gateway's parts: its key store, the token issuer, limits, health and the YARP routes.</summary>
    public static WebApplicationBuilder AddGatewayServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.TryAddSingleton(TimeProvider.System);
        services.AddKeyStore(configuration);
        services.Configure<LimitOptions>(configuration.GetSection(LimitOptions.Section));
        services.Configure<RateLimitOptions>(configuration.GetSection(RateLimitOptions.Section));
        services.Configure<ForwardingOptions>(configuration.GetSection(ForwardingOptions.Section));
        services.Configure<ExchangeIdentityOptions>(configuration.GetSection(ExchangeIdentityOptions.Section));
        // The gateway holds the signing key; a missing one stops it at start-up (GatewayApp resolves it).
        services.AddSingleton(provider => TokenIssuer.FromOptions(
            provider.GetRequiredService<IOptions<ExchangeIdentityOptions>>().Value, provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ApiKeyValidator>();
        services.AddSingleton<KeyRateLimiter>();
        services.AddScoped<ApiKeysRpc>();
        services.AddSingleton<SessionRpc>();

        var backends = BackendServices.From(configuration);
        services.AddSingleton(backends);
        services.AddSingleton(RpcCatalog.Platform);
        services.AddHttpClient();
        services.AddSingleton<PlatformHealth>();

        services.AddRpcServer(o =>
        {
            configuration.GetSection("Rpc").Bind(o);
            o.ExceptionStatus = InfrastructureFailures.ToStatus;
        });
        var forwarding = configuration.GetSection(ForwardingOptions.Section).Get<ForwardingOptions>() ?? new ForwardingOptions();
        services.AddReverseProxy()
            .LoadFromMemory(ProxyRoutes.Routes(backends), ProxyRoutes.Clusters(backends, forwarding))
            .AddTransforms(context => Http1Upstream.Apply(context, backends));
        services.AddSingleton<IForwarderHttpClientFactory, BackendConnections>();
        return builder;
    }

    /// <summary>The key store alone: what the gateway and its command line share.</summary>
    public static IServiceCollection AddKeyStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddServiceDatabase<GatewayDb>(configuration, "gateway");
        services.Configure<KeyOptions>(configuration.GetSection(KeyOptions.Section));
        services.AddScoped<ApiKeyStore>();
        services.AddScoped<KeyAdministration>();
        return services;
    }
}
