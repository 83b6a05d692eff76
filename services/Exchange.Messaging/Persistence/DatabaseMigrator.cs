using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Exchange.Messaging.Persistence;

/// <summary>Brings the service's database to its latest migration when the host starts.</summary>
public sealed class DatabaseMigrator<TContext>(IServiceScopeFactory scopes, ServiceDatabaseSettings settings, ILogger<DatabaseMigrator<TContext>> logger)
    : IHostedService
    where TContext : DbContext
{
    /// <summary>
    /// A database that is still starting (a PostgreSQL restarting next to the service) is waited
    /// for, up to about a minute, instead of failing the service's start.
    /// </summary>
    private static readonly ResiliencePipeline StartupRetry = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<DbException>().Handle<TimeoutException>(),
            MaxRetryAttempts = 8,
            BackoffType = DelayBackoffType.Exponential,
            Delay = TimeSpan.FromMilliseconds(500),
            MaxDelay = TimeSpan.FromSeconds(15),
            UseJitter = true,
        })
        .Build();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        // EF reads the migrations history before it creates the table and logs the failed read of a
        // brand-new database as an error; for the migration only, such command errors are debug
        // lines (a migration that really fails still throws, and is logged below).
        var options = new DbContextOptionsBuilder<TContext>(scope.ServiceProvider.GetRequiredService<DbContextOptions<TContext>>())
            .ConfigureWarnings(w => w.Log((RelationalEventId.CommandError, LogLevel.Debug)))
            .Options;
        await using var db = ActivatorUtilities.CreateInstance<TContext>(scope.ServiceProvider, options);
        var applied = await StartupRetry.ExecuteAsync(async token =>
        {
            try
            {
                return await MigrateAsync(db, settings, token);
            }
            catch (DbException ex)
            {
                logger.LogWarning("Database of {Context} not reachable yet: {Reason}", typeof(TContext).Name, ex.Message);
                throw;
            }
        }, cancellationToken);
        logger.LogInformation("Database of {Context} on {Provider} is at migration {Migration} ({Applied} applied now)",
            typeof(TContext).Name, settings.Provider, (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).LastOrDefault(), applied.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Applies the pending migrations of <paramref name="db"/> and returns their ids. EF runs each
    /// migration in a transaction, records it in <c>__EFMigrationsHistory</c>, and holds a database
    /// lock meanwhile, so instances starting together do not apply a migration twice.
    /// </summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(TContext db, ServiceDatabaseSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Provider == DatabaseProvider.Sqlite) await PrepareSqliteAsync(db, settings, cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        return pending;
    }

    private static async Task PrepareSqliteAsync(TContext db, ServiceDatabaseSettings settings, CancellationToken cancellationToken)
    {
        var file = new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder) && file != ":memory:") Directory.CreateDirectory(folder);
        // Write-ahead logging lets the dispatcher read the outbox while the service writes; the
        // setting is kept in the file, so once is enough.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }
}
