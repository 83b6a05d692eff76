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

    private ProjectsHost(WebApplication app, DatabaseProvider provider, string? sqliteFile, string queuePrefix)
    {
        _app = app;
        Provider = provider;
        _sqliteFile = sqliteFile;
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
            ["Logging:LogLevel:Default"] = "Warning",
        };
        string? sqliteFile = null;
        if (provider == DatabaseProvider.PostgreSql)
        {
            var connection = new NpgsqlConnectionStringBuilder(TestServers.PostgreSql) { Database = $"projects_{suffix}" };
            settings["Database:Provider"] = "PostgreSQL";
            settings["ConnectionStrings:projects"] = connection.ConnectionString;
        }
        else
        {
            sqliteFile = Path.Combine(Path.GetTempPath(), $"exchange-projects-{suffix}.db");
            settings["ConnectionStrings:projects"] = $"Data Source={sqliteFile}";
        }

        var app = ProjectsApp.Build(settings.Select(s => $"--{s.Key}={s.Value}").ToArray());
        await app.StartAsync();
        return new ProjectsHost(app, provider, sqliteFile, queuePrefix);
    }

    /// <summary>A new scope's database context, for looking at what was stored.</summary>
    public async Task<T> InDatabase<T>(Func<ProjectsDb, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ProjectsDb>());
    }

    public Task<int> OutboxCount() => InDatabase(db => db.Set<Messaging.Outbox.OutboxMessage>().CountAsync());

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        // The consumer's queues are durable: without this, every run would leave queues behind
        // that collect each later run's messages.
        await Broker.DeleteEndpoint($"{QueuePrefix}-activity-outcome");
        if (_sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(_sqliteFile);
        }
    }
}
