using Exchange.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Exchange.Messaging.Persistence;

public static class ServiceDatabaseExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TContext"/> on SQLite (default, a file per service) or PostgreSQL
    /// (see <see cref="ServiceDatabaseSettings"/>), and applies its migrations when the host starts,
    /// before any other hosted service (the bus, the outbox dispatcher) starts.
    /// </summary>
    public static IServiceCollection AddServiceDatabase<TContext>(
        this IServiceCollection services,
        IConfiguration configuration,
        string serviceName,
        Action<DbContextOptionsBuilder>? configure = null)
        where TContext : DbContext
    {
        var settings = ServiceDatabaseSettings.From(configuration, serviceName);
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton<OutboxCommitInterceptor>();

        // Pooled: the options are built once, not per scope, and contexts are reset and reused;
        // building them per scope cost more CPU than the queries of a typical unit of work.
        services.AddDbContextPool<TContext>((provider, options) =>
        {
            UseProvider(options, settings);
            options.AddInterceptors(provider.GetRequiredService<OutboxCommitInterceptor>());
            configure?.Invoke(options);
        });

        // First in the list: hosted services start in registration order, and nothing may touch the
        // database (or receive messages that do) before its schema is current.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService>(provider => new DatabaseMigrator<TContext>(
            provider.GetRequiredService<IServiceScopeFactory>(),
            settings,
            provider.GetRequiredService<ILogger<DatabaseMigrator<TContext>>>())));
        return services;
    }

    /// <summary>Configures <paramref name="options"/> for <paramref name="settings"/>; also for tests and tools.</summary>
    public static TBuilder UseProvider<TBuilder>(this TBuilder options, ServiceDatabaseSettings settings)
        where TBuilder : DbContextOptionsBuilder
    {
        _ = settings.Provider switch
        {
            DatabaseProvider.PostgreSql => options.UseNpgsql(settings.ConnectionString),
            _ => options.UseSqlite(settings.ConnectionString),
        };
        // Migrations are written by hand, without a model snapshot (see ServiceMigrations), so EF
        // cannot compare them with the model; the migration tests do that instead.
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        return options;
    }
}
