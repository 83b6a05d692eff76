using Exchange.Messaging.Persistence;
using Npgsql;

namespace Exchange.Messaging.Tests.Infrastructure;

/// <summary>A database of its own for one test: a temporary SQLite file or a fresh PostgreSQL database.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly Func<Task> _drop;

    private TestDatabase(ServiceDatabaseSettings settings, Func<Task> drop)
    {
        Settings = settings;
        _drop = drop;
    }

    public ServiceDatabaseSettings Settings { get; }

    public DatabaseProvider Provider => Settings.Provider;

    /// <summary>Configuration keys that make <c>AddServiceDatabase(configuration, "ledger")</c> use this database.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Configuration =>
    [
        new("Database:Provider", Provider == DatabaseProvider.PostgreSql ? "PostgreSQL" : "Sqlite"),
        new("ConnectionStrings:ledger", Settings.ConnectionString),
    ];

    public static Task<TestDatabase> CreateAsync(DatabaseProvider provider) =>
        provider == DatabaseProvider.PostgreSql ? CreatePostgresAsync() : Task.FromResult(CreateSqlite());

    private static TestDatabase CreateSqlite()
    {
        var folder = Path.Combine(Path.GetTempPath(), "exchange-messaging-tests", Guid.NewGuid().ToString("N"));
        var file = Path.Combine(folder, "ledger.db");
        Directory.CreateDirectory(folder);
        return new TestDatabase(
            new ServiceDatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={file};Pooling=False"),
            () =>
            {
                if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
                return Task.CompletedTask;
            });
    }

    private static async Task<TestDatabase> CreatePostgresAsync()
    {
        var admin = TestServers.Postgres;
        var name = "ledger_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(admin, $"CREATE DATABASE {name}");
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false }.ConnectionString;
        return new TestDatabase(
            new ServiceDatabaseSettings(DatabaseProvider.PostgreSql, connectionString),
            () => ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync() => await _drop();
}
