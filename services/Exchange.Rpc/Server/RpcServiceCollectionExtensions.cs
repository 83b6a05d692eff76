using Microsoft.Extensions.DependencyInjection;

namespace Exchange.Rpc.Server;

public static class RpcServiceCollectionExtensions
{
    /// <summary>Registers the RPC server and its health service.</summary>
    public static IServiceCollection AddRpcServer(this IServiceCollection services, Action<RpcServerOptions>? configure = null)
    {
        var builder = services.AddOptions<RpcServerOptions>();
        if (configure is not null) builder.Configure(configure);
        services.AddSingleton<UnknownMethodFallbackMarker>();
        services.AddSingleton<HealthStatusRegistry>();
        services.AddSingleton<HealthService>();
        return services;
    }
}
