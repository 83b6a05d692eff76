using Exchange.Identity.Testing;
using Exchange.Messaging.Persistence;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Exchange.Testing;

/// <summary>
/// A service as it runs in production (its own host builder), on loopback ports chosen once, with
/// a fresh database of the chosen provider, the test broker, its own queues and the tests' token
/// key. It can be stopped and started again on the same ports, database and queues, as an outage
/// and a recovery of the real service would.
/// </summary>
public sealed class ServiceHost : IAsyncDisposable
{
    private readonly Func<string[], WebApplication> _build;
    private readonly Dictionary<string, string?> _settings;
    private readonly string? _sqliteFile;
    private WebApplication? _app;

    private ServiceHost(Func<string[], WebApplication> build, Dictionary<string, string?> settings, DatabaseProvider provider, string? sqliteFile, int rpcPort, int httpPort)
    {
        _build = build;
        _settings = settings;
        Provider = provider;
        _sqliteFile = sqliteFile;
        RpcAddress = new Uri($"http://127.0.0.1:{rpcPort}");
        HttpAddress = new Uri($"http://127.0.0.1:{httpPort}");
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The h2c port: gRPC and Connect over HTTP/2.</summary>
    public Uri RpcAddress { get; }

    /// <summary>The HTTP/1.1 port: Connect JSON, health and readiness.</summary>
    public Uri HttpAddress { get; }

    public bool IsRunning => _app is not null;

    public IServiceProvider Services => (_app ?? throw new InvalidOperationException("the service is stopped")).Services;

    /// <summary>Starts <paramref name="service"/> ("projects", "missions") with <paramref name="extra"/> settings on top of the test defaults.</summary>
    public static async Task<ServiceHost> StartAsync(string service, Func<string[], WebApplication> build, DatabaseProvider provider, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var rpcPort = Loopback.FreePort();
        var httpPort = Loopback.FreePort();
        var settings = new Dictionary<string, string?>(TestTokens.Settings)
        {
            ["Endpoints:RpcPort"] = rpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Endpoints:HttpPort"] = httpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ConnectionStrings:RabbitMq"] = TestServers.RabbitMq,
            ["Messaging:QueuePrefix"] = $"{service}-test-{suffix}",
            ["Messaging:RetryIntervals"] = "50,100",
            ["Logging:LogLevel:Default"] = "Warning",
            // The calendar does not roll fiscal years over under the tests: they roll over by RPC.
            ["Lifecycle:Rollover:Automatic"] = "false",
        };
        string? sqliteFile = null;
        if (provider == DatabaseProvider.PostgreSql)
        {
            var connection = new NpgsqlConnectionStringBuilder(TestServers.PostgreSql) { Database = $"{service}_{suffix}" };
            settings["Database:Provider"] = "PostgreSQL";
            settings[$"ConnectionStrings:{service}"] = connection.ConnectionString;
        }
        else
        {
            sqliteFile = Path.Combine(Path.GetTempPath(), $"exchange-{service}-{suffix}.db");
            settings[$"ConnectionStrings:{service}"] = $"Data Source={sqliteFile}";
        }
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;

        var host = new ServiceHost(build, settings, provider, sqliteFile, rpcPort, httpPort);
        await host.StartAgainAsync();
        return host;
    }

    /// <summary>Starts the stopped service again: same ports, same database, same queues.</summary>
    public async Task StartAgainAsync()
    {
        if (_app is not null) return;
        var app = _build(_settings.Select(s => $"--{s.Key}={s.Value}").ToArray());
        await app.StartAsync();
        _app = app;
        await UntilConsuming(app.Services.GetRequiredService<IBusControl>());
    }

    /// <summary>
    /// Starts the stopped service again with <paramref name="changed"/> settings on top of its own, as
    /// a redeployment with a changed configuration would: same ports, same database, same queues.
    /// </summary>
    public Task StartAgainAsync(IReadOnlyDictionary<string, string?> changed)
    {
        if (_app is not null) throw new InvalidOperationException("stop the service before changing its settings");
        foreach (var (key, value) in changed) _settings[key] = value;
        return StartAgainAsync();
    }

    /// <summary>
    /// The bus starts in the background: until its queues are bound, RabbitMQ drops what is
    /// published to them. Tests that publish right after a start wait for this first.
    /// </summary>
    private static async Task UntilConsuming(IBusControl bus)
    {
        for (var i = 0; i < 600 && bus.CheckHealth().Status != BusHealthStatus.Healthy; i++) await Task.Delay(50);
        if (bus.CheckHealth().Status != BusHealthStatus.Healthy) throw new TimeoutException("the service's bus did not become healthy within 30 s");
    }

    /// <summary>Stops the service: its ports close and its queues keep what arrives meanwhile.</summary>
    public async Task StopAsync()
    {
        if (_app is null) return;
        var app = _app;
        _app = null;
        await app.StopAsync();
        await app.DisposeAsync();
    }

    /// <summary>A new scope's database context, for looking at what was stored.</summary>
    public async Task<T> InDatabase<TDb, T>(Func<TDb, Task<T>> query) where TDb : DbContext
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TDb>());
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (_sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(_sqliteFile);
        }
    }
}
