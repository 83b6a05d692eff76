using Npgsql;

namespace Exchange.Messaging.Benchmark;

/// <summary>A fresh database for one side of one run: a SQLite file, or a PostgreSQL database dropped afterwards.</summary>
public sealed class BenchmarkDatabase : IAsyncDisposable
{
    private readonly string? _sqliteFile;
    private readonly string? _adminConnection;
    private readonly string? _name;

    private BenchmarkDatabase(IReadOnlyDictionary<string, string?> settings, string? sqliteFile, string? adminConnection, string? name)
    {
        Settings = settings;
        _sqliteFile = sqliteFile;
        _adminConnection = adminConnection;
        _name = name;
    }

    /// <summary>The service's database settings for the "tally" service.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    public static async Task<BenchmarkDatabase> CreateAsync(string provider, string? postgres, string name)
    {
        if (provider == "sqlite")
        {
            var file = Path.Combine(Path.GetTempPath(), $"exchange-bench-{name}.db");
            return new BenchmarkDatabase(new Dictionary<string, string?> { ["ConnectionStrings:tally"] = $"Data Source={file}" }, file, null, null);
        }
        await using (var connection = new NpgsqlConnection(postgres))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"create database {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        var database = new NpgsqlConnectionStringBuilder(postgres) { Database = name, MaxPoolSize = 50 };
        return new BenchmarkDatabase(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSQL",
            ["ConnectionStrings:tally"] = database.ConnectionString,
        }, null, postgres, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_sqliteFile + suffix);
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_adminConnection);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop database if exists {_name} with (force)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
