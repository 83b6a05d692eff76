using Exchange.Identity.Testing;
using Exchange.Messaging.Persistence;
using Exchange.Projects.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Exchange.Projects.Tests.Infrastructure;

/// <summary>
/// The Projects service as it runs in production (its own Program), on loopback ports, with a
/// fresh database of the chosen provider, the test broker, and the tests' token key.
/// </summary>
public sealed class ProjectsHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string? _sqliteFile;
    private readonly string? _postgresConnection;

    private ProjectsHost(WebApplication app, DatabaseProvider provider, string? sqliteFile, string? postgresConnection, string queuePrefix)
    {
        _app = app;
        Provider = provider;
        _sqliteFile = sqliteFile;
        _postgresConnection = postgresConnection;
        QueuePrefix = queuePrefix;
        var ports = app.Urls.Select(u => new Uri(u)).ToArray();
        RpcAddress = ports[0];
        HttpAddress = ports[1];
    }

    public DatabaseProvider Provider { get; }

    public string QueuePrefix { get; }

    public Uri RpcAddress { get; }

    public Uri HttpAddress { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<ProjectsHost> StartAsync(DatabaseProvider provider, bool loadDemo = false)
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var queuePrefix = $"projects-test-{suffix}";
        var settings = new Dictionary<string, string?>(TestTokens.Settings)
        {
            ["Endpoints:RpcPort"] = "0",
            ["Endpoints:HttpPort"] = "0",
            ["ConnectionStrings:RabbitMq"] = TestServers.RabbitMq,
            ["Messaging:QueuePrefix"] = queuePrefix,
            ["Messaging:RetryIntervals"] = "50,100",
            ["Demo:Load"] = loadDemo ? "true" : "false",
            // The calendar does not roll fiscal years over under the tests: they roll over by RPC.
            ["Lifecycle:Rollover:Automatic"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        string? sqliteFile = null;
        string? postgresConnection = null;
        if (provider == DatabaseProvider.PostgreSql)
        {
            var connection = new NpgsqlConnectionStringBuilder(TestServers.PostgreSql) { Database = $"projects_{suffix}" };
            settings["Database:Provider"] = "PostgreSQL";
            postgresConnection = connection.ConnectionString;
            settings["ConnectionStrings:projects"] = postgresConnection;
        }
        else
        {
            sqliteFile = Path.Combine(Path.GetTempPath(), $"exchange-projects-{suffix}.db");
            settings["ConnectionStrings:projects"] = $"Data Source={sqliteFile}";
        }

        var app = ProjectsApp.Build(settings.Select(s => $"--{s.Key}={s.Value}").ToArray());
        try
        {
            await app.StartAsync();
        }
        catch
        {
            // A host that fails to start (demo data refused, say) must not leave its queues behind either.
            await ReleaseAsync(app, sqliteFile, postgresConnection, queuePrefix);
            throw;
        }
        return new ProjectsHost(app, provider, sqliteFile, postgresConnection, queuePrefix);
    }

    /// <summary>A new scope's database context, for looking at what was stored.</summary>
    public async Task<T> InDatabase<T>(Func<ProjectsDb, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ProjectsDb>());
    }

    /// <summary>
    /// The events the service has written, but its answers to other services' requests for the
    /// snapshots of every project: any service starting on the test broker may ask at any time.
    /// </summary>
    public Task<int> OutboxCount() => InDatabase(db => db.Set<Messaging.Outbox.OutboxMessage>().CountAsync(m => !m.StreamKey.StartsWith("project-snapshots/")));

    public ValueTask DisposeAsync() => ReleaseAsync(_app, _sqliteFile, _postgresConnection, QueuePrefix);

    private static async ValueTask ReleaseAsync(WebApplication app, string? sqliteFile, string? postgresConnection, string queuePrefix)
    {
        await app.StopAsync();
        await app.DisposeAsync();
        // The consumer's queues are durable: without this, every run would leave queues behind
        // that collect each later run's messages.
        await Broker.DeleteEndpoint($"{queuePrefix}-activity-outcome");
        await Broker.DeleteEndpoint($"{queuePrefix}-project-snapshots-requested");
        if (sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(sqliteFile);
        }
        // Each host has a database of its own, which no later run uses.
        if (postgresConnection is not null) await DropDatabase(postgresConnection);
    }

    private static async Task DropDatabase(string connectionString)
    {
        await using (var pooled = new NpgsqlConnection(connectionString)) NpgsqlConnection.ClearPool(pooled);
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var connection = new NpgsqlConnection(TestServers.PostgreSql);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
