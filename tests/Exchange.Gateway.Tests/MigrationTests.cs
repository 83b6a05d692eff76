using Exchange.Gateway.Data;
using Exchange.Gateway.Keys;
using Exchange.Gateway.Tests.Infrastructure;
using Exchange.Messaging.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Role = Exchange.Identity.Role;

namespace Exchange.Gateway.Tests;

/// <summary>
/// The key store's hand-written migration creates what the model maps, and the same migration
/// runs on PostgreSQL, where a key is stored and read back with its hashes and times.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class MigrationTests(Platform platform)
{
    [Fact]
    public async Task The_migration_creates_every_table_and_column_of_the_model()
    {
        var fromModel = Path.Combine(Path.GetTempPath(), $"exchange-gateway-model-{Guid.NewGuid():N}.db");
        try
        {
            await using (var db = new GatewayDb(new DbContextOptionsBuilder<GatewayDb>().UseSqlite($"Data Source={fromModel}").Options))
                await db.Database.EnsureCreatedAsync();
            var expected = await Schema($"Data Source={fromModel}");
            var actual = await Schema(platform.Gateway.KeyStoreConnectionString);
            Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
            foreach (var (table, columns) in expected) Assert.Equal(columns, actual[table]);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(fromModel);
        }
    }

    [Fact]
    public async Task Keys_are_stored_and_read_back_on_PostgreSQL()
    {
        var database = $"gateway_{Guid.NewGuid():N}"[..24];
        var settings = new ServiceDatabaseSettings(DatabaseProvider.PostgreSql, new NpgsqlConnectionStringBuilder(TestServers.PostgreSql) { Database = database }.ConnectionString);
        var options = new DbContextOptionsBuilder<GatewayDb>().UseProvider(settings).Options;
        try
        {
            await using (var db = new GatewayDb(options))
            {
                var applied = await DatabaseMigrator<GatewayDb>.MigrateAsync(db, settings, CancellationToken.None);
                Assert.Equal([Data.Migrations.Initial.Id], applied);
            }
            ApiKeyStore.IssuedKey issued;
            await using (var db = new GatewayDb(options))
            {
                var store = new ApiKeyStore(db, TimeProvider.System);
                issued = await store.CreateAsync(TieUps.Jena, "Jena", Role.OverseasPartner, "portal", TimeSpan.FromDays(30), "test", CancellationToken.None);
                await store.RotateAsync(issued.Key, TimeSpan.FromHours(1), null, CancellationToken.None);
            }
            await using (var db = new GatewayDb(options))
            {
                var store = new ApiKeyStore(db, TimeProvider.System);
                var read = (await store.FindAsync(issued.Key.Id, CancellationToken.None))!;
                Assert.Equal((Role.OverseasPartner, 2L), (read.Role, read.Version));
                Assert.Equal(ApiKeyText.Hash(issued.Text), read.PreviousSecretHash);
                Assert.InRange(read.PreviousSecretValidUntil!.Value - read.RotatedAt!.Value, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(61));
                Assert.Single(await store.ListAsync(TieUps.Jena, [Role.OverseasPartner], includeInactive: false, CancellationToken.None));
                Assert.Empty(await store.ListAsync(TieUps.Jena, [Role.ImplementationBody], includeInactive: true, CancellationToken.None));
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(TestServers.PostgreSql);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static async Task<Dictionary<string, List<string>>> Schema(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EF%' ORDER BY name";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var schema = new Dictionary<string, List<string>>();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT name, type, \"notnull\" FROM pragma_table_info('{table}') ORDER BY name";
            await using var reader = await command.ExecuteReaderAsync();
            var columns = new List<string>();
            while (await reader.ReadAsync()) columns.Add($"{reader.GetString(0)} {reader.GetString(1)} {(reader.GetInt64(2) == 1 ? "not null" : "null")}");
            schema[table] = columns;
        }
        return schema;
    }
}
