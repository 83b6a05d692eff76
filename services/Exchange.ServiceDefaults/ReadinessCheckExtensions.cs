using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exchange.ServiceDefaults;

public static class ReadinessCheckExtensions
{
    /// <summary>Readiness of a service with a database and a bus: both must answer.</summary>
    public static IServiceCollection AddReadinessChecks<TContext>(this IServiceCollection services) where TContext : DbContext
    {
        services.AddSingleton<IReadinessCheck, DatabaseReadinessCheck<TContext>>();
        services.AddSingleton<IReadinessCheck, BrokerReadinessCheck>();
        return services;
    }
}
